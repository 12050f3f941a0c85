package dev.damagedesk.localaws.emulator;

import dev.damagedesk.localaws.mailbox.LocalMailbox;
import dev.damagedesk.localaws.template.SamTemplate;
import dev.damagedesk.localaws.template.TemplateValues;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The emulators one local DamageDesk needs: SQS (ElasticMQ, in this JVM), DynamoDB (dynalite), SES v2
 * (aws-ses-v2-local), Cognito user pools (cognito-local) and S3 (s3rver), started in parallel on free loopback
 * ports. With a data directory, DynamoDB data ({@code dataDir/dynamodb}), the queues and their messages, in-flight
 * ones included ({@code dataDir/sqs}, an H2 database), the user pools ({@code dataDir/cognito}) and the buckets
 * ({@code dataDir/s3}) and the sent mail ({@code dataDir/mailbox/sent.jsonl}) survive a restart, even a killed JVM, and
 * the emulators log to {@code dataDir/logs}. Without one, cognito-local and s3rver keep their files in a fresh folder under
 * {@code infrastructure/emulators/target/tmp} that {@link #close()} deletes.
 *
 * <p>Opt-in: with {@code -Ddamagedesk.aws=NAME} another {@link AwsBackend} from the class path serves the same API
 * instead (LocalStack with {@code -Plocalstack}); see {@link AwsBackends}.
 */
public final class LocalAws implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalAws.class);

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT_ID = "000000000000";
    /**
     * Dummy credentials for every emulator: the others accept any, s3rver accepts only its built-in key pair
     * {@code S3RVER}/{@code S3RVER} (and checks the SigV4 signature made with it), so that pair it is.
     */
    public static final String ACCESS_KEY_ID = "S3RVER";
    public static final String SECRET_ACCESS_KEY = "S3RVER";
    /** Set (to {@code true}) for functions by {@link #clientProperties()}: their S3 clients address s3rver path-style. */
    public static final String S3_FORCE_PATH_STYLE = "DAMAGEDESK_S3_FORCE_PATH_STYLE";

    // replaced by restart(): the new one listens on the same port
    private volatile ElasticMq elasticMq;
    private volatile NodeEmulator dynalite;
    private volatile NodeEmulator sesLocal;
    /** Where the emulators keep their state; empty in memory. */
    private final Optional<Path> dataDir;
    private final NodeEmulator cognitoLocal;
    private final NodeEmulator s3rver;
    /** Folders to delete at close (the in-memory runs' cognito-local and s3rver files). */
    private final List<Path> scratchDirs;
    /** Null for the built-in emulators; else the backend that serves SQS, DynamoDB and (when it can) SES. */
    private final AwsBackend backend;
    private final String backendName;
    private final Duration startupTime;
    private final DataDirLock dataDirLock;
    private final SqsClient sqs;
    private final DynamoDbClient dynamoDb;
    private final CognitoIdentityProviderClient cognito;
    private final S3Client s3;
    private boolean closed;

    private LocalAws(ElasticMq elasticMq, NodeEmulator dynalite, NodeEmulator sesLocal, AwsBackend backend,
                     String backendName, Duration startupTime, DataDirLock dataDirLock, SqsClient sqs,
                     DynamoDbClient dynamoDb, StaffEmulators staff, Optional<Path> dataDir) {
        this.dataDir = dataDir;
        this.cognitoLocal = staff.cognitoLocal();
        this.s3rver = staff.s3rver();
        this.scratchDirs = staff.scratchDirs();
        this.cognito = staff.cognito();
        this.s3 = staff.s3();
        this.backend = backend;
        this.backendName = backendName;
        this.sqs = sqs;
        this.dynamoDb = dynamoDb;
        this.elasticMq = elasticMq;
        this.dynalite = dynalite;
        this.sesLocal = sesLocal;
        this.startupTime = startupTime;
        this.dataDirLock = dataDirLock;
    }

    /**
     * Starts the emulators, installing the npm ones first when {@code infrastructure/emulators/node_modules} is
     * missing; or, when the system property {@value AwsBackends#PROPERTY} names one, the {@link AwsBackend} of that
     * name from the class path.
     *
     * @param dataDir where DynamoDB, SQS, Cognito and S3 keep their data and the emulators their logs; in memory
     *                (logs under {@code infrastructure/emulators/target/logs}) when empty
     */
    public static LocalAws start(Path repositoryRoot, Optional<Path> dataDir) {
        Optional<AwsBackendProvider> provider = AwsBackends.selected();
        if (provider.isPresent()) {
            return startBackend(provider.get(), repositoryRoot, dataDir);
        }
        long startNanos = System.nanoTime();
        Path emulatorsDir = repositoryRoot.resolve("infrastructure").resolve("emulators").toAbsolutePath();
        installNodeEmulatorsIfMissing(emulatorsDir);
        DataDirLock lock = dataDir.map(DataDirLock::acquire).orElse(null);
        Path logDir = dataDir.map(dir -> dir.resolve("logs")).orElse(NodeEmulator.defaultLogDir(emulatorsDir));
        Optional<Path> dynamoDbDir = dataDir.map(dir -> dir.resolve("dynamodb"));
        Optional<Path> sqsDir = dataDir.map(dir -> dir.resolve("sqs"));

        ExecutorService starter = Executors.newFixedThreadPool(5, runnable -> {
            Thread thread = new Thread(runnable, "local-aws-start");
            thread.setDaemon(true);
            return thread;
        });
        boolean started = false;
        try {
            // Each client is built (and its first call made, which loads most of the SDK) as soon as its emulator
            // answers, while the slower emulators are still starting.
            CompletableFuture<NodeEmulator> dynaliteStart = CompletableFuture.supplyAsync(
                    () -> NodeEmulator.dynalite(emulatorsDir, dynamoDbDir, logDir), starter);
            CompletableFuture<DynamoDbClient> dynamoDbClient = dynaliteStart.thenApplyAsync(emulator -> {
                DynamoDbClient client = dynamoDbClient(emulator.endpoint());
                client.listTables(request -> request.limit(1));
                return client;
            }, starter);
            CompletableFuture<NodeEmulator> sesStart = CompletableFuture.supplyAsync(
                    () -> NodeEmulator.sesLocal(emulatorsDir, logDir, dataDir.map(LocalAws::mailboxFile)), starter);
            CompletableFuture<ElasticMq> sqsStart = CompletableFuture.supplyAsync(() -> ElasticMq.start(sqsDir), starter);
            CompletableFuture<StaffEmulators> staffStart = StaffEmulators.startAsync(emulatorsDir, dataDir, logDir,
                    starter);
            CompletableFuture<SqsClient> sqsClient = sqsStart.thenApplyAsync(emulator -> {
                SqsClient client = sqsClient(emulator.endpoint());
                client.listQueues();
                return client;
            }, starter);
            List<RuntimeException> failures = new ArrayList<>();
            ElasticMq elasticMq = join(sqsStart, failures);
            NodeEmulator dynalite = join(dynaliteStart, failures);
            NodeEmulator sesLocal = join(sesStart, failures);
            StaffEmulators staff = join(staffStart, failures);
            SqsClient sqs = failures.isEmpty() ? join(sqsClient, failures) : null;
            DynamoDbClient dynamoDb = failures.isEmpty() ? join(dynamoDbClient, failures) : null;
            if (!failures.isEmpty()) {
                closeQuietly(staff);
                closeQuietly(sqs);
                closeQuietly(dynamoDb);
                closeQuietly(elasticMq);
                closeQuietly(dynalite);
                closeQuietly(sesLocal);
                RuntimeException failure = failures.get(0);
                failures.subList(1, failures.size()).forEach(failure::addSuppressed);
                throw failure;
            }
            Duration startupTime = Duration.ofNanos(System.nanoTime() - startNanos);
            LOG.info("Local AWS up in {} ms: SQS {}, DynamoDB {}, SES {}, Cognito {}, S3 {}", startupTime.toMillis(),
                    elasticMq.endpoint(), dynalite.endpoint(), sesLocal.endpoint(), staff.cognitoLocal().endpoint(),
                    staff.s3rver().endpoint());
            LocalAws aws = new LocalAws(elasticMq, dynalite, sesLocal, null, AwsBackends.EMULATORS, startupTime, lock,
                    sqs, dynamoDb, staff, dataDir);
            started = true;
            return aws;
        } finally {
            starter.shutdown();
            if (!started && lock != null) {
                lock.close();
            }
        }
    }

    /**
     * Starts an {@link AwsBackend} instead of the emulators, plus aws-ses-v2-local when the backend does not serve
     * SES v2. The clients are built and answer before this returns, as with the emulators.
     */
    static LocalAws startBackend(AwsBackendProvider provider, Path repositoryRoot, Optional<Path> dataDir) {
        long startNanos = System.nanoTime();
        DataDirLock lock = dataDir.map(DataDirLock::acquire).orElse(null);
        AwsBackend backend = null;
        NodeEmulator sesLocal = null;
        SqsClient sqs = null;
        DynamoDbClient dynamoDb = null;
        StaffEmulators staff = null;
        try {
            backend = provider.start(repositoryRoot, dataDir);
            if (backend.sesEndpoint().isEmpty()) {
                Path emulatorsDir = repositoryRoot.resolve("infrastructure").resolve("emulators").toAbsolutePath();
                installNodeEmulatorsIfMissing(emulatorsDir);
                Path logDir = dataDir.map(dir -> dir.resolve("logs")).orElse(NodeEmulator.defaultLogDir(emulatorsDir));
                sesLocal = NodeEmulator.sesLocal(emulatorsDir, logDir);
            }
            // Cognito and S3 come from cognito-local and s3rver whatever the backend (LocalStack's Cognito is not free)
            Path staffEmulatorsDir = repositoryRoot.resolve("infrastructure").resolve("emulators").toAbsolutePath();
            installNodeEmulatorsIfMissing(staffEmulatorsDir);
            staff = StaffEmulators.startAsync(staffEmulatorsDir, dataDir,
                    dataDir.map(dir -> dir.resolve("logs")).orElse(NodeEmulator.defaultLogDir(staffEmulatorsDir)),
                    Runnable::run).join();
            sqs = sqsClient(backend.sqsEndpoint());
            sqs.listQueues();
            dynamoDb = dynamoDbClient(backend.dynamoDbEndpoint());
            dynamoDb.listTables(request -> request.limit(1));
            Duration startupTime = Duration.ofNanos(System.nanoTime() - startNanos);
            LOG.info("Local AWS ({}) up in {} ms: SQS {}, DynamoDB {}, SES {}", backend.description(),
                    startupTime.toMillis(), backend.sqsEndpoint(), backend.dynamoDbEndpoint(),
                    sesLocal != null ? sesLocal.endpoint() + " (aws-ses-v2-local: the backend serves no SES v2)"
                            : backend.sesEndpoint().orElseThrow());
            return new LocalAws(null, null, sesLocal, backend, provider.name(), startupTime, lock, sqs, dynamoDb, staff,
                    dataDir);
        } catch (RuntimeException e) {
            closeQuietly(staff);
            closeQuietly(sqs);
            closeQuietly(dynamoDb);
            closeQuietly(sesLocal);
            closeQuietly(backend);
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
    }

    public URI sqsEndpoint() {
        return backend != null ? backend.sqsEndpoint() : elasticMq.endpoint();
    }

    public URI dynamoDbEndpoint() {
        return backend != null ? backend.dynamoDbEndpoint() : dynalite.endpoint();
    }

    public URI sesEndpoint() {
        return sesLocal != null ? sesLocal.endpoint() : backend.sesEndpoint().orElseThrow();
    }

    /** cognito-local's endpoint (the Cognito user pools API, and each pool's JWKS). */
    public URI cognitoEndpoint() {
        return cognitoLocal.endpoint();
    }

    /** s3rver's endpoint; address it path-style ({@code forcePathStyle}). */
    public URI s3Endpoint() {
        return s3rver.endpoint();
    }

    /**
     * The {@code iss} of the tokens of a pool of cognito-local: {@code http://localhost:<port>/<poolId>} (note:
     * {@code localhost}, not the 127.0.0.1 it listens on).
     */
    public String cognitoIssuer(String userPoolId) {
        return NodeEmulator.cognitoIssuerDomain(cognitoLocal.port()) + "/" + userPoolId;
    }

    public NodeEmulator cognitoLocal() {
        return cognitoLocal;
    }

    public NodeEmulator s3rver() {
        return s3rver;
    }

    /** The mail sent through {@link #sesEndpoint()}, read from wherever this backend keeps it. */
    public LocalMailbox mailbox() {
        return sesLocal != null ? new LocalMailbox(sesLocal.endpoint()) : backend.mailbox();
    }

    /** {@value AwsBackends#EMULATORS} for the built-in emulators, else the {@link AwsBackendProvider#name()}. */
    public String backendName() {
        return backendName;
    }

    /**
     * Lets the backend prepare what it needs beyond the provisioned resources (see
     * {@link AwsBackend#afterProvisioning}); nothing to do for the built-in emulators.
     */
    public void afterProvisioning(SamTemplate template, TemplateValues values) {
        if (backend != null) {
            backend.afterProvisioning(template, values);
        }
    }

    public String region() {
        return REGION;
    }

    public ElasticMq elasticMq() {
        return running(elasticMq, "ElasticMQ");
    }

    public NodeEmulator dynalite() {
        return running(dynalite, "dynalite");
    }

    public NodeEmulator sesLocal() {
        return running(sesLocal, "aws-ses-v2-local");
    }

    private <T> T running(T emulator, String name) {
        if (emulator == null) {
            throw new IllegalStateException(name + " is not running: the " + backendName + " backend serves its API");
        }
        return emulator;
    }

    /** The emulators {@link #restart} can stop and start again. */
    public enum Restartable {
        SQS, DYNAMODB, SES
    }

    /** Where the mailbox keeps sent mail with a data directory: one JSON object a line. */
    static Path mailboxFile(Path dataDir) {
        return dataDir.resolve("mailbox").resolve("sent.jsonl");
    }

    /**
     * Stops an emulator, waits {@code downtime} (its clients' calls are refused meanwhile), and starts it again on the
     * same port and the same data: local fault injection, never on AWS. Its state survives only in files, so it needs
     * a data directory.
     *
     * @throws IllegalStateException without a data directory (the restart would lose what the emulator holds), or
     *                               with another backend than the emulators
     */
    public synchronized void restart(Restartable emulator, Duration downtime) {
        checkOpen();
        if (backend != null) {
            throw new IllegalStateException("Only the built-in emulators can be restarted, not the " + backendName + " backend");
        }
        Path dir = dataDir.orElseThrow(() -> new IllegalStateException("Restarting " + emulator + " without --data-dir"
                + " would lose everything it holds: start the runtime with a data directory"));
        LOG.info("Fault injection: stopping {} for {} ms", emulator, downtime.toMillis());
        switch (emulator) {
            case SQS -> {
                int port = elasticMq.endpoint().getPort();
                elasticMq.close();
                pause(downtime);
                elasticMq = ElasticMq.start(Optional.of(dir.resolve("sqs")), java.util.OptionalInt.of(port));
            }
            case DYNAMODB -> {
                dynalite.close();
                pause(downtime);
                dynalite = dynalite.restartOnSamePort();
            }
            case SES -> {
                sesLocal.close();
                pause(downtime);
                sesLocal = sesLocal.restartOnSamePort();
            }
        }
        LOG.info("Fault injection: {} is back", emulator);
    }

    private static void pause(Duration downtime) {
        try {
            Thread.sleep(downtime.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while an emulator was down", e);
        }
    }

    /** How long {@link #start} took (emulators up, clients not yet built). */
    public Duration startupTime() {
        return startupTime;
    }

    /**
     * What an SDK v2 client in a function needs to reach the emulators: region, dummy credentials and the
     * service-specific endpoint URLs, each under its environment-variable name and its system-property name (a
     * function host that starts a child process sets the upper-case ones as its environment; one that runs functions
     * in this JVM sets the dotted ones as system properties).
     */
    public Map<String, String> clientProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("AWS_REGION", REGION);
        properties.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint().toString());
        properties.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDbEndpoint().toString());
        properties.put("AWS_ENDPOINT_URL_SESV2", sesEndpoint().toString());
        properties.put("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", cognitoEndpoint().toString());
        properties.put("AWS_ENDPOINT_URL_S3", s3Endpoint().toString());
        // s3rver serves buckets path-style only; an S3 client reads this to set forcePathStyle (never set on AWS)
        properties.put(S3_FORCE_PATH_STYLE, "true");
        properties.put("aws.accessKeyId", ACCESS_KEY_ID);
        properties.put("aws.secretAccessKey", SECRET_ACCESS_KEY);
        properties.put("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID);
        properties.put("AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
        properties.put("aws.region", REGION);
        properties.put("aws.endpointUrlSqs", sqsEndpoint().toString());
        properties.put("aws.endpointUrlDynamoDb", dynamoDbEndpoint().toString());
        properties.put("aws.endpointUrlSesV2", sesEndpoint().toString());
        properties.put("aws.endpointUrlCognitoIdentityProvider", cognitoEndpoint().toString());
        properties.put("aws.endpointUrlS3", s3Endpoint().toString());
        return Collections.unmodifiableMap(properties);
    }

    /** The Cognito user pools client for cognito-local, built once (UrlConnection, dummy static credentials). */
    public CognitoIdentityProviderClient cognito() {
        checkOpen();
        return cognito;
    }

    /** The S3 client for s3rver, built once (path-style, UrlConnection, dummy static credentials). */
    public S3Client s3() {
        checkOpen();
        return s3;
    }

    /** The SQS client for the emulator, built once (UrlConnection HTTP client, dummy static credentials). */
    public SqsClient sqs() {
        checkOpen();
        return sqs;
    }

    /** The DynamoDB client for the emulator, built once (UrlConnection HTTP client, dummy static credentials). */
    public DynamoDbClient dynamoDb() {
        checkOpen();
        return dynamoDb;
    }

    /** Items in a table (a counting Scan): how a test shows that something wrote nothing there. */
    public int itemCount(String tableName) {
        return dynamoDb().scan(scan -> scan.tableName(tableName)
                .select(software.amazon.awssdk.services.dynamodb.model.Select.COUNT)).count();
    }

    /** A new SQS client for an endpoint, as the functions build theirs (the caller closes it). */
    public static SqsClient sqsClient(URI endpoint) {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** A new DynamoDB client for an endpoint, as the functions build theirs (the caller closes it). */
    public static DynamoDbClient dynamoDbClient(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** A new Cognito user pools client for an endpoint (the caller closes it). */
    public static CognitoIdentityProviderClient cognitoClient(URI endpoint) {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** A new S3 client for an endpoint, path-style as s3rver needs (the caller closes it). */
    public static S3Client s3Client(URI endpoint) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(credentials())
                .forcePathStyle(true)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    public static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
    }

    /** Closes the clients and stops the three emulators (in parallel with the JVM-local one). */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        closeQuietly(sqs);
        closeQuietly(dynamoDb);
        closeQuietly(new StaffEmulators(cognitoLocal, s3rver, cognito, s3, scratchDirs));
        if (backend != null) {
            closeQuietly(sesLocal);
            closeQuietly(backend);
            if (dataDirLock != null) {
                dataDirLock.close();
            }
            return;
        }
        CompletableFuture<Void> stopSqs = CompletableFuture.runAsync(elasticMq::close);
        closeQuietly(dynalite);
        closeQuietly(sesLocal);
        try {
            stopSqs.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("ElasticMQ did not stop cleanly: {}", e.toString());
        }
        if (dataDirLock != null) {
            dataDirLock.close();
        }
    }

    private synchronized void checkOpen() {
        if (closed) {
            throw new IllegalStateException("LocalAws is closed");
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Runs {@code infrastructure/emulators/install.sh} when the npm emulators are not installed from the lock. */
    static void installNodeEmulatorsIfMissing(Path emulatorsDir) {
        if (installedFromCurrentLock(emulatorsDir)) {
            return;
        }
        Path script = emulatorsDir.resolve("install.sh");
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("No " + script + ": is " + emulatorsDir.getParent().getParent()
                    + " the DamageDesk repository root?");
        }
        LOG.info("Installing the npm emulators: bash {}", script);
        try {
            Process install = new ProcessBuilder("bash", script.toString())
                    .directory(emulatorsDir.toFile())
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            String output = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!install.waitFor(10, TimeUnit.MINUTES) || install.exitValue() != 0) {
                install.destroyForcibly();
                throw new IllegalStateException("bash " + script + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run bash " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while installing the npm emulators", e);
        }
    }

    /** The stamp install.sh leaves names the SHA-256 of the lock file node_modules was installed from. */
    private static boolean installedFromCurrentLock(Path emulatorsDir) {
        Path stamp = emulatorsDir.resolve("node_modules").resolve(".lock-sha256");
        Path lock = emulatorsDir.resolve("package-lock.json");
        if (!Files.isRegularFile(stamp) || !Files.isRegularFile(lock)) {
            return false;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(lock));
            return Files.readString(stamp).trim().equals(java.util.HexFormat.of().formatHex(digest));
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            return false;
        }
    }

    private static <T> T join(CompletableFuture<T> future, List<RuntimeException> failures) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            failures.add(cause instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(cause.getMessage(), cause));
            return null;
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("Could not close {}: {}", closeable, e.toString());
        }
    }
}

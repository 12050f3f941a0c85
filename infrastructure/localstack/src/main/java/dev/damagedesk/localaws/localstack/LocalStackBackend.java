package dev.damagedesk.localaws.localstack;

import dev.damagedesk.localaws.emulator.AwsBackend;
import dev.damagedesk.localaws.emulator.LocalAws;
import dev.damagedesk.localaws.mailbox.LocalMailbox;
import dev.damagedesk.localaws.template.SamTemplate;
import dev.damagedesk.localaws.template.TemplateValues;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;

/**
 * One LocalStack container, started through Testcontainers, serving SQS, DynamoDB and, when the image has it, SES v2,
 * all on its single edge port (4566 in the container, a free port on this host).
 *
 * <p>Differences from the built-in emulators that the tests meet: queue URLs name LocalStack's own host and port 4566
 * (the SDK sends them as parameters to the endpoint it was given, so they still work); DynamoDB is DynamoDB Local
 * inside the container and keeps nothing across restarts; SES v2 is not in the free image, so sent mail then stays
 * with aws-ses-v2-local (see {@link LocalStackHealth#servesSesV2()}); where LocalStack serves SES v2 it sends only from
 * verified identities, which {@link #afterProvisioning} creates, and keeps sent mail at {@code GET /_aws/ses}.
 */
public final class LocalStackBackend implements AwsBackend {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStackBackend.class);

    /**
     * The last LocalStack image that starts without an account: from 2026.03 on {@code localstack/localstack} asks
     * for {@value #AUTH_TOKEN}. Pinned, so that a new {@code latest} cannot change what the tests run against.
     */
    public static final String DEFAULT_IMAGE = "localstack/localstack:4.14.0";
    /** System property naming another image, e.g. a licensed one that serves SES v2 (with {@value #AUTH_TOKEN} set). */
    public static final String IMAGE_PROPERTY = "damagedesk.localstack.image";
    /** Environment variable passed on to the container when set; licensed images need it. */
    public static final String AUTH_TOKEN = "LOCALSTACK_AUTH_TOKEN";

    private final LocalStackContainer container;
    private final String image;
    private final URI endpoint;
    private final LocalStackHealth health;

    private LocalStackBackend(LocalStackContainer container, String image, URI endpoint, LocalStackHealth health) {
        this.container = container;
        this.image = image;
        this.endpoint = endpoint;
        this.health = health;
    }

    /** Pulls the image when missing, starts the container and waits until LocalStack reports itself ready. */
    public static LocalStackBackend start(String image, Optional<Path> dataDir) {
        dataDir.ifPresent(dir -> LOG.warn("LocalStack keeps its tables and queues inside the container: {} holds the"
                + " secrets and logs, but DynamoDB data does not survive a restart", dir));
        long started = System.nanoTime();
        LocalStackContainer container = null;
        try {
            // the constructor already asks Testcontainers for the Docker engine
            container = new LocalStackContainer(
                    DockerImageName.parse(image).asCompatibleSubstituteFor("localstack/localstack"));
            String token = System.getenv(AUTH_TOKEN);
            if (token != null && !token.isBlank()) {
                container.withEnv(AUTH_TOKEN, token);
            }
            container.start();
            URI endpoint = container.getEndpoint();
            LocalStackHealth health = LocalStackHealth.read(endpoint);
            LOG.info("LocalStack {} {} ({}) ready at {} after {} ms; SES v2: {}", health.edition(), health.version(),
                    image, endpoint, Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    health.servesSesV2() ? "LocalStack's, mail at " + endpoint.resolve(LocalStackSentMail.PATH)
                            : "not in this image, aws-ses-v2-local serves it");
            return new LocalStackBackend(container, image, endpoint, health);
        } catch (RuntimeException e) {
            stopQuietly(container);
            throw new IllegalStateException("LocalStack (" + image + ") did not start through Testcontainers: "
                    + e.getMessage() + ". The localstack profile needs a running Docker engine (and, for LocalStack"
                    + " images from 2026.03 on, " + AUTH_TOKEN + " in the environment); without -Plocalstack the"
                    + " tests use the built-in emulators.", e);
        }
    }

    @Override
    public String description() {
        return "LocalStack " + health.edition() + " " + health.version() + ", " + image;
    }

    @Override
    public URI sqsEndpoint() {
        return endpoint;
    }

    @Override
    public URI dynamoDbEndpoint() {
        return endpoint;
    }

    @Override
    public Optional<URI> sesEndpoint() {
        return health.servesSesV2() ? Optional.of(endpoint) : Optional.empty();
    }

    @Override
    public LocalMailbox mailbox() {
        return new LocalMailbox(new LocalStackSentMail(endpoint));
    }

    /** Creates the SES identities the functions send from (LocalStack verifies them at once, AWS would not). */
    @Override
    public void afterProvisioning(SamTemplate template, TemplateValues values) {
        if (!health.servesSesV2()) {
            return;
        }
        Set<String> identities = SesSenderIdentities.of(template, values);
        try (SesV2Client ses = SesV2Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(LocalAws.REGION))
                .credentialsProvider(LocalAws.credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build()) {
            for (String identity : identities) {
                try {
                    ses.createEmailIdentity(create -> create.emailIdentity(identity));
                } catch (AlreadyExistsException e) {
                    // created by an earlier LocalCloud on the same container
                }
            }
        }
        LOG.info("SES identities created in LocalStack: {}", identities);
    }

    @Override
    public void close() {
        stopQuietly(container);
    }

    private static void stopQuietly(LocalStackContainer container) {
        if (container == null) {
            return;
        }
        try {
            container.stop();
        } catch (RuntimeException e) {
            LOG.warn("LocalStack did not stop cleanly: {}", e.toString());
        }
    }
}

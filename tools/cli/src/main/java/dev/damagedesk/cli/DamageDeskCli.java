package dev.damagedesk.cli;

import dev.damagedesk.adapters.config.AwsClients;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.incident.IncidentCatalog;
import dev.damagedesk.adapters.incident.IncidentDirectory;
import dev.damagedesk.adapters.incident.PolicyCatalog;
import dev.damagedesk.adapters.incident.StoredIncidentRecords;
import dev.damagedesk.application.incident.IncidentLedgers;
import dev.damagedesk.application.incident.PolicyVersions;
import dev.damagedesk.adapters.json.Json;
import dev.damagedesk.adapters.queue.MessageQueue;
import dev.damagedesk.adapters.queue.SqsRescorePages;
import dev.damagedesk.adapters.repository.DynamoDbAuditTrail;
import dev.damagedesk.adapters.repository.DynamoDbReportStore;
import dev.damagedesk.adapters.repository.IncidentStore;
import dev.damagedesk.adapters.staff.CognitoStaffAccounts;
import dev.damagedesk.application.audit.VerifyAuditChain;
import dev.damagedesk.application.staff.ManageStaff;
import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.validation.FieldError;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Staff operations on incidents and policies, through the same use cases the admin API calls ({@link IncidentLedgers},
 * {@link PolicyVersions}):
 * <pre>
 *   damagedesk [--local URL | --aws --table NAME --rescore-queue-url URL] incident import INCIDENT_ID FILE
 *   damagedesk ... incident export INCIDENT_ID
 *   damagedesk ... policy validate FILE
 *   damagedesk ... policy publish FILE
 * </pre>
 * {@code --local} (the default, {@code http://127.0.0.1:3000}) finds the emulators and resource names through a
 * running local runtime's {@code GET /health}; {@code --aws} uses the AWS environment variables for region and
 * credentials and the stack's outputs for the names.
 */
public final class DamageDeskCli {

    /** Where the local runtime's cognito-local listens, as the SDK's own environment setting names it. */
    static final String COGNITO_ENDPOINT = "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER";

    /** The same text `./damagedesk --help` prints without starting the JVM. */
    static final String USAGE = usageText();

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    DamageDeskCli(PrintStream out, PrintStream err) {
        this(System.in, out, err);
    }

    /** The test seam: stdin too ({@code staff add --password-stdin}). */
    DamageDeskCli(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        // UTF-8 whatever the locale: ledgers and policies may carry Korean text.
        System.exit(new DamageDeskCli(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8),
                new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8)).run(args));
    }

    /** @return the process exit code: 0 done, 1 refused (invalid input), 2 usage error */
    int run(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.contains("--help") || rest.contains("-h") || List.of("help").equals(rest)) {
            out.print(USAGE);
            return 0;
        }
        Connection connection;
        try {
            connection = Connection.from(rest);
        } catch (IllegalArgumentException usage) {
            err.println(usage.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (!rest.isEmpty() && rest.get(0).equals("staff")) {
            return new StaffCommands(connection::manageStaff, in, out, err).run(rest.subList(1, rest.size()));
        }
        if (!rest.isEmpty() && rest.get(0).equals("audit")) {
            return new AuditCommands(connection::verifyAuditChain, out, err).run(rest.subList(1, rest.size()));
        }
        if (rest.size() < 3) {
            err.print(USAGE);
            return 2;
        }
        String command = rest.get(0) + " " + rest.get(1);
        String argument = rest.get(2);
        Operations operations = connection.operations();
        return switch (command) {
            case "incident import" -> rest.size() < 4 ? usage() : importIncident(operations, argument, Path.of(rest.get(3)));
            case "incident export" -> exportIncident(operations, argument);
            case "policy validate" -> report(operations.policies.validate(readJson(Path.of(argument))), "valid");
            case "policy publish" -> publish(operations, Path.of(argument));
            default -> {
                err.println("Unknown command: " + command);
                err.print(USAGE);
                yield 2;
            }
        };
    }

    private int usage() {
        err.print(USAGE);
        return 2;
    }

    private int importIncident(Operations operations, String incidentId, Path file) {
        IncidentLedgers.Imported result = operations.ledgers.importLedger(incidentId, readJson(file));
        if (result instanceof IncidentLedgers.Imported.Invalid invalid) {
            err.println(file + ": " + invalid.errors().get(0).messageEn());
            return 1;
        }
        Incident incident = ((IncidentLedgers.Imported.Done) result).incident();
        out.println("Imported incident " + incidentId + " (" + incident.status() + ", " + incident.outages().size()
                + " outage entries, services " + incident.services() + ")");
        return 0;
    }

    private int exportIncident(Operations operations, String incidentId) {
        out.println(IndentedJson.of(Json.write(operations.ledgers.exportLedger(incidentId))));
        return 0;
    }

    private int publish(Operations operations, Path file) {
        PolicyVersions.Result result = operations.policies.publish(readJson(file));
        if (result instanceof PolicyVersions.Result.Invalid invalid) {
            return report(invalid.errors(), "unused");
        }
        PolicyVersions.Result.Published published = (PolicyVersions.Result.Published) result;
        out.println("Published " + published.policyVersion() + (published.active()
                ? " as the active version; re-scoring queued for " + published.servicesQueued()
                : "; a later version is active, so nothing is re-scored"));
        return 0;
    }

    private int report(List<FieldError> errors, String okWord) {
        if (errors.isEmpty()) {
            out.println("The policy document is " + okWord + ".");
            return 0;
        }
        err.println("The policy document is invalid:");
        errors.forEach(error -> err.println("  " + error.field() + ": " + error.code() + ": " + error.messageEn()));
        return 1;
    }

    private static String usageText() {
        try (InputStream usage = DamageDeskCli.class.getResourceAsStream("usage.txt")) {
            return new String(usage.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> readJson(Path file) {
        try {
            return Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** The incident use cases, wired to one AWS environment. */
    record Operations(IncidentLedgers ledgers, PolicyVersions policies) {
        static Operations of(FunctionEnvironment environment, String table, String rescoreQueueUrl) {
            AwsClients clients = new AwsClients(environment);
            IncidentStore store = new IncidentStore(clients.dynamoDb(), table);
            // No caching: a command-line run reads once and must see what it just wrote.
            IncidentDirectory directory = new IncidentDirectory(store, new IncidentCatalog(), new PolicyCatalog(),
                    Clock.systemUTC(), Duration.ZERO);
            StoredIncidentRecords records = new StoredIncidentRecords(store, directory);
            MessageQueue rescoreQueue = new MessageQueue(clients.sqs(), rescoreQueueUrl);
            return new Operations(new IncidentLedgers(records, Clock.systemUTC()),
                    new PolicyVersions(records, new SqsRescorePages(rescoreQueue), Clock.systemUTC()));
        }
    }

    /**
     * Where the tool connects: a running local runtime (the default), or AWS. On AWS each command group needs the
     * names of what it uses (stack outputs): incident and policy the table and the re-scoring queue, audit the two
     * tables, staff the user pool.
     */
    record Connection(FunctionEnvironment environment, String table, String rescoreQueueUrl, String auditTable,
                      String userPoolId) {

        static Connection from(List<String> args) {
            String local = "http://127.0.0.1:3000";
            boolean aws = false;
            String table = null;
            String queue = null;
            String auditTable = null;
            String userPoolId = null;
            while (!args.isEmpty() && args.get(0).startsWith("--")) {
                String option = args.remove(0);
                switch (option) {
                    case "--aws" -> aws = true;
                    case "--local" -> local = value(args, option);
                    case "--table" -> table = value(args, option);
                    case "--rescore-queue-url" -> queue = value(args, option);
                    case "--audit-table" -> auditTable = value(args, option);
                    case "--user-pool-id" -> userPoolId = value(args, option);
                    default -> throw new IllegalArgumentException("Unknown option " + option);
                }
            }
            if (aws) {
                String group = args.isEmpty() ? "" : args.get(0);
                switch (group) {
                    case "staff" -> require(userPoolId != null, "--aws staff needs --user-pool-id (the stack output StaffUserPoolId)");
                    case "audit" -> require(table != null && auditTable != null,
                            "--aws audit needs --table and --audit-table (the stack outputs ReportsTableName, AuditTableName)");
                    default -> require(table != null && queue != null,
                            "--aws needs --table and --rescore-queue-url (see the stack outputs)");
                }
                return new Connection(FunctionEnvironment.system(), table, queue, auditTable, userPoolId);
            }
            return local(URI.create(local));
        }

        private static void require(boolean given, String message) {
            if (!given) {
                throw new IllegalArgumentException(message);
            }
        }

        @SuppressWarnings("unchecked")
        static Connection local(URI runtime) {
            Map<String, Object> health;
            try {
                HttpResponse<String> response = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(runtime.resolve("/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                health = Json.parseObject(response.body());
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("No local runtime answers at " + runtime + "/health: start ./run-local first");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Map<String, String> queues = (Map<String, String>) health.get("queues");
            Map<String, String> tables = (Map<String, String>) health.get("tables");
            Map<String, String> userPools = (Map<String, String>) health.getOrDefault("userPools", Map.of());
            Map<String, String> settings = new java.util.HashMap<>(Map.of(
                    "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local",
                    "AWS_ENDPOINT_URL_DYNAMODB", (String) health.get("dynamodb"),
                    "AWS_ENDPOINT_URL_SQS", (String) health.get("sqs")));
            if (health.get("cognito") instanceof String cognito) {
                settings.put(COGNITO_ENDPOINT, cognito);
            }
            return new Connection(FunctionEnvironment.of(settings), tables.get("ReportsTable"), queues.get("RescoreQueue"),
                    tables.get("AuditTable"), userPools.get("StaffUserPool"));
        }

        /** Staff accounts in the staff user pool, over the platform's use case. */
        ManageStaff manageStaff() {
            if (userPoolId == null) {
                throw new IllegalStateException("The local runtime has no StaffUserPool");
            }
            return new ManageStaff(new CognitoStaffAccounts(CognitoClients.of(environment), userPoolId));
        }

        /**
         * The audit chain checks over the tables. The report store is the converting one the staff side uses: an
         * item written before audit entries existed gets its entries appended when first read, as it would on any
         * staff read, instead of being reported as a broken chain.
         */
        VerifyAuditChain verifyAuditChain() {
            AwsClients clients = new AwsClients(environment);
            DynamoDbClient dynamoDb = clients.dynamoDb();
            DynamoDbAuditTrail trail = new DynamoDbAuditTrail(dynamoDb, auditTable);
            IncidentDirectory incidents = new IncidentDirectory(new IncidentStore(dynamoDb, table), new IncidentCatalog(),
                    new PolicyCatalog(), Clock.systemUTC(), Duration.ZERO);
            return new VerifyAuditChain(new DynamoDbReportStore(dynamoDb, table, trail), trail, incidents);
        }

        Operations operations() {
            return Operations.of(environment, table, rescoreQueueUrl);
        }

        private static String value(List<String> args, String option) {
            if (args.isEmpty()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args.remove(0);
        }
    }
}

package dev.damagedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.adapters.json.Json;
import dev.damagedesk.localaws.RepositoryRoot;
import dev.damagedesk.localruntime.LocalRuntime;
import dev.damagedesk.localruntime.RunningRuntime;
import dev.damagedesk.localruntime.RuntimeOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The command-line tool against a running local runtime, the way staff use it. */
class DamageDeskCliIT {

    private static RunningRuntime runtime;
    private static final Path ROOT = RepositoryRoot.find();
    private static final Path USAGE_TEXT = ROOT.resolve("tools/cli/src/main/resources/dev/damagedesk/cli/usage.txt");
    private static final String ESCAPE = "\u001b";

    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start(RuntimeOptions.defaults().withPort(0));
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void importsAndExportsAnIncidentLedger() throws IOException {
        Path ledger = ROOT.resolve("functions/domain/src/main/resources/incidents/2022-10-15.json");
        assertThat(run("incident", "import", "2022-10-15", ledger.toString())).isZero();
        assertThat(output()).contains("Imported incident 2022-10-15").contains("ACTIVE").contains("music");

        assertThat(run("incident", "export", "2022-10-15")).isZero();
        assertThat(output()).contains("\"service\": \"portal-mail\"").contains("\"status\": \"ACTIVE\"");
    }

    @Test
    void refusesAnInvalidPolicyWithTheJsonPathOfEachError() throws IOException {
        Path invalid = work.resolve("invalid.json");
        Files.writeString(invalid, """
                {"incidentId":"2022-10-15","version":0,"services":{},"rules":{"paidSubscription":{"extensionMultiplier":-3}}}""");

        assertThat(run("policy", "validate", invalid.toString())).isEqualTo(1);
        assertThat(errors()).contains("The policy document is invalid").contains("version").contains("rules.paidSubscription");
    }

    @Test
    void publishesAValidVersionAndStartsRescoring() throws IOException {
        String v1 = Files.readString(ROOT.resolve("functions/domain/src/main/resources/policies/2022-10-15/v1.json"));
        Path v2 = work.resolve("v2.json");
        Files.writeString(v2, v1.replace("\"version\": 1", "\"version\": 2"));

        assertThat(run("policy", "validate", v2.toString())).isZero();
        assertThat(run("policy", "publish", v2.toString())).isZero();
        assertThat(output()).contains("Published 2022-10-15/v2 as the active version").contains("music");
    }

    @Test
    void explainsItsUsage() {
        assertThat(run("policy")).isEqualTo(2);
        assertThat(errors()).contains("Usage: damagedesk");
    }

    @Test
    void answersHelpOnStandardOutputWithExitZero() throws IOException {
        String usage = Files.readString(USAGE_TEXT);
        for (String help : List.of("--help", "-h")) {
            assertThat(run(help)).as(help).isZero();
            assertThat(output()).isEqualTo(usage).contains("incident export").contains("policy publish");
            assertThat(errors()).isEmpty();
        }
        assertThat(run("incident", "export", "--help")).isZero();
        assertThat(output()).isEqualTo(usage);
    }

    @Test
    void exportsAnIndentedLedgerThatAPersonCanEditAndImportBack() throws IOException {
        assertThat(run("incident", "export", "2022-10-15")).isZero();
        String exported = output();
        assertThat(exported.lines().count()).as("one member per line").isGreaterThan(20);
        assertThat(exported).startsWith("{\n  \"incident\": ")
                .contains("\n  \"status\": \"ACTIVE\",\n")
                .contains("\n  \"services\": [\n    {\n      \"service\": \"messenger\",\n");
        assertThat(exported).contains("\"restored\": \"2022-10-15T16:31:00Z\"");

        // A person moves the messenger's restore time by an hour, then imports the file as a new incident.
        String edited = exported.replace("\"restored\": \"2022-10-15T16:31:00Z\"", "\"restored\": \"2022-10-15T17:31:00Z\"");
        Path file = work.resolve("edited.json");
        Files.writeString(file, edited);
        assertThat(run("incident", "import", "edited-ledger", file.toString())).isZero();

        assertThat(run("incident", "export", "edited-ledger")).isZero();
        assertThat(output()).isEqualTo(edited);
    }

    @Test
    void theLaunchScriptAnswersHelpWithoutBuildingAnything() throws Exception {
        // A copy of the script beside the usage text only: no sources, no build, no Maven to run.
        Path copy = work.resolve("checkout");
        Path usage = copy.resolve(ROOT.relativize(USAGE_TEXT));
        Files.createDirectories(usage.getParent());
        Files.copy(USAGE_TEXT, usage);
        Files.copy(ROOT.resolve("damagedesk"), copy.resolve("damagedesk"), StandardCopyOption.COPY_ATTRIBUTES);

        for (String help : List.of("--help", "-h")) {
            Finished finished = launch(copy, help);
            assertThat(finished.exitCode()).as(help).isZero();
            assertThat(finished.stdout()).isEqualTo(Files.readString(USAGE_TEXT));
            assertThat(finished.stderr()).isEmpty();
        }
        assertThat(copy.resolve("tools/cli/target")).doesNotExist();
    }

    @Test
    void theLaunchScriptExportsCleanTextWithoutRebuildingABuiltTool() throws Exception {
        for (int run = 0; run < 2; run++) { // the first run after a build writes the class-data archive, the second uses it
            Finished finished = launch(ROOT, "--local", runtime.apiBaseUri().toString(), "incident", "export", "2022-10-15");

            assertThat(finished.exitCode()).as(finished.stderr()).isZero();
            assertThat(finished.stderr()).as("no build, no JVM warnings").isEmpty();
            assertThat(finished.stdout()).doesNotContain(ESCAPE).startsWith("{\n  \"incident\": ").endsWith("}\n");
            assertThat(Json.parseObject(finished.stdout())).containsEntry("status", "ACTIVE");
        }
    }

    @Test
    void mavenAsTheLaunchScriptRunsItPrintsNoTerminalCodes() throws Exception {
        // The Maven 3.8 + jansi 2 reset codes, kept out by .mvn/jvm.config; -N validate is the cheapest build.
        Process maven = new ProcessBuilder("mvn", "-q", "-B", "-Dstyle.color=never", "-N", "validate")
                .directory(ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(maven.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(maven.waitFor()).as(output).isZero();
        assertThat(output).doesNotContain(ESCAPE);
    }

    @Test
    void addsListsAndDisablesStaffAccountsInTheUserPool() throws Exception {
        String email = "new.reviewer@damagedesk.example";
        String password = "Reviewer-Pass-2026!";

        assertThat(runWithInput(password + "\n", "staff", "add", " New.Reviewer@damagedesk.example", "--role", "reviewer",
                "--password-stdin")).as(errors()).isZero();
        assertThat(output()).contains("Added " + email + " as reviewer, with the password given");
        // The account is real: it signs in at the pool with that password, and its token carries the role.
        String token = signIn(email, password);
        assertThat(Json.parseObject(new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8)).get("cognito:groups").toString()).contains("reviewer");

        assertThat(run("staff", "list")).isZero();
        assertThat(output()).startsWith("EMAIL").containsPattern("new\\.reviewer@damagedesk\\.example +reviewer +enabled");

        assertThat(runWithInput(password + "\n", "staff", "add", email, "--role", "viewer", "--password-stdin")).isEqualTo(1);
        assertThat(errors()).contains("Refused (exists)");

        assertThat(run("staff", "disable", email)).isZero();
        assertThat(run("staff", "list")).isZero();
        assertThat(output()).containsPattern("new\\.reviewer@damagedesk\\.example +reviewer +disabled");
        // (cognito-local still lets a disabled account sign in, unlike Cognito: the list above reads the pool's state)

        assertThat(run("staff", "disable", "nobody@damagedesk.example")).isEqualTo(1);
        assertThat(errors()).contains("Refused (not-found)");
        assertThat(run("staff", "add", "someone@damagedesk.example", "--role", "admin")).isEqualTo(2);
        assertThat(errors()).contains("--role must be viewer, reviewer or supervisor");
        assertThat(run("staff", "add", "not-an-email", "--role", "viewer")).isEqualTo(1);
        assertThat(errors()).contains("Refused (invalid-email)");
    }

    @Test
    void verifiesAuditChainsAndNamesTheFirstBrokenLinkOnceAnEntryIsEdited() throws Exception {
        String reportId = submitAndAwaitScoring();

        assertThat(run("audit", "verify", reportId)).as(errors()).isZero();
        assertThat(output()).contains("Audit chain of " + reportId + " is intact");
        assertThat(run("audit", "verify", "--incident", "2022-10-15")).as(output()).isZero();
        assertThat(output()).contains("Audit chains of incident 2022-10-15 are intact");

        // Someone with write access to the table edits the reason of the report's first (and only) entry: the trail's
        // copy no longer matches the entry the report item carries.
        String auditTable = localTables().get("AuditTable");
        try (DynamoDbClient dynamoDb = localDynamoDb()) {
            dynamoDb.updateItem(update -> update.tableName(auditTable)
                    .key(Map.of("pk", AttributeValue.fromS("REPORT#" + reportId), "sk", AttributeValue.fromS("ENTRY#0000000001")))
                    .updateExpression("SET reason = :edited")
                    .expressionAttributeValues(Map.of(":edited", AttributeValue.fromS("edited afterwards"))));
        }

        assertThat(run("audit", "verify", reportId)).isEqualTo(1);
        assertThat(output()).contains("Audit chain of " + reportId + " is BROKEN: first broken link at entry 1 (differs-from-report)");
        assertThat(run("audit", "verify", "--incident", "2022-10-15")).isEqualTo(1);
        assertThat(output()).contains("reports BROKEN").contains(reportId + ": first broken link at entry 1 (differs-from-report)");

        assertThat(run("audit", "verify", "01JZZZZZZZZZZZZZZZZZZZZZZZ")).isEqualTo(1);
        assertThat(errors()).contains("No report 01JZZZZZZZZZZZZZZZZZZZZZZZ");
        assertThat(run("audit", "verify", "not-a-report-id")).isEqualTo(2);
        assertThat(run("audit", "verify", "--incident", "no-such-incident")).isEqualTo(1);
    }

    /** Submits a report through the public API and waits until the processor has stored and scored it. */
    private static String submitAndAwaitScoring() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String body = """
                {"reporter":{"name":"Audit Check","email":"audit.check@example.com"},"locale":"en",
                 "service":"music","category":"paid-subscription",
                 "occurredFrom":"2022-10-15T15:30:00+09:00","occurredTo":"2022-10-16T15:00:00+09:00",
                 "amountClaimedKrw":10900,"description":"No music all weekend.","privacyConsent":true}""";
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(runtime.apiBaseUri().resolve("/v1/reports"))
                .header("Content-Type", "application/json").header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        Map<String, Object> receipt = Json.parseObject(accepted.body());
        String reportId = (String) receipt.get("reportId");
        HttpRequest status = HttpRequest.newBuilder(runtime.apiBaseUri().resolve("/v1/reports/" + reportId))
                .header("X-Tracking-Token", (String) receipt.get("trackingToken")).build();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = http.send(status, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200 && !"RECEIVED".equals(Json.parseObject(answer.body()).get("status"))) {
                return reportId;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("report " + reportId + " was not scored within 60 s");
    }

    private static String signIn(String email, String password) throws Exception {
        Map<String, Object> health = health();
        try (CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder()
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("local", "local")))
                .endpointOverride(URI.create((String) health.get("cognito"))).build()) {
            @SuppressWarnings("unchecked")
            String clientId = ((Map<String, String>) health.get("userPoolClients")).get("StaffAdminClient");
            return cognito.initiateAuth(auth -> auth.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", email, "PASSWORD", password))).authenticationResult().accessToken();
        }
    }

    private static DynamoDbClient localDynamoDb() throws Exception {
        return DynamoDbClient.builder()
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("local", "local")))
                .endpointOverride(URI.create((String) health().get("dynamodb"))).build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> localTables() throws Exception {
        return (Map<String, String>) health().get("tables");
    }

    private static Map<String, Object> health() throws Exception {
        return Json.parseObject(HttpClient.newHttpClient().send(HttpRequest.newBuilder(runtime.apiBaseUri().resolve("/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static Finished launch(Path checkout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(checkout.resolve("damagedesk").toString()));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile("damagedesk", ".out");
        Path stderr = Files.createTempFile("damagedesk", ".err");
        try {
            Process process = new ProcessBuilder(command).directory(checkout.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            int exitCode = process.waitFor();
            return new Finished(exitCode, Files.readString(stdout), Files.readString(stderr));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private record Finished(int exitCode, String stdout, String stderr) {
    }

    private int run(String... command) {
        return runWithInput("", command);
    }

    /** Runs the tool in-process with {@code stdin} as its standard input. */
    private int runWithInput(String stdin, String... command) {
        out.reset();
        err.reset();
        String[] args = new String[command.length + 2];
        args[0] = "--local";
        args[1] = runtime.apiBaseUri().toString();
        System.arraycopy(command, 0, args, 2, command.length);
        return new DamageDeskCli(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }
}

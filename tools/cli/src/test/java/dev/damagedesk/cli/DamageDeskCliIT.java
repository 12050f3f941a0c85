package dev.damagedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.adapters.json.Json;
import dev.damagedesk.localaws.RepositoryRoot;
import dev.damagedesk.localruntime.LocalRuntime;
import dev.damagedesk.localruntime.RunningRuntime;
import dev.damagedesk.localruntime.RuntimeOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        out.reset();
        err.reset();
        String[] args = new String[command.length + 2];
        args[0] = "--local";
        args[1] = runtime.apiBaseUri().toString();
        System.arraycopy(command, 0, args, 2, command.length);
        return new DamageDeskCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }
}

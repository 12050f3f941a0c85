package dev.damagedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line tool against a running local runtime, the way staff use it. */
class DamageDeskCliIT {

    private static RunningRuntime runtime;
    private static final Path ROOT = RepositoryRoot.find();

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
        assertThat(output()).contains("\"service\":\"portal-mail\"").contains("\"status\":\"ACTIVE\"");
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

package dev.damagedesk.localruntime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.damagedesk.localaws.RepositoryRoot;
import dev.damagedesk.localaws.emulator.LocalAws;
import dev.damagedesk.localaws.mailbox.LocalMailbox;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The whole local runtime killed with SIGKILL in the middle of a run of reports and started again on the same data
 * directory, as a person would do it with {@code kill -9} and {@code ./run-local --data-dir DIR}: every report answered
 * {@code 202} before or after the kill is stored once, scored and acknowledged. The runtime runs as a child JVM
 * (functions in-process: the kill takes them with it); the clients keep retrying through the outage with their
 * {@code Idempotency-Key}. Messages in flight at the kill come back after the queue's 180 s visibility timeout, and a
 * notice claimed but not sent after its 5-minute claim lease, which sets this test's length.
 */
class KilledRuntimeIT {

    static final int REPORTS = Integer.getInteger("faults.killReports", 1_000);
    /** Past the 180 s visibility timeout of a message in flight at the kill, and the 5-minute claim lease of a notice. */
    static final Duration SETTLE_LIMIT = Duration.ofMinutes(6);

    @TempDir
    Path dataDir;
    private Process runtime;

    @AfterEach
    void stop() throws InterruptedException {
        if (runtime != null && runtime.isAlive()) {
            runtime.destroy();
            if (!runtime.waitFor(30, TimeUnit.SECONDS)) {
                runtime.destroyForcibly();
            }
        }
    }

    @Test
    void aKilledRuntimeStartedAgainOnItsDataDirectoryLosesNoAcceptedReport() throws Exception {
        int port = freePort();
        URI api = URI.create("http://127.0.0.1:" + port);
        runtime = launch(port);
        awaitHealth(api, runtime);
        FaultRun run = new FaultRun(api, Long.toString(System.nanoTime(), 36));
        Instant started = Instant.now();
        AtomicReference<Throwable> posting = new AtomicReference<>();
        Thread clients = new Thread(() -> {
            try {
                run.post(REPORTS, 8);
            } catch (Throwable e) {
                posting.set(e);
            }
        }, "killed-runtime-clients");
        clients.start();
        Eventually.await("a third of the reports accepted", Duration.ofMinutes(5),
                () -> run.accepted() >= REPORTS / 3 ? Optional.of(true) : Optional.empty());

        List<ProcessHandle> emulators = runtime.descendants().toList();
        runtime.destroyForcibly(); // SIGKILL: no shutdown hook runs
        runtime.waitFor(30, TimeUnit.SECONDS);
        int acceptedBeforeKill = run.accepted();
        for (ProcessHandle emulator : emulators) {
            // they exit when their stdin pipe from the killed JVM closes (exit-with-parent.js)
            emulator.onExit().get(30, TimeUnit.SECONDS);
        }
        runtime = launch(port);
        Map<String, Object> health = awaitHealth(api, runtime);
        clients.join();
        if (posting.get() != null) {
            throw new AssertionError("posting failed", posting.get());
        }

        FaultRun.Outcome outcome = settle(run, health, started);
        System.out.println("Killed after " + acceptedBeforeKill + " accepted reports: " + outcome);
        assertThat(acceptedBeforeKill).as("accepted before the kill").isPositive().isLessThan(REPORTS);
        assertThat(outcome.givenUp()).isZero();
        assertThat(outcome.accepted()).isEqualTo(REPORTS);
        assertThat(outcome.lost()).as("accepted but not stored").isZero();
        assertThat(outcome.storedTwice()).as("stored twice").isZero();
        assertThat(outcome.unscored()).isZero();
        assertThat(outcome.unacknowledged()).as("stored without an acknowledgement").isZero();
        assertThat(outcome.emailedTwice()).as("acknowledged twice").isZero();
        assertThat(outcome.deadLetters()).isZero();
    }

    /** The runtime as {@code ./run-local} starts it, in a JVM of its own on this test's class path. */
    private Process launch(int port) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path root = RepositoryRoot.find();
        return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-D" + RepositoryRoot.PROPERTY + "=" + root,
                "dev.damagedesk.localruntime.LocalRuntime", "--port", Integer.toString(port),
                "--data-dir", dataDir.toString(), "--functions", "in-process",
                // a notice claimed when the kill came is "busy" until its 5-minute claim lease ends: its 10 receives
                // must outlast that, as the template's 10 x 180 s do; at 1 s apart they went to the dead-letter queue
                "--failed-message-visibility", "40",
                "--parameter-overrides", "EmailSendRatePerSecond=500")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "killed-runtime.log").toFile()))
                .start();
    }

    private static Map<String, Object> awaitHealth(URI api, Process runtime) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return Eventually.await("the local runtime's /health (log: target/killed-runtime.log)", Duration.ofMinutes(3), () -> {
            if (!runtime.isAlive()) {
                throw new AssertionError("The local runtime exited with " + runtime.exitValue()
                        + ": see target/killed-runtime.log");
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(api.resolve("/health"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 ? Optional.of(JSON.std.mapFrom(response.body())) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static FaultRun.Outcome settle(FaultRun run, Map<String, Object> health, Instant started) {
        Map<String, String> queues = (Map<String, String>) health.get("queues");
        Map<String, String> tables = (Map<String, String>) health.get("tables");
        LocalMailbox mailbox = new LocalMailbox(URI.create((String) health.get("mailbox")));
        try (SqsClient sqs = LocalAws.sqsClient(URI.create((String) health.get("sqs")));
             DynamoDbClient dynamoDb = LocalAws.dynamoDbClient(URI.create((String) health.get("dynamodb")))) {
            return FaultRun.settle(
                    () -> FaultRun.queueDepth(sqs, queues.get("IntakeQueue")) + FaultRun.queueDepth(sqs, queues.get("NotificationQueue")),
                    () -> run.outcome("SIGKILL of the whole runtime", REPORTS, dynamoDb, tables.get("ReportsTable"), mailbox,
                            started, FaultRun.queueDepth(sqs, queues.get("IntakeDeadLetterQueue"))
                                    + FaultRun.queueDepth(sqs, queues.get("NotificationDeadLetterQueue")), Map.of()),
                    SETTLE_LIMIT);
        }
    }

    /**
     * A port whose next one is free too (the runtime serves AdminApi there), below the kernel's ephemeral range, so that
     * no connection of this machine takes either while the runtime is down between its two runs.
     */
    private static int freePort() throws IOException {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20_000 + random.nextInt(10_000);
            if (free(port) && free(port + 1)) {
                return port;
            }
        }
        throw new IOException("No two free ports found between 20000 and 30000");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

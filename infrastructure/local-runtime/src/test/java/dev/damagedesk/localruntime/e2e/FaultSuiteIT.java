package dev.damagedesk.localruntime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.localaws.emulator.LocalAws;
import dev.damagedesk.localaws.mailbox.LocalMailbox;
import dev.damagedesk.localruntime.LocalRuntime;
import dev.damagedesk.localruntime.RunningRuntime;
import dev.damagedesk.localruntime.RuntimeOptions;
import dev.damagedesk.localruntime.faults.FaultInjection;
import dev.damagedesk.localruntime.faults.FaultInjection.FunctionFailure;
import dev.damagedesk.localruntime.faults.FaultInjection.Service;
import dev.damagedesk.localruntime.faults.FaultInjection.ServiceFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite: for each fault the local runtime can inject ({@code --fault-injection}), a run of reports through
 * the public API while it strikes, ending with every {@code 202} stored exactly once, scored and acknowledged by
 * exactly one email, no dead letter, and the system healthy after. One runtime on a data directory for all runs (the
 * restarts need one), functions in-process, failed messages retried after 1 s. The table of outcomes is printed and
 * written to {@code target/fault-suite.md}; the README's table comes from it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {

    static final int REPORTS = Integer.getInteger("faults.reports", 1_500);
    static final int CLIENTS = 8;
    /**
     * How long the queues may stay as they are before the run is judged: longer than a message whose delete was refused
     * takes to come back (the queue's 180 s visibility timeout).
     */
    static final Duration SETTLE_LIMIT = Duration.ofMinutes(4);
    static final List<String> FUNCTIONS = List.of("IntakeFunction", "ProcessorFunction", "NotifierFunction");

    @TempDir
    static Path dataDir;
    private static RunningRuntime runtime;
    private static FaultInjection faults;
    private static final List<String> TABLE = new ArrayList<>();
    /** The dead letters of the runs before: each run counts its own. */
    private static long deadLettersBefore;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start(RuntimeOptions.defaults()
                .withPort(0)
                .withDataDir(dataDir)
                .withFailedMessageVisibilitySeconds(1)
                .withParameterOverrides(Map.of("EmailSendRatePerSecond", "500"))
                .withFaultInjection());
        faults = runtime.faults().orElseThrow().injection();
    }

    @AfterAll
    static void stop() throws IOException {
        if (runtime != null) {
            runtime.close();
        }
        String table = "| fault | what the system did | reports accepted | app retries | lost | stored twice | emailed twice |\n"
                + "|---|---|---|---|---|---|---|\n" + String.join("\n", TABLE) + "\n";
        System.out.println(table);
        Path out = Path.of("target", "fault-suite.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table, StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void functionsThatFailBeforeTheirHandlerOnOneInvocationInTen() throws Exception {
        FUNCTIONS.forEach(function -> faults.failFunction(function, 10, FunctionFailure.THROW, Duration.ofMinutes(10)));
        run("a function fails before its handler on 10% of invocations (intake, processor, notifier)", () -> { },
                "the gateway answered 5xx and the app retried with its Idempotency-Key; failed batches came back after 1 s");
    }

    @Test
    @Order(2)
    void functionsThatTimeOutAfterTheirHandlerRanOnOneInvocationInTen() throws Exception {
        FUNCTIONS.forEach(function -> faults.failFunction(function, 10, FunctionFailure.TIMEOUT, Duration.ofMinutes(10)));
        run("a function times out after its handler ran on 10% of invocations (its answer lost)", () -> { },
                "the intake's retry answered the queued report again; a redelivered batch found its reports stored and"
                        + " its emails sent");
    }

    @Test
    @Order(3)
    void sqsDeliversOneMessageInFiveTwiceAtTheSameTime() throws Exception {
        faults.duplicateDeliveries(20, Duration.ofMinutes(10));
        run("SQS delivers 20% of messages twice, the copy at the same time", () -> { },
                "conditional writes let one copy store the report and the notice claim let one send the email");
    }

    @Test
    @Order(4)
    void dynamoDbAnswersEveryCallAfter100Ms() throws Exception {
        faults.delayService(Service.DYNAMODB, Duration.ofMillis(100), Duration.ofMinutes(15));
        run("every DynamoDB call 100 ms slower", () -> { }, "slower, nothing else");
    }

    @Test
    @Order(5)
    void sesThrottlesThenFails() throws Exception {
        run("SES throttles (429) for 15 s, then fails (500) for 15 s", () -> {
            faults.failService(Service.SES, ServiceFailure.THROTTLE, Duration.ofSeconds(15));
            pause(Duration.ofSeconds(15));
            faults.failService(Service.SES, ServiceFailure.FAIL, Duration.ofSeconds(15));
        }, "the SDK's retries, then the notifier gave its claim back and the message came back until SES answered");
    }

    @Test
    @Order(6)
    void theDynamoDbEmulatorStopsAndStartsAgain() throws Exception {
        run("the DynamoDB emulator stopped for 5 s mid-run and started again on its data",
                () -> faults.restart(LocalAws.Restartable.DYNAMODB, Duration.ofSeconds(5)),
                "the intake answered 503 with Retry-After; the processor's and notifier's records failed and came back");
    }

    @Test
    @Order(7)
    void theSesEmulatorStopsAndStartsAgain() throws Exception {
        run("the SES emulator stopped for 5 s mid-run and started again on its mailbox",
                () -> faults.restart(LocalAws.Restartable.SES, Duration.ofSeconds(5)),
                "sends failed and were retried from the queue; the mailbox kept what was sent before");
    }

    @Test
    @Order(8)
    void theSqsEmulatorStopsAndStartsAgain() throws Exception {
        run("the SQS emulator stopped for 5 s mid-run and started again on its H2 database",
                () -> faults.restart(LocalAws.Restartable.SQS, Duration.ofSeconds(5)),
                "the intake answered 503; messages whose delete failed came back after their visibility timeout");
    }

    // ------------------------------------------------------------------ one run

    /** Posts the run's reports; {@code fault} runs once a third of them are accepted; then checks every one. */
    private void run(String scenario, ThrowingRunnable fault, String whatHappened) throws Exception {
        String runId = Long.toString(System.nanoTime(), 36);
        FaultRun run = new FaultRun(runtime.apiBaseUri(), runId);
        Instant started = Instant.now();
        Map<String, Long> struckBefore = faults.struck();
        deadLettersBefore = deadLetters();
        AtomicReference<Throwable> posting = new AtomicReference<>();
        Thread clients = new Thread(() -> {
            try {
                run.post(REPORTS, CLIENTS);
            } catch (Throwable e) {
                posting.set(e);
            }
        }, "fault-suite-clients");
        clients.start();
        Eventually.await("a third of the reports accepted", Duration.ofMinutes(5),
                () -> run.accepted() >= REPORTS / 3 || !clients.isAlive() ? Optional.of(true) : Optional.empty());
        fault.run();
        clients.join();
        if (posting.get() != null) {
            throw new AssertionError("posting failed", posting.get());
        }
        // the faults keep striking while the queues drain
        FaultRun.Outcome outcome = settle(scenario, run, started, struckBefore);
        faults.clear();
        System.out.println(outcome);
        TABLE.add(outcome.tableRow(whatHappened + " (" + summary(outcome) + ")"));

        assertThat(outcome.givenUp()).as("reports the app gave up on").isZero();
        assertThat(outcome.accepted()).as("every report accepted in the end").isEqualTo(REPORTS);
        assertThat(outcome.lost()).as("accepted but not stored").isZero();
        assertThat(outcome.storedTwice()).as("stored twice").isZero();
        assertThat(outcome.unscored()).as("stored without a decision").isZero();
        assertThat(outcome.unacknowledged()).as("stored without an acknowledgement").isZero();
        assertThat(outcome.emailedTwice()).as("acknowledged twice").isZero();
        assertThat(outcome.deadLetters()).as("messages in the dead-letter queues").isZero();
        assertHealthy();
    }

    private FaultRun.Outcome settle(String scenario, FaultRun run, Instant started, Map<String, Long> struckBefore) {
        return FaultRun.settle(() -> depth("IntakeQueue") + depth("NotificationQueue"),
                () -> outcome(scenario, run, started, struckSince(struckBefore)), SETTLE_LIMIT);
    }

    private FaultRun.Outcome outcome(String scenario, FaultRun run, Instant started, Map<String, Long> struck) {
        LocalMailbox mailbox = runtime.cloud().aws().mailbox();
        return run.outcome(scenario, REPORTS, runtime.cloud().aws().dynamoDb(),
                runtime.cloud().resources().tableName("ReportsTable"), mailbox, started, deadLetters() - deadLettersBefore,
                struck);
    }

    /** How many times each fault struck since {@code before} was read. */
    private static Map<String, Long> struckSince(Map<String, Long> before) {
        Map<String, Long> since = new java.util.TreeMap<>();
        faults.struck().forEach((key, count) -> {
            long delta = count - before.getOrDefault(key, 0L);
            if (delta > 0) {
                since.put(key, delta);
            }
        });
        return since;
    }

    private long deadLetters() {
        return depth("IntakeDeadLetterQueue") + depth("NotificationDeadLetterQueue");
    }

    private long depth(String queue) {
        return FaultRun.queueDepth(runtime.cloud().aws().sqs(), runtime.cloud().resources().queueUrl(queue));
    }

    /** After the fault: one more report goes all the way, and {@code /health} answers. */
    private void assertHealthy() {
        PublicApiClient api = new PublicApiClient(runtime.apiBaseUri());
        String email = "after-fault-" + System.nanoTime() + "@example.com";
        PublicApiClient.Reply accepted = api.submit(PublicApiClient.validReport(email));
        assertThat(accepted.status()).as("a report after the fault").isEqualTo(202);
        Eventually.await("the acknowledgement of a report after the fault", Duration.ofMinutes(1),
                () -> runtime.cloud().aws().mailbox().sentTo(email).stream().findFirst());
        assertThat(api.send(api.request("/health").GET().build()).status()).isEqualTo(200);
    }

    private static String summary(FaultRun.Outcome outcome) {
        List<String> parts = new ArrayList<>();
        outcome.retriedStatuses().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> parts.add(String.format("%,d x %d", entry.getValue(), entry.getKey())));
        if (outcome.transportErrors() > 0) {
            parts.add(String.format("%,d broken connections", outcome.transportErrors()));
        }
        String answers = parts.isEmpty() ? "no retried answer" : "retried answers: " + String.join(", ", parts);
        String injected = outcome.struck().isEmpty() ? "" : "; injected: " + outcome.struck().entrySet().stream()
                .map(entry -> entry.getKey() + " " + String.format("%,d", entry.getValue()))
                .reduce((a, b) -> a + ", " + b).orElse("");
        return answers + injected;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}

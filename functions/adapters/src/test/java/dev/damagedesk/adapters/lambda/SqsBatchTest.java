package dev.damagedesk.adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.damagedesk.adapters.message.MessageFormatException;
import dev.damagedesk.application.PermanentFailureException;
import dev.damagedesk.localaws.lambda.CapturedOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one SQS batch loop: per-record outcomes, partial batch failures, and log lines without message bodies. */
class SqsBatchTest {

    private static final String SECRET = "Kim Minji <minji@example.com> 010-1234-5678";

    /** Bodies are "<what to do>|<personal data>": the handler acts on the first part. */
    private final SqsBatch<String[]> batch = new SqsBatch<>("test message", body -> {
        if (!body.contains("|")) {
            throw new MessageFormatException("no separator");
        }
        return body.split("\\|", 2);
    }, message -> switch (message[0]) {
        case "ok" -> SqsBatch.Result.done("handled");
        case "busy" -> SqsBatch.Result.retryLater("claimed elsewhere");
        case "unknown-incident" -> throw new PermanentFailureException("incident 1999-01-01 is not known");
        default -> throw new IllegalStateException("the table is unavailable");
    });

    private static SQSEvent event(String... bodies) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("m" + i);
            message.setBody(bodies[i]);
            message.setAttributes(Map.of("ApproximateReceiveCount", "3"));
            records.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    @Test
    void onlyTheRecordsThatWereNotHandledAreReturnedAsFailures() {
        SQSBatchResponse response = batch.handle(event("ok|" + SECRET, "busy|" + SECRET, "unknown-incident|" + SECRET,
                "outage|" + SECRET, "malformed " + SECRET, "ok|" + SECRET));

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m1", "m2", "m3", "m4");
    }

    @Test
    void permanentFailuresAreErrorsTransientOnesWarningsEachLineCarriesItsMessageIdAndNoneTheBody() {
        List<Map<String, Object>> lines;
        try (CapturedOutput output = CapturedOutput.start()) {
            batch.handle(event("ok|" + SECRET, "busy|" + SECRET, "unknown-incident|" + SECRET, "outage|" + SECRET,
                    "malformed " + SECRET));
            lines = output.logEvents();
            assertThat(output.lines()).noneMatch(line -> line.contains("minji") || line.contains("Kim")
                    || line.contains("010-"));
        }

        assertThat(lines).hasSize(5);
        assertThat(lines).extracting(line -> line.get("messageId")).containsExactly("m0", "m1", "m2", "m3", "m4");
        assertThat(lines).extracting(line -> line.get("level"))
                .containsExactly("INFO", "INFO", "ERROR", "WARN", "ERROR");
        assertThat(lines.get(0).get("message")).isEqualTo("test message: handled");
        assertThat((String) lines.get(1).get("message")).startsWith("test message (receive 3) retried later");
        assertThat((String) lines.get(2).get("message")).startsWith("test message (receive 3) cannot be processed")
                .contains("incident 1999-01-01 is not known");
        assertThat((String) lines.get(3).get("message")).startsWith("test message (receive 3) failed, will retry")
                .contains("IllegalStateException");
        assertThat((String) lines.get(4).get("message")).contains("no separator");
        // the keys are the record's only: none is left for the lines after the batch
        assertThat(org.slf4j.MDC.get("messageId")).isNull();
    }

    @Test
    void anEmptyEventHasNoFailures() {
        assertThat(batch.handle(new SQSEvent()).getBatchItemFailures()).isEmpty();
    }

    /** Bodies "<key>|<step>": records of one key depend on each other, of different keys not. */
    @Test
    void concurrentlyIndependentRecordsRunAtOnceAndRecordsSharingAKeyInBatchOrder() {
        java.util.concurrent.CyclicBarrier bothKeysAtOnce = new java.util.concurrent.CyclicBarrier(2);
        List<String> handled = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, java.util.concurrent.atomic.AtomicInteger> inFlight = new java.util.concurrent.ConcurrentHashMap<>();
        SqsBatch<String[]> concurrent = SqsBatch.concurrently("test message", body -> body.split("\\|", 2), message -> {
            var running = inFlight.computeIfAbsent(message[0], key -> new java.util.concurrent.atomic.AtomicInteger());
            if (running.incrementAndGet() > 1) {
                throw new IllegalStateException("two records of " + message[0] + " at once");
            }
            try {
                if (message[1].equals("1")) {
                    // only passes when the first record of the other key runs at the same time
                    bothKeysAtOnce.await(5, java.util.concurrent.TimeUnit.SECONDS);
                }
                handled.add(message[0] + message[1]);
            } catch (Exception e) {
                throw new IllegalStateException(e.toString());
            } finally {
                running.decrementAndGet();
            }
            return SqsBatch.Result.done("handled");
        }, message -> List.of(message[0]), 4);

        SQSBatchResponse response = concurrent.handle(event("a|1", "b|1", "a|2", "a|3", "b|2", "malformed"));

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m5");
        assertThat(handled).containsExactlyInAnyOrder("a1", "a2", "a3", "b1", "b2");
        assertThat(handled.stream().filter(step -> step.startsWith("a")).toList()).containsExactly("a1", "a2", "a3");
        assertThat(handled.stream().filter(step -> step.startsWith("b")).toList()).containsExactly("b1", "b2");
        assertThat(org.slf4j.MDC.get("messageId")).isNull();
    }
}

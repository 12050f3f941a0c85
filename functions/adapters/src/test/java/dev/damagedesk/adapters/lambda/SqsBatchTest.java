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
}

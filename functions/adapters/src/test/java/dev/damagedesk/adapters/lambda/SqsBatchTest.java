package dev.damagedesk.adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.damagedesk.adapters.message.MessageFormatException;
import dev.damagedesk.application.PermanentFailureException;
import dev.damagedesk.localaws.lambda.LocalContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one SQS batch loop: per-record outcomes, partial batch failures, and log lines without message bodies. */
class SqsBatchTest {

    private static final String SECRET = "Kim Minji <minji@example.com> 010-1234-5678";

    private final List<String> lines = new ArrayList<>();
    private final LambdaLogger logger = new LambdaLogger() {
        @Override
        public void log(String message) {
            lines.add(message);
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }

        @Override
        public void log(String message, LogLevel level) {
            log(level + " " + message);
        }
    };
    private final LocalContext context = new LocalContext("request", "TestFunction",
            "arn:aws:lambda:us-east-1:000000000000:function:TestFunction", "local", 1024,
            System.nanoTime() + 30_000_000_000L, logger);

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
                "outage|" + SECRET, "malformed " + SECRET, "ok|" + SECRET), context);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m1", "m2", "m3", "m4");
    }

    @Test
    void permanentFailuresAreErrorsTransientOnesWarningsAndNoLineCarriesTheBody() {
        batch.handle(event("ok|" + SECRET, "busy|" + SECRET, "unknown-incident|" + SECRET, "outage|" + SECRET,
                "malformed " + SECRET), context);

        assertThat(lines).hasSize(5).noneMatch(line -> line.contains("minji") || line.contains("Kim")
                || line.contains("010-"));
        assertThat(lines.get(0)).isEqualTo("INFO test message m0: handled");
        assertThat(lines.get(1)).startsWith("INFO test message m1 (receive 3) retried later");
        assertThat(lines.get(2)).startsWith("ERROR test message m2 (receive 3) cannot be processed")
                .contains("incident 1999-01-01 is not known");
        assertThat(lines.get(3)).startsWith("WARN test message m3 (receive 3) failed, will retry")
                .contains("IllegalStateException");
        assertThat(lines.get(4)).startsWith("ERROR test message m4").contains("no separator");
    }

    @Test
    void anEmptyEventHasNoFailures() {
        assertThat(batch.handle(new SQSEvent(), context).getBatchItemFailures()).isEmpty();
    }
}

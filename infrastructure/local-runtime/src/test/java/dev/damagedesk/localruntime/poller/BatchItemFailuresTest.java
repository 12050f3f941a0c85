package dev.damagedesk.localruntime.poller;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchItemFailuresTest {

    private static final Set<String> BATCH = Set.of("m1", "m2", "m3");

    @Test
    void noFailuresMeansEveryMessageSucceeded() {
        for (String response : new String[] {"null", "", "{}", "{\"batchItemFailures\":[]}", "{\"batchItemFailures\":null}"}) {
            assertThat(BatchItemFailures.failedMessageIds(response, BATCH)).as(response).contains(Set.of());
        }
    }

    @Test
    void namedMessagesFailed() {
        assertThat(BatchItemFailures.failedMessageIds("{\"batchItemFailures\":[{\"itemIdentifier\":\"m2\"},{\"itemIdentifier\":\"m3\"}]}", BATCH))
                .contains(Set.of("m2", "m3"));
    }

    @Test
    void anythingLambdaCannotTrustFailsTheWholeBatch() {
        for (String response : new String[] {
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"m9\"}]}",
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}",
                "{\"batchItemFailures\":[{\"itemIdentifier\":null}]}",
                "{\"batchItemFailures\":[{\"id\":\"m1\"}]}",
                "{\"batchItemFailures\":\"m1\"}",
                "\"ok\"",
                "{not json"}) {
            assertThat(BatchItemFailures.failedMessageIds(response, BATCH)).as(response).isEqualTo(Optional.empty());
        }
    }
}

package dev.damagedesk.rescorer.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.SharedLocalCloud;
import dev.damagedesk.localaws.lambda.LocalContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The re-scoring handler driven by an SQS event fixture against the emulators. The whole journey (publish,
 * pages, audit entries) is PolicyRescoringIT's; here, the failure paths: a page that cannot be done is returned for
 * retry (and, after the redrive policy's receives, parked with its cursor), never dropped.
 */
class RescoreHandlerTest {

    private static final String EVENT = "events/rescore-queue-batch.json";
    private static final String UNKNOWN_VERSION_PAGE = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
    private static final String MALFORMED_PAGE = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

    private final LocalCloud cloud = SharedLocalCloud.get();
    private final Map<String, String> environment = cloud.functionEnvironment("RescoreFunction");

    @Test
    void snapStartWarmUpReadsThePolicyAndWritesAndQueuesNothing() {
        String table = environment.get("REPORTS_TABLE");
        String audit = environment.get("AUDIT_TABLE");
        String pages = environment.get("RESCORE_QUEUE_URL");
        int items = cloud.aws().itemCount(table);
        int entries = cloud.aws().itemCount(audit);
        String queued = depth(pages);

        new RescoreHandler(FunctionEnvironment.of(environment), java.time.Clock.systemUTC()).warmUp();

        assertThat(cloud.aws().itemCount(table)).isEqualTo(items);
        assertThat(cloud.aws().itemCount(audit)).isEqualTo(entries);
        assertThat(depth(pages)).isEqualTo(queued);
    }

    private String depth(String queueUrl) {
        return cloud.aws().sqs().getQueueAttributes(get -> get.queueUrl(queueUrl)
                .attributeNamesWithStrings("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesDelayed"))
                .attributesAsStrings().toString();
    }

    @Test
    void aPageOfAnUnknownVersionOrAMalformedPageFailsAloneAndADonePageSucceeds() {
        SQSBatchResponse response = new RescoreHandler(FunctionEnvironment.of(environment), Clock.systemUTC())
                .handleRequest(EventLoader.loadSQSEvent(EVENT), LocalContext.forTest("RescoreFunction"));

        assertThat(response.getBatchItemFailures())
                .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactlyInAnyOrder(UNKNOWN_VERSION_PAGE, MALFORMED_PAGE);
    }

    @Test
    void whenTheTableCannotBeReadEveryPageIsReturnedForRetry() {
        Map<String, String> broken = new HashMap<>(environment);
        broken.put("REPORTS_TABLE", "NoSuchTable");

        SQSBatchResponse response = new RescoreHandler(FunctionEnvironment.of(broken), Clock.systemUTC())
                .handleRequest(EventLoader.loadSQSEvent(EVENT), LocalContext.forTest("RescoreFunction"));

        assertThat(response.getBatchItemFailures()).hasSize(3);
    }
}

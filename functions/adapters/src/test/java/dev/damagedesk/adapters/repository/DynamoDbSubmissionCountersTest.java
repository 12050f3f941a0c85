package dev.damagedesk.adapters.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.application.port.SubmissionCounters;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.SharedLocalCloud;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The submission limits' counters on the DynamoDB emulator, added to by many threads at once. */
class DynamoDbSubmissionCountersTest {

    private final LocalCloud cloud = SharedLocalCloud.get();
    private final String table = cloud.resources().tableName("ReportsTable");
    private final DynamoDbSubmissionCounters counters = new DynamoDbSubmissionCounters(cloud.aws().dynamoDb(), table);

    @Test
    void concurrentAddsEachGetTheirOwnCountAndTheFirstAddSetsTheExpiry() throws Exception {
        String key = "client#address:" + UUID.randomUUID() + "#1666148400";
        Instant expiresAt = Instant.ofEpochSecond(1_666_148_520L);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Long>> adders = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                adders.add(() -> counters.add(key, expiresAt));
            }
            List<Long> counts = new ArrayList<>();
            for (Future<Long> count : pool.invokeAll(adders)) {
                counts.add(count.get());
            }

            assertThat(counts).as("no count lost, none given twice").containsExactlyInAnyOrderElementsOf(
                    java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList());
            assertThat(counters.add(key, expiresAt.plusSeconds(999))).isEqualTo(21);
            Map<String, AttributeValue> item = cloud.aws().dynamoDb().getItem(get -> get.tableName(table)
                    .consistentRead(true).key(DynamoDbSubmissionCounters.key(key))).item();
            assertThat(item.get("pk").s()).isEqualTo("LIMIT#" + key);
            assertThat(item.get("expiresAt").n()).as("kept from the first add").isEqualTo("1666148520");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTableThatDoesNotAnswerIsUnavailableNotAnSdkException() {
        DynamoDbSubmissionCounters missing = new DynamoDbSubmissionCounters(cloud.aws().dynamoDb(), table + "-missing");

        assertThatThrownBy(() -> missing.add("contact#email:x#0", Instant.EPOCH))
                .isInstanceOf(SubmissionCounters.Unavailable.class);
    }
}

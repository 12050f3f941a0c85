package dev.damagedesk.adapters.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.SharedLocalCloud;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The shared sending rate on the DynamoDB emulator, taken by many threads at once. */
class DynamoDbSendingSlotsTest {

    private final LocalCloud cloud = SharedLocalCloud.get();
    private final String table = cloud.resources().tableName("ReportsTable");
    /** A second far away, of this test run only. */
    private final long second = 5_000_000_000L + new SecureRandom().nextInt(1_000_000_000);

    @Test
    void concurrentTakersGetExactlyTheRateOfASecondAndTheNextSecondStartsAfresh() throws Exception {
        DynamoDbSendingSlots slots = new DynamoDbSendingSlots(cloud.aws().dynamoDb(), table, 7);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> takers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                takers.add(() -> slots.take(second));
            }
            long granted = 0;
            for (Future<Boolean> taken : pool.invokeAll(takers)) {
                granted += taken.get() ? 1 : 0;
            }

            assertThat(granted).isEqualTo(7);
            assertThat(slots.take(second)).isFalse();
            assertThat(slots.take(second + 1)).isTrue();
            var item = cloud.aws().dynamoDb().getItem(get -> get.tableName(table)
                    .key(DynamoDbSendingSlots.key(second))).item();
            assertThat(item.get("taken").n()).isEqualTo("7");
            assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(second + 3_600));
        } finally {
            pool.shutdownNow();
        }
    }
}

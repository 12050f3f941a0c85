package dev.damagedesk.adapters.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.domain.traffic.MinuteTraffic;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.SharedLocalCloud;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The TRAFFIC# items in the DynamoDB emulator: concurrent adds lose nothing, the reader sums every shard. */
class DynamoDbTrafficTalliesTest {

    private final LocalCloud cloud = SharedLocalCloud.get();
    private final String table = cloud.resources().tableName("ReportsTable");
    private final DynamoDbTrafficTallies tallies = new DynamoDbTrafficTallies(cloud.aws().dynamoDb(), table);
    /** A minute of its own (the table is shared with other tests, whose intake adds to the current minutes). */
    private final Instant minute = Instant.parse("2001-01-01T00:00:00Z")
            .plus(Duration.ofMinutes(ThreadLocalRandom.current().nextInt(5_000_000)));

    @Test
    void concurrentWritersOnEveryShardLoseNoCountAndKeepTheLongestWait() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<?>> adds = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long waitMs = 1_000L * (i % 7);
            adds.add(writers.submit(() -> {
                tallies.addArrivals(minute.plusSeconds(59), Map.of("music", 2L, "taxi", 1L));
                tallies.addProcessed(minute, 3, Duration.ofMillis(waitMs));
            }));
        }
        for (Future<?> add : adds) {
            add.get();
        }
        writers.shutdown();

        assertThat(tallies.minutes(minute, minute.plusSeconds(60))).containsExactly(
                new MinuteTraffic(minute, Map.of("music", 80L, "taxi", 40L), 120, Duration.ofSeconds(6)));
    }

    @Test
    void minutesAreAnsweredOldestFirstWithEmptyOnesInBetweenAndOtherMinutesApart() {
        AtomicInteger shard = new AtomicInteger();
        DynamoDbTrafficTallies roundRobin = new DynamoDbTrafficTallies(cloud.aws().dynamoDb(), table,
                () -> shard.getAndIncrement() % DynamoDbTrafficTallies.SHARDS);
        Instant third = minute.plus(Duration.ofMinutes(2));
        roundRobin.addArrivals(minute, Map.of("mail", 5L));
        roundRobin.addArrivals(minute, Map.of("mail", 1L, "pc-games", 4L));
        roundRobin.addProcessed(third, 7, Duration.ofSeconds(30));
        roundRobin.addProcessed(third, 2, Duration.ofSeconds(10)); // shorter: the count is added, the wait stays
        roundRobin.addProcessed(third, 0, Duration.ofHours(1)); // nothing stored: nothing written

        assertThat(roundRobin.minutes(minute.plusSeconds(10), minute.plus(Duration.ofMinutes(3)))).containsExactly(
                new MinuteTraffic(minute, Map.of("mail", 6L, "pc-games", 4L), 0, Duration.ZERO),
                MinuteTraffic.empty(minute.plusSeconds(60)),
                new MinuteTraffic(third, Map.of(), 9, Duration.ofSeconds(30)));
        assertThat(roundRobin.minutes(minute.minusSeconds(60), minute)).containsExactly(
                MinuteTraffic.empty(minute.minusSeconds(60)));
    }

    @Test
    void aMinuteIsOneItemPerShardUnderTheTrafficPrefixAndExpires() {
        DynamoDbTrafficTallies shardSeven = new DynamoDbTrafficTallies(cloud.aws().dynamoDb(), table, () -> 7);
        shardSeven.addArrivals(minute.plusSeconds(30), Map.of("webtoon", 1L));

        String pk = "TRAFFIC#" + java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(minute) + "#7";
        Map<String, AttributeValue> item = cloud.aws().dynamoDb().getItem(get -> get.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("MINUTE")))).item();
        assertThat(item).containsEntry("arrivals#webtoon", AttributeValue.fromN("1"));
        assertThat(Long.parseLong(item.get("expiresAt").n()))
                .isEqualTo(minute.plus(DynamoDbTrafficTallies.KEPT).getEpochSecond());
    }
}

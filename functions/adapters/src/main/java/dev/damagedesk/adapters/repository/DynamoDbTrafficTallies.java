package dev.damagedesk.adapters.repository;

import static dev.damagedesk.adapters.repository.Attributes.n;
import static dev.damagedesk.adapters.repository.Attributes.s;

import dev.damagedesk.application.port.TrafficTallies;
import dev.damagedesk.domain.traffic.MinuteTraffic;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * {@link TrafficTallies} in the Reports table: counters added with atomic {@code ADD} updates, so every intake and
 * processor instance can add at once without losing a count.
 *
 * <p>Key layout: {@code pk = TRAFFIC#<minute, e.g. 2026-12-04T03:41Z>#<shard 0..9>}, {@code sk = MINUTE}; attributes
 * {@code arrivals#<service>} (accepted reports of that service received in the minute), {@code processed} (reports
 * stored for the first time in the minute), {@code longestWaitMs} and {@code expiresAt} (TTL, {@link #KEPT} after
 * the minute). A writer picks a shard at random for each
 * write; {@link #minutes} reads every shard of every minute ({@code BatchGetItem}, 100 keys a call) and sums them.
 * The {@code TRAFFIC#} prefix lets IAM limit a writer to these items ({@code dynamodb:LeadingKeys}).
 *
 * <p>Why shards: one DynamoDB partition takes at most 1,000 write units a second, and every item of a minute would
 * otherwise be one key written by every container. Intake containers add at most every ~10 s each (1,000 containers:
 * ~100 writes/s), but the processor adds once per batch: at 10,000 reports/s in batches of 10 that is 1,000 batches
 * a second, each one or two writes. Spread over {@link #SHARDS} keys a minute, each key takes at most ~200 writes/s,
 * a fifth of the limit, and the reader's cost stays one {@code BatchGetItem} per 10 minutes read.
 *
 * <p>The longest wait is a maximum, which {@code ADD} cannot keep: the processed count and the wait are written in
 * one update conditional on the wait being longer than the stored one; when it is not, the count alone is added.
 */
public final class DynamoDbTrafficTallies implements TrafficTallies {

    /** Items per minute; see the class comment. */
    static final int SHARDS = 10;
    static final String PREFIX = "TRAFFIC#";
    static final String SORT_KEY = "MINUTE";
    static final String ARRIVALS = "arrivals#";
    /** A reserved word in expressions: always written through a placeholder. */
    static final String PROCESSED = "processed";
    static final Duration KEPT = Duration.ofDays(35);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm'Z'")
            .withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final IntSupplier shard;

    public DynamoDbTrafficTallies(DynamoDbClient dynamoDb, String reportsTable) {
        this(dynamoDb, reportsTable, () -> ThreadLocalRandom.current().nextInt(SHARDS));
    }

    /** @param shard which shard a write goes to (tests fix it to show that the reader sums every shard) */
    DynamoDbTrafficTallies(DynamoDbClient dynamoDb, String reportsTable, IntSupplier shard) {
        this.dynamoDb = dynamoDb;
        this.tableName = reportsTable;
        this.shard = shard;
    }

    @Override
    public void addArrivals(Instant minute, Map<String, Long> reportsByService) {
        if (reportsByService.isEmpty()) {
            return;
        }
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        List<String> adds = new ArrayList<>();
        reportsByService.forEach((service, count) -> {
            int i = names.size();
            names.put("#s" + i, ARRIVALS + service);
            values.put(":s" + i, n(count));
            adds.add("#s" + i + " :s" + i);
        });
        values.put(":expires", expiresAt(minute));
        dynamoDb.updateItem(update -> update.tableName(tableName).key(key(minute, shard.getAsInt()))
                .updateExpression("ADD " + String.join(", ", adds) + " SET expiresAt = :expires")
                .expressionAttributeNames(names).expressionAttributeValues(values));
    }

    @Override
    public void addProcessed(Instant minute, long reports, Duration longestWait) {
        if (reports <= 0) {
            return;
        }
        Map<String, AttributeValue> key = key(minute, shard.getAsInt());
        try {
            dynamoDb.updateItem(update -> update.tableName(tableName).key(key)
                    .updateExpression("ADD #processed :n SET longestWaitMs = :wait, expiresAt = :expires")
                    .conditionExpression("attribute_not_exists(longestWaitMs) OR longestWaitMs < :wait")
                    .expressionAttributeNames(Map.of("#processed", PROCESSED))
                    .expressionAttributeValues(Map.of(":n", n(reports), ":wait", n(longestWait.toMillis()),
                            ":expires", expiresAt(minute))));
        } catch (ConditionalCheckFailedException notLonger) {
            dynamoDb.updateItem(update -> update.tableName(tableName).key(key)
                    .updateExpression("ADD #processed :n SET expiresAt = :expires")
                    .expressionAttributeNames(Map.of("#processed", PROCESSED))
                    .expressionAttributeValues(Map.of(":n", n(reports), ":expires", expiresAt(minute))));
        }
    }

    @Override
    public List<MinuteTraffic> minutes(Instant from, Instant to) {
        List<Instant> minutes = new ArrayList<>();
        for (Instant minute = MinuteTraffic.startOf(from); minute.isBefore(to); minute = minute.plusSeconds(60)) {
            minutes.add(minute);
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Instant minute : minutes) {
            for (int s = 0; s < SHARDS; s++) {
                keys.add(key(minute, s));
            }
        }
        Map<String, List<Map<String, AttributeValue>>> itemsByMinute = new HashMap<>();
        for (int from100 = 0; from100 < keys.size(); from100 += 100) {
            Map<String, KeysAndAttributes> request = Map.of(tableName, KeysAndAttributes.builder()
                    .keys(keys.subList(from100, Math.min(keys.size(), from100 + 100))).build());
            while (request != null && !request.isEmpty()) {
                Map<String, KeysAndAttributes> asked = request;
                var answer = dynamoDb.batchGetItem(get -> get.requestItems(asked));
                for (Map<String, AttributeValue> item : answer.responses().getOrDefault(tableName, List.of())) {
                    String pk = item.get(ReportKeys.PK).s();
                    itemsByMinute.computeIfAbsent(pk.substring(0, pk.lastIndexOf('#')), k -> new ArrayList<>()).add(item);
                }
                request = answer.unprocessedKeys();
            }
        }
        List<MinuteTraffic> result = new ArrayList<>();
        for (Instant minute : minutes) {
            result.add(sum(minute, itemsByMinute.getOrDefault(PREFIX + MINUTE.format(minute), List.of())));
        }
        return result;
    }

    private static MinuteTraffic sum(Instant minute, List<Map<String, AttributeValue>> shards) {
        Map<String, Long> arrivals = new HashMap<>();
        long processed = 0;
        long longestWaitMs = 0;
        for (Map<String, AttributeValue> item : shards) {
            for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
                if (attribute.getKey().startsWith(ARRIVALS)) {
                    arrivals.merge(attribute.getKey().substring(ARRIVALS.length()), Long.parseLong(attribute.getValue().n()),
                            Long::sum);
                }
            }
            processed += Attributes.optionalNumber(item, PROCESSED).orElse(0L);
            longestWaitMs = Math.max(longestWaitMs, Attributes.optionalNumber(item, "longestWaitMs").orElse(0L));
        }
        return new MinuteTraffic(minute, arrivals, processed, Duration.ofMillis(longestWaitMs));
    }

    /** Operational figures, not records: DynamoDB's TTL removes a minute's items after {@link #KEPT}. */
    private static AttributeValue expiresAt(Instant minute) {
        return n(MinuteTraffic.startOf(minute).plus(KEPT).getEpochSecond());
    }

    private static Map<String, AttributeValue> key(Instant minute, int shard) {
        return Map.of(ReportKeys.PK, s(PREFIX + MINUTE.format(MinuteTraffic.startOf(minute)) + "#" + shard),
                ReportKeys.SK, s(SORT_KEY));
    }
}

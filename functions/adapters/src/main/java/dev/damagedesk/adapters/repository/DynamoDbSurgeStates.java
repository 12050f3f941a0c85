package dev.damagedesk.adapters.repository;

import static dev.damagedesk.adapters.repository.Attributes.n;
import static dev.damagedesk.adapters.repository.Attributes.number;
import static dev.damagedesk.adapters.repository.Attributes.s;
import static dev.damagedesk.adapters.repository.Attributes.string;

import dev.damagedesk.application.port.SurgeStates;
import dev.damagedesk.domain.surge.SurgeMode;
import dev.damagedesk.domain.surge.SurgeState;
import dev.damagedesk.domain.surge.SurgeSwitch;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The surge controller's state and switches in the Reports table.
 * <ul>
 *   <li>published state: {@code pk} = {@code SURGE}, {@code sk} = {@code STATE}; one item, overwritten by each run
 *       ({@code mode}, {@code since}, {@code expectedProcessingMillis}, {@code updatedAt}).</li>
 *   <li>a switch: {@code pk} = {@code SURGE}, {@code sk} = {@code SWITCH#<sortable time>#<mode>}; written with
 *       {@code attribute_not_exists(pk)}, so recording it again is a no-op; a query from
 *       {@code SWITCH#<since>} reads them oldest first. Switches are rare (a few per wave): one partition is plenty.</li>
 * </ul>
 * Neither item carries personal data, and neither has a TTL: the switches are part of the dashboard's history.
 */
public final class DynamoDbSurgeStates implements SurgeStates {

    static final String PARTITION = "SURGE";
    static final String STATE_SK = "STATE";
    static final String SWITCH_PREFIX = "SWITCH#";

    private final DynamoDbClient dynamoDb;
    private final String reportsTable;

    public DynamoDbSurgeStates(DynamoDbClient dynamoDb, String reportsTable) {
        this.dynamoDb = dynamoDb;
        this.reportsTable = reportsTable;
    }

    @Override
    public Optional<SurgeState> current() {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(reportsTable)
                .key(Map.of(ReportKeys.PK, s(PARTITION), ReportKeys.SK, s(STATE_SK)))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SurgeState(SurgeMode.valueOf(string(item, "mode")),
                Instant.parse(string(item, "since")),
                Duration.ofMillis(number(item, "expectedProcessingMillis")),
                Instant.parse(string(item, "updatedAt"))));
    }

    @Override
    public void publish(SurgeState state) {
        dynamoDb.putItem(put -> put.tableName(reportsTable).item(Map.of(
                ReportKeys.PK, s(PARTITION), ReportKeys.SK, s(STATE_SK), "type", s("SURGE_STATE"),
                "mode", s(state.mode().name()), "since", s(state.since().toString()),
                "expectedProcessingMillis", n(state.expectedProcessing().toMillis()),
                "updatedAt", s(state.updatedAt().toString()))));
    }

    @Override
    public void recordSwitch(SurgeSwitch change) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ReportKeys.PK, s(PARTITION));
        item.put(ReportKeys.SK, s(switchSortKey(change.at(), change.to())));
        item.put("type", s("SURGE_SWITCH"));
        item.put("at", s(change.at().toString()));
        item.put("to", s(change.to().name()));
        item.put("reason", s(change.reason()));
        item.put("arrivalsPerMinute", n(change.arrivalsPerMinute()));
        item.put("processedPerMinute", n(change.processedPerMinute()));
        item.put("backlog", n(change.backlog()));
        item.put("oldestWaitMillis", n(change.oldestWait().toMillis()));
        item.put("processorConcurrency", n(change.processorConcurrency()));
        item.put("emailsPerSecond", AttributeValue.fromN(Double.toString(change.emailsPerSecond())));
        try {
            dynamoDb.putItem(put -> put.tableName(reportsTable).item(item)
                    .conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException recordedBefore) {
            // the same switch (a retried controller run): recorded once is the point
        }
    }

    @Override
    public List<SurgeSwitch> switchesSince(Instant since) {
        return dynamoDb.queryPaginator(query -> query.tableName(reportsTable)
                        .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                        .expressionAttributeValues(Map.of(":pk", s(PARTITION),
                                ":from", s(SWITCH_PREFIX + ReportKeys.sortableTime(since)),
                                // '$' sorts after '#' and every digit: the end of the SWITCH# range
                                ":to", s("SWITCH$")))
                        .consistentRead(true))
                .items().stream().map(DynamoDbSurgeStates::switchOf).toList();
    }

    static String switchSortKey(Instant at, SurgeMode to) {
        return SWITCH_PREFIX + ReportKeys.sortableTime(at) + "#" + to.name();
    }

    private static SurgeSwitch switchOf(Map<String, AttributeValue> item) {
        return new SurgeSwitch(Instant.parse(string(item, "at")), SurgeMode.valueOf(string(item, "to")),
                string(item, "reason"), number(item, "arrivalsPerMinute"), number(item, "processedPerMinute"),
                number(item, "backlog"), Duration.ofMillis(number(item, "oldestWaitMillis")),
                (int) number(item, "processorConcurrency"), Double.parseDouble(item.get("emailsPerSecond").n()));
    }
}

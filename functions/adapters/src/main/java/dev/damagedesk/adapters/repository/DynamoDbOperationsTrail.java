package dev.damagedesk.adapters.repository;

import static dev.damagedesk.adapters.repository.Attributes.n;
import static dev.damagedesk.adapters.repository.Attributes.number;
import static dev.damagedesk.adapters.repository.Attributes.optionalString;
import static dev.damagedesk.adapters.repository.Attributes.s;
import static dev.damagedesk.adapters.repository.Attributes.string;

import dev.damagedesk.application.port.OperationsTrail;
import dev.damagedesk.domain.audit.OperationAction;
import dev.damagedesk.domain.audit.OperationEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The operations trail in the audit table: {@code pk} = {@code OPERATIONS}, {@code sk} = {@code ENTRY#<sequence, 10
 * digits>}, as a report's entries are keyed. One partition takes the few writes a day it gets (a switch at most a
 * minute, a staff decision now and then); a put succeeds only for a new sequence, and nothing updates or deletes.
 */
public final class DynamoDbOperationsTrail implements OperationsTrail {

    /** The trail's partition; the surge controller's IAM may write only here ({@code dynamodb:LeadingKeys}). */
    public static final String PARTITION = "OPERATIONS";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbOperationsTrail(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public boolean appendIfFree(OperationEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ReportKeys.PK, s(PARTITION));
        item.put(ReportKeys.SK, s(DynamoDbAuditTrail.entrySortKey(entry.sequence())));
        item.put("type", s("OPERATION_ENTRY"));
        item.put("sequence", n(entry.sequence()));
        item.put("at", s(entry.at().toString()));
        AuditItems.putActor(item, entry.actor());
        item.put("action", s(entry.action().name()));
        item.put("subject", s(entry.subject()));
        AuditItems.putIfPresent(item, "detail", entry.detail());
        AuditItems.putIfPresent(item, "previousHash", entry.previousHash());
        item.put("hash", s(entry.hash()));
        try {
            dynamoDb.putItem(put -> put.tableName(tableName).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public List<OperationEntry> latest(int limit) {
        List<OperationEntry> newestFirst = new ArrayList<>(dynamoDb.query(query -> query.tableName(tableName)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :entry)")
                        .expressionAttributeValues(Map.of(":pk", s(PARTITION), ":entry", s("ENTRY#")))
                        .scanIndexForward(false).limit(limit).consistentRead(true))
                .items().stream().map(DynamoDbOperationsTrail::entryOf).toList());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private static OperationEntry entryOf(Map<String, AttributeValue> item) {
        return new OperationEntry(number(item, "sequence"), Instant.parse(string(item, "at")), AuditItems.actorOf(item),
                OperationAction.valueOf(string(item, "action")), string(item, "subject"),
                optionalString(item, "detail").orElse(null), optionalString(item, "previousHash").orElse(""),
                string(item, "hash"));
    }
}

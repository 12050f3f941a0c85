package dev.damagedesk.adapters.repository;

import static dev.damagedesk.adapters.repository.Attributes.s;

import dev.damagedesk.application.port.AuditTrail;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.report.ReportId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The audit trail in its own table ({@code AuditTable}): {@code pk} = {@code REPORT#<id>}, {@code sk} =
 * {@code ENTRY#<sequence, 10 digits>}. Only two operations are ever used, and the functions' IAM allows only
 * them: a put that succeeds only when the entry is new, and a query. Nothing here, or anywhere, updates or deletes
 * an entry.
 */
public final class DynamoDbAuditTrail implements AuditTrail {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbAuditTrail(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void append(AuditEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>(AuditItems.toAttributes(entry));
        item.put(ReportKeys.PK, s(ReportKeys.reportPartition(entry.reportId())));
        item.put(ReportKeys.SK, s(entrySortKey(entry.sequence())));
        item.put("type", s("AUDIT_ENTRY"));
        try {
            dynamoDb.putItem(put -> put.tableName(tableName).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException exists) {
            // Appended before (a redelivery, a flush of the carried entry): fine if it is this very entry.
            List<Map<String, AttributeValue>> stored = dynamoDb.query(query -> query.tableName(tableName)
                    .keyConditionExpression("pk = :pk AND sk = :sk")
                    .expressionAttributeValues(Map.of(":pk", item.get(ReportKeys.PK), ":sk", item.get(ReportKeys.SK)))
                    .consistentRead(true)).items();
            if (stored.isEmpty() || !AuditItems.fromAttributes(stored.get(0)).equals(entry)) {
                throw new IllegalStateException("Report " + entry.reportId().value() + " already has another entry "
                        + entry.sequence());
            }
        }
    }

    @Override
    public List<AuditEntry> entriesOf(ReportId reportId) {
        return dynamoDb.queryPaginator(query -> query.tableName(tableName)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :entry)")
                        .expressionAttributeValues(Map.of(":pk", s(ReportKeys.reportPartition(reportId)),
                                ":entry", s("ENTRY#")))
                        .consistentRead(true))
                .items().stream().map(AuditItems::fromAttributes).toList();
    }

    static String entrySortKey(long sequence) {
        return String.format("ENTRY#%010d", sequence);
    }
}

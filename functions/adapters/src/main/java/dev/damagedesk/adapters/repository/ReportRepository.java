package dev.damagedesk.adapters.repository;

import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Reports in DynamoDB. Every write is a single-item conditional write: the local emulator has no transactions. */
public final class ReportRepository {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public ReportRepository(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /**
     * Stores a new report unless one with its id exists. SQS may deliver the same message twice; the second
     * delivery must neither duplicate the report nor overwrite whatever happened to it since.
     *
     * @return true if this call stored it, false if it was already there
     */
    public boolean insertIfAbsent(Report report, Instant expiresAt) {
        try {
            dynamoDb.putItem(put -> put.tableName(tableName)
                    .item(ReportItems.toItem(report, expiresAt))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException alreadyStored) {
            return false;
        }
    }

    /** One page of an incident's reports of one service, oldest first, for jobs that walk them all. */
    public record Page(List<Report> reports, Map<String, String> next) {
        public boolean hasNext() {
            return next != null;
        }
    }

    /**
     * Reads a page of the {@code IncidentService} index.
     *
     * @param cursor where the previous page stopped (its {@link Page#next()}), null for the first page
     */
    public Page pageOfService(String incidentId, String service, Map<String, String> cursor, int limit) {
        QueryResponse response = dynamoDb.query(query -> {
            query.tableName(tableName)
                    .indexName(ReportKeys.INCIDENT_SERVICE_INDEX)
                    .keyConditionExpression("gsi2pk = :partition")
                    .expressionAttributeValues(Map.of(":partition",
                            AttributeValue.fromS(ReportKeys.incidentServicePartition(incidentId, service))))
                    .limit(limit);
            if (cursor != null) {
                Map<String, AttributeValue> start = new HashMap<>();
                cursor.forEach((name, value) -> start.put(name, AttributeValue.fromS(value)));
                query.exclusiveStartKey(start);
            }
        });
        Map<String, String> next = null;
        if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
            next = new LinkedHashMap<>();
            for (Map.Entry<String, AttributeValue> key : response.lastEvaluatedKey().entrySet()) {
                next.put(key.getKey(), key.getValue().s());
            }
        }
        return new Page(response.items().stream().map(ReportItems::fromItem).toList(), next);
    }

    /**
     * Replaces a stored report with a changed version of it, only if nobody changed it since it was read:
     * its status and its decision's policy version must still be those of {@code before}.
     *
     * @return false if the stored report had changed in between (it was left as it is)
     */
    public boolean replaceIfUnchanged(Report before, Report after, Instant expiresAt) {
        try {
            dynamoDb.putItem(put -> put.tableName(tableName)
                    .item(ReportItems.toItem(after, expiresAt))
                    .conditionExpression("#status = :status AND #decision.#policyVersion = :policyVersion")
                    .expressionAttributeNames(Map.of("#status", "status", "#decision", "decision",
                            "#policyVersion", "policyVersion"))
                    .expressionAttributeValues(Map.of(
                            ":status", AttributeValue.fromS(before.status().name()),
                            ":policyVersion", AttributeValue.fromS(before.decision().policyVersion()))));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    public Optional<Report> find(ReportId id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                .key(ReportKeys.reportKey(id))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ReportItems.fromItem(item));
    }
}

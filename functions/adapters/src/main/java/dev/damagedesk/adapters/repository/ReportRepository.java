package dev.damagedesk.adapters.repository;

import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

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

    public Optional<Report> find(ReportId id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                .key(ReportKeys.reportKey(id))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ReportItems.fromItem(item));
    }
}

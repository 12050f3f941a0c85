package dev.damagedesk.adapters.repository;

import static dev.damagedesk.adapters.repository.Attributes.n;
import static dev.damagedesk.adapters.repository.Attributes.s;

import dev.damagedesk.application.port.SendingSlots;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The shared email rate in the Reports table: an item per second of the clock ({@code pk} =
 * {@code EMAIL_SLOTS#<epoch second>}, {@code sk} = {@code SLOTS}) whose {@code taken} counter is raised by one
 * conditional {@code UpdateItem} per send, only while it is under the rate. A second's item takes at most the rate's
 * writes (each second is its own partition key); it expires an hour later (TTL).
 */
public final class DynamoDbSendingSlots implements SendingSlots {

    static final long KEPT_SECONDS = 3_600;

    private final DynamoDbClient dynamoDb;
    private final String reportsTable;
    private final int perSecond;

    public DynamoDbSendingSlots(DynamoDbClient dynamoDb, String reportsTable, int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("the sending rate must be at least 1 a second, was " + perSecond);
        }
        this.dynamoDb = dynamoDb;
        this.reportsTable = reportsTable;
        this.perSecond = perSecond;
    }

    @Override
    public int perSecond() {
        return perSecond;
    }

    @Override
    public boolean take(long epochSecond) {
        try {
            dynamoDb.updateItem(update -> update.tableName(reportsTable)
                    .key(key(epochSecond))
                    .updateExpression("ADD taken :one SET expiresAt = if_not_exists(expiresAt, :expires)")
                    .conditionExpression("attribute_not_exists(taken) OR taken < :rate")
                    .expressionAttributeValues(Map.of(":one", n(1), ":rate", n(perSecond),
                            ":expires", n(epochSecond + KEPT_SECONDS))));
            return true;
        } catch (ConditionalCheckFailedException full) {
            return false;
        }
    }

    static Map<String, AttributeValue> key(long epochSecond) {
        return Map.of(ReportKeys.PK, s("EMAIL_SLOTS#" + epochSecond), ReportKeys.SK, s("SLOTS"));
    }
}

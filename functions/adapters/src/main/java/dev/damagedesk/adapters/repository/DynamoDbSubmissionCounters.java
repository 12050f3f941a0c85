package dev.damagedesk.adapters.repository;

import static dev.damagedesk.adapters.repository.Attributes.n;
import static dev.damagedesk.adapters.repository.Attributes.s;

import dev.damagedesk.application.port.SubmissionCounters;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The submission limits' counters in the Reports table: an item per subject and window ({@code pk} =
 * {@code LIMIT#<counter key>}, e.g. {@code LIMIT#contact#email:<hash>#<window start>}, {@code sk} = {@code COUNT}) whose
 * {@code submissions} are raised by one atomic {@code UpdateItem ADD} per new report; it expires (TTL) a window after
 * its own. The key holds identity hashes only, never a contact or an address.
 */
public final class DynamoDbSubmissionCounters implements SubmissionCounters {

    static final String PREFIX = "LIMIT#";

    private final DynamoDbClient dynamoDb;
    private final String reportsTable;

    public DynamoDbSubmissionCounters(DynamoDbClient dynamoDb, String reportsTable) {
        this.dynamoDb = dynamoDb;
        this.reportsTable = reportsTable;
    }

    @Override
    public long add(String counterKey, Instant expiresAt) {
        try {
            Map<String, AttributeValue> after = dynamoDb.updateItem(update -> update.tableName(reportsTable)
                    .key(key(counterKey))
                    .updateExpression("ADD submissions :one SET expiresAt = if_not_exists(expiresAt, :expires)")
                    .expressionAttributeValues(Map.of(":one", n(1), ":expires", n(expiresAt.getEpochSecond())))
                    .returnValues(ReturnValue.UPDATED_NEW)).attributes();
            return Long.parseLong(after.get("submissions").n());
        } catch (SdkException unavailable) {
            throw new Unavailable("submission counter not added: " + unavailable.getClass().getSimpleName(), unavailable);
        }
    }

    static Map<String, AttributeValue> key(String counterKey) {
        return Map.of(ReportKeys.PK, s(PREFIX + counterKey), ReportKeys.SK, s("COUNT"));
    }
}

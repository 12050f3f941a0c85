package dev.damagedesk.adapters.repository;

import static dev.damagedesk.adapters.repository.Attributes.n;
import static dev.damagedesk.adapters.repository.Attributes.s;
import static dev.damagedesk.adapters.repository.Attributes.string;

import dev.damagedesk.domain.report.ReportId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Remembers which report an {@code Idempotency-Key} produced, so that a client's retry gets the same report
 * instead of a second one. The key is stored hashed; the record expires through TTL.
 * A record is created before the report is queued and marked queued after: a retry that finds it unqueued
 * queues the report again (the processor ignores the duplicate), so a crash between the two steps loses nothing.
 */
public final class IdempotencyStore {

    public sealed interface Claim {
        /** The key is new: this request owns the report id it proposed. */
        record Claimed() implements Claim {
        }

        /** The same key and body were seen before: answer with the earlier report. */
        record Replay(ReportId reportId, Instant receivedAt, boolean queued) implements Claim {
        }

        /** The same key came with a different body. */
        record Conflict() implements Claim {
        }
    }

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public IdempotencyStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    public Claim claim(String idempotencyKey, String requestFingerprint, ReportId proposedId, Instant receivedAt,
                       Instant expiresAt) {
        Map<String, AttributeValue> key = ReportKeys.idempotencyKey(sha256(idempotencyKey));
        Map<String, AttributeValue> item = new java.util.HashMap<>(key);
        item.put("type", s("IDEMPOTENCY"));
        item.put("fingerprint", s(requestFingerprint));
        item.put("reportId", s(proposedId.value()));
        item.put("receivedAt", s(receivedAt.toString()));
        item.put("queued", AttributeValue.fromBool(false));
        item.put("expiresAt", n(expiresAt.getEpochSecond()));
        try {
            // A record past its window counts as absent: DynamoDB's TTL deletes it only some time later.
            dynamoDb.putItem(put -> put.tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now")
                    .expressionAttributeValues(Map.of(":now", n(receivedAt.getEpochSecond()))));
            return new Claim.Claimed();
        } catch (ConditionalCheckFailedException seenBefore) {
            Map<String, AttributeValue> earlier = dynamoDb.getItem(get -> get.tableName(tableName).key(key).consistentRead(true)).item();
            if (!requestFingerprint.equals(string(earlier, "fingerprint"))) {
                return new Claim.Conflict();
            }
            AttributeValue queued = earlier.get("queued");
            return new Claim.Replay(
                    ReportId.parse(string(earlier, "reportId")).orElseThrow(),
                    Instant.parse(string(earlier, "receivedAt")),
                    queued != null && Boolean.TRUE.equals(queued.bool()));
        }
    }

    public void markQueued(String idempotencyKey) {
        dynamoDb.updateItem(update -> update.tableName(tableName)
                .key(ReportKeys.idempotencyKey(sha256(idempotencyKey)))
                .updateExpression("SET queued = :true")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true))));
    }

    /**
     * Gives up a claim this request made for {@code claimedId} and then did not use (the report was refused after the
     * claim, e.g. over a submission limit), so that a retry with the same key is a new request rather than a replay of
     * one never queued: the record is marked as expired a second before {@code now}, which {@link #claim} takes as absent,
     * and TTL removes it (TTL ignores times more than five years past, so not 0).
     * A record that names another report (a later claim) is left alone.
     */
    public void release(String idempotencyKey, ReportId claimedId, Instant now) {
        try {
            dynamoDb.updateItem(update -> update.tableName(tableName)
                    .key(ReportKeys.idempotencyKey(sha256(idempotencyKey)))
                    .updateExpression("SET expiresAt = :gone")
                    .conditionExpression("reportId = :id AND queued = :false")
                    .expressionAttributeValues(Map.of(":gone", n(now.getEpochSecond() - 1), ":id", s(claimedId.value()),
                            ":false", AttributeValue.fromBool(false))));
        } catch (ConditionalCheckFailedException notOurs) {
            // claimed again since, or queued: nothing of ours to give up
        }
    }

    /** Hex SHA-256, used for keys and request fingerprints alike. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}

package dev.damagedesk.adapters.repository;

import static dev.damagedesk.adapters.repository.Attributes.n;
import static dev.damagedesk.adapters.repository.Attributes.optionalString;
import static dev.damagedesk.adapters.repository.Attributes.s;

import dev.damagedesk.domain.report.ReportId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Records which emails were sent, so that each notice goes out at most once although its queue message may
 * arrive twice. A notice is keyed by its report and its {@code noticeKey}: the notice kind, and for every kind but
 * the acknowledgement the report version it is about ({@code DECISION#5}), so each decision is told once. An outage
 * notice is keyed by its incident and its recipient ({@link Key#outage}), so a reporter of several reports of one
 * incident is told once. A sender first claims the notice (a lease), sends, then marks it sent. A failed
 * send releases the claim so the retry may send; a claim whose sender died expires after its lease.
 */
public final class NoticeLedger {

    public enum ClaimOutcome {
        /** This caller may send now. */
        CLAIMED,
        /** Sent before: nothing to do. */
        ALREADY_SENT,
        /** Another delivery holds a fresh claim: try again later. */
        IN_PROGRESS
    }

    private static final String SENDING = "SENDING";
    private static final String SENT = "SENT";
    private static final String FAILED = "FAILED";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public NoticeLedger(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** Which notice a ledger item is about. */
    public record Key(Map<String, AttributeValue> item, String noticeType) {

        /** A notice about a report: {@code noticeKey} as {@code NoticeMessage.ledgerKey()} gives it. */
        public static Key report(ReportId reportId, String noticeKey) {
            return new Key(ReportKeys.noticeKey(reportId, noticeKey), noticeKey);
        }

        /** The outage notice of an incident to one recipient (a digest of the address, never the address). */
        public static Key outage(String incidentId, String recipientDigest) {
            return new Key(Map.of(ReportKeys.PK, s("OUTAGE_NOTICE#" + incidentId), ReportKeys.SK, s("RECIPIENT#" + recipientDigest)),
                    "OUTAGE");
        }
    }

    public ClaimOutcome claim(ReportId reportId, String noticeKey, Instant now, Duration lease, Instant expiresAt) {
        return claim(Key.report(reportId, noticeKey), now, lease, expiresAt);
    }

    public void markSent(ReportId reportId, String noticeKey, String providerMessageId, Instant sentAt) {
        markSent(Key.report(reportId, noticeKey), providerMessageId, sentAt);
    }

    public void release(ReportId reportId, String noticeKey, Instant claimedAt) {
        release(Key.report(reportId, noticeKey), claimedAt);
    }

    public ClaimOutcome claim(Key key, Instant now, Duration lease, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(key.item());
        item.put("type", s("NOTICE"));
        item.put("noticeType", s(key.noticeType()));
        item.put("state", s(SENDING));
        item.put("claimedAtMillis", n(now.toEpochMilli()));
        item.put("expiresAt", n(expiresAt.getEpochSecond()));
        try {
            dynamoDb.putItem(put -> put.tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR #state = :failed"
                            + " OR (#state = :sending AND claimedAtMillis < :staleBefore)")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(
                            ":failed", s(FAILED),
                            ":sending", s(SENDING),
                            ":staleBefore", n(now.minus(lease).toEpochMilli()))));
            return ClaimOutcome.CLAIMED;
        } catch (ConditionalCheckFailedException taken) {
            Map<String, AttributeValue> current = dynamoDb.getItem(get -> get.tableName(tableName)
                    .key(key.item()).consistentRead(true)).item();
            return SENT.equals(optionalString(current, "state").orElse(null)) ? ClaimOutcome.ALREADY_SENT : ClaimOutcome.IN_PROGRESS;
        }
    }

    public void markSent(Key key, String providerMessageId, Instant sentAt) {
        dynamoDb.updateItem(update -> update.tableName(tableName)
                .key(key.item())
                .updateExpression("SET #state = :sent, sentAt = :sentAt, providerMessageId = :messageId")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(
                        ":sent", s(SENT),
                        ":sentAt", s(sentAt.toString()),
                        ":messageId", s(providerMessageId))));
    }

    /**
     * Gives the claim back after a failed send, so that the message's next delivery may send at once.
     * Only the claim made at {@code claimedAt} is released: a claim taken over since is not ours to give.
     */
    public void release(Key key, Instant claimedAt) {
        try {
            dynamoDb.updateItem(update -> update.tableName(tableName)
                    .key(key.item())
                    .updateExpression("SET #state = :failed")
                    .conditionExpression("#state = :sending AND claimedAtMillis = :mine")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(
                            ":failed", s(FAILED), ":sending", s(SENDING), ":mine", n(claimedAt.toEpochMilli()))));
        } catch (ConditionalCheckFailedException notOurs) {
            // Someone else's claim or already sent: nothing to give back.
        }
    }
}

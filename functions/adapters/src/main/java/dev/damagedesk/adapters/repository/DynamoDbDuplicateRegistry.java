package dev.damagedesk.adapters.repository;

import static dev.damagedesk.adapters.repository.Attributes.n;
import static dev.damagedesk.adapters.repository.Attributes.s;
import static dev.damagedesk.adapters.repository.Attributes.string;

import dev.damagedesk.application.port.ContactIndex;
import dev.damagedesk.application.port.IdentityIndexes;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.risk.DuplicateRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Which report first claimed a reporter identity for a service of an incident, and how many reports each
 * identity sent. One conditional put per claim: the first report wins, the same report claiming again (a
 * redelivery) is told it is first, any other is linked to it as a duplicate. Report counts are kept as a
 * set of report ids, so a redelivered report is not counted twice. Erasure ({@link #forget}) takes a report out of
 * both: its id out of the key's set (and the item away once the set is empty), its claim deleted if it holds it.
 */
public final class DynamoDbDuplicateRegistry implements DuplicateRegistry, ContactIndex, IdentityIndexes {

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Duration retention;
    private final Clock clock;

    /** @param retention how long claims are kept: as long as the reports they protect */
    public DynamoDbDuplicateRegistry(DynamoDbClient dynamoDb, String tableName, Duration retention, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.retention = retention;
        this.clock = clock;
    }

    private Instant expiresAt() {
        return clock.instant().plus(retention);
    }

    private static Map<String, AttributeValue> claimKey(String incidentId, String service, String identityKey) {
        return Map.of(ReportKeys.PK, s("IDENTITY#" + incidentId + "#" + service + "#" + identityKey),
                ReportKeys.SK, s("CLAIM"));
    }

    @Override
    public Optional<ReportId> claim(String incidentId, String service, String identityKey, ReportId reportId) {
        Map<String, AttributeValue> key = claimKey(incidentId, service, identityKey);
        try {
            dynamoDb.putItem(put -> put.tableName(tableName)
                    .item(Map.of(ReportKeys.PK, key.get(ReportKeys.PK), ReportKeys.SK, key.get(ReportKeys.SK),
                            "type", s("IDENTITY_CLAIM"), "reportId", s(reportId.value()),
                            "expiresAt", n(expiresAt().getEpochSecond())))
                    .conditionExpression("attribute_not_exists(pk)"));
            return Optional.empty();
        } catch (ConditionalCheckFailedException claimed) {
            String first = string(dynamoDb.getItem(get -> get.tableName(tableName).key(key).consistentRead(true)).item(), "reportId");
            return first.equals(reportId.value()) ? Optional.empty() : ReportId.parse(first);
        }
    }

    @Override
    public int recordReport(String incidentId, String identityKey, ReportId reportId) {
        return countReport(incidentId, identityKey, reportId);
    }

    @Override
    public Set<ReportId> reportsOf(String incidentId, String identityKey) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                .key(contactKey(incidentId, identityKey)).consistentRead(true)).item();
        Set<ReportId> ids = new LinkedHashSet<>();
        if (item != null && item.get("reportIds") != null) {
            item.get("reportIds").ss().stream().sorted()
                    .forEach(id -> ReportId.parse(id).ifPresent(ids::add));
        }
        return ids;
    }

    private static Map<String, AttributeValue> contactKey(String incidentId, String identityKey) {
        return Map.of(ReportKeys.PK, s("CONTACT#" + incidentId + "#" + identityKey), ReportKeys.SK, s("REPORTS"));
    }

    /** Records that the identity sent this report to the incident; returns how many reports it has sent. */
    public int countReport(String incidentId, String identityKey, ReportId reportId) {
        Map<String, AttributeValue> updated = dynamoDb.updateItem(update -> update.tableName(tableName)
                .key(contactKey(incidentId, identityKey))
                .updateExpression("ADD reportIds :id SET #type = :type, expiresAt = :expires")
                .expressionAttributeNames(Map.of("#type", "type"))
                .expressionAttributeValues(Map.of(
                        ":id", AttributeValue.fromSs(java.util.List.of(reportId.value())),
                        ":type", s("CONTACT_REPORTS"),
                        ":expires", n(expiresAt().getEpochSecond())))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes();
        return updated.get("reportIds").ss().size();
    }

    /**
     * Three conditional single-item writes, each a no-op when there is nothing to do: the report's id out of the
     * key's {@code CONTACT#} set (only if the item exists: an update would create it), that item deleted once no
     * report is left in it (its key is derived from the contact), the key's claim deleted if this report holds it.
     */
    @Override
    public void forget(String incidentId, String service, String identityKey, ReportId reportId) {
        Map<String, AttributeValue> contact = contactKey(incidentId, identityKey);
        try {
            dynamoDb.updateItem(update -> update.tableName(tableName).key(contact)
                    .updateExpression("DELETE reportIds :id")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":id", AttributeValue.fromSs(java.util.List.of(reportId.value())))));
        } catch (ConditionalCheckFailedException noItem) {
            // nothing was recorded under this key
        }
        try {
            dynamoDb.deleteItem(delete -> delete.tableName(tableName).key(contact)
                    .conditionExpression("attribute_not_exists(reportIds)"));
        } catch (ConditionalCheckFailedException otherReportsLeft) {
            // the key still leads to other reports of the contact, which are not erased
        }
        try {
            dynamoDb.deleteItem(delete -> delete.tableName(tableName).key(claimKey(incidentId, service, identityKey))
                    .conditionExpression("reportId = :id")
                    .expressionAttributeValues(Map.of(":id", s(reportId.value()))));
        } catch (ConditionalCheckFailedException claimedByAnother) {
            // another report holds the claim (or none does): it is not this report's to release
        }
    }
}

package dev.damagedesk.adapters.repository;

import static dev.damagedesk.adapters.repository.Attributes.n;
import static dev.damagedesk.adapters.repository.Attributes.number;
import static dev.damagedesk.adapters.repository.Attributes.optionalString;
import static dev.damagedesk.adapters.repository.Attributes.s;
import static dev.damagedesk.adapters.repository.Attributes.string;

import dev.damagedesk.adapters.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Incidents (their outage ledger) and their versioned compensation policies, stored as the JSON documents of
 * the import/export format; the domain parses and validates them. Items live in the incident's partition:
 * {@code INCIDENT#<id>} with sort keys {@code LEDGER}, {@code POLICY#<version>} and {@code POLICY#ACTIVE}. The ids
 * of imported incidents are also kept in one item ({@code INCIDENTS} / {@code IMPORTED}, a string set) so that
 * listing them is one read, never a scan.
 */
public final class IncidentStore {

    /** A published policy document. */
    public record StoredPolicy(String incidentId, int version, Map<String, Object> document, Instant publishedAt) {
    }

    /** Publishing a version that exists with other content is refused: published versions never change. */
    public static final class PolicyVersionConflict extends IllegalStateException {
        public PolicyVersionConflict(String incidentId, int version) {
            super("Policy version " + version + " of incident " + incidentId
                    + " is already published with different content; publish a new version instead");
        }
    }

    private static final String LEDGER = "LEDGER";
    private static final String ACTIVE = "POLICY#ACTIVE";
    private static final Map<String, AttributeValue> IMPORTED_IDS =
            Map.of(ReportKeys.PK, s("INCIDENTS"), ReportKeys.SK, s("IMPORTED"));

    /** A published version as the list shows it (the document left out). */
    public record PolicyVersion(int version, Instant publishedAt) {
    }

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public IncidentStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** Imports (or replaces) an incident's ledger document. */
    public void putLedger(String incidentId, Map<String, Object> document, Instant importedAt) {
        Map<String, AttributeValue> item = new HashMap<>(key(incidentId, LEDGER));
        item.put("type", s("INCIDENT"));
        item.put("incidentId", s(incidentId));
        item.put("document", s(Json.write(document)));
        item.put("importedAt", s(importedAt.toString()));
        dynamoDb.putItem(put -> put.tableName(tableName).item(item));
        // After the ledger: a crash in between leaves an imported incident unlisted until it is imported again.
        dynamoDb.updateItem(update -> update.tableName(tableName).key(IMPORTED_IDS)
                .updateExpression("ADD incidentIds :id")
                .expressionAttributeValues(Map.of(":id", AttributeValue.fromSs(List.of(incidentId)))));
    }

    /** The ids of the incidents whose ledger was imported, sorted. */
    public List<String> importedIncidentIds() {
        Map<String, AttributeValue> item = get(IMPORTED_IDS);
        if (item == null || !item.containsKey("incidentIds")) {
            return List.of();
        }
        return List.copyOf(new TreeSet<>(item.get("incidentIds").ss()));
    }

    /** The published versions of an incident's policy, oldest first: one query of its partition, documents left out. */
    public List<PolicyVersion> publishedVersions(String incidentId) {
        List<PolicyVersion> versions = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = dynamoDb.query(query -> query.tableName(tableName).consistentRead(true)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :versions)")
                    .expressionAttributeNames(Map.of("#pk", ReportKeys.PK, "#sk", ReportKeys.SK, "#v", "version"))
                    .expressionAttributeValues(Map.of(":pk", s("INCIDENT#" + incidentId), ":versions", s("POLICY#0")))
                    .projectionExpression("#v, publishedAt")
                    .exclusiveStartKey(from));
            page.items().forEach(item -> versions.add(new PolicyVersion((int) number(item, "version"),
                    Instant.parse(string(item, "publishedAt")))));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return versions;
    }

    public Optional<Map<String, Object>> ledger(String incidentId) {
        Map<String, AttributeValue> item = get(key(incidentId, LEDGER));
        return optionalString(item, "document").map(Json::parseObject);
    }

    /**
     * Stores a policy version and makes it the active one unless a later version already is. Safe to repeat:
     * the same version with the same document changes nothing.
     *
     * @return true if this version is now active
     */
    public boolean publishPolicy(String incidentId, int version, Map<String, Object> document, Instant publishedAt) {
        String json = Json.write(document);
        Map<String, AttributeValue> item = new HashMap<>(key(incidentId, policySortKey(version)));
        item.put("type", s("POLICY"));
        item.put("incidentId", s(incidentId));
        item.put("version", n(version));
        item.put("document", s(json));
        item.put("publishedAt", s(publishedAt.toString()));
        try {
            dynamoDb.putItem(put -> put.tableName(tableName).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException exists) {
            String stored = string(get(key(incidentId, policySortKey(version))), "document");
            if (!Json.parseObject(stored).equals(Json.parseObject(json))) {
                throw new PolicyVersionConflict(incidentId, version);
            }
        }
        try {
            dynamoDb.updateItem(update -> update.tableName(tableName).key(key(incidentId, ACTIVE))
                    .updateExpression("SET activeVersion = :version, activatedAt = :at")
                    .conditionExpression("attribute_not_exists(activeVersion) OR activeVersion <= :version")
                    .expressionAttributeValues(Map.of(":version", n(version), ":at", s(publishedAt.toString()))));
            return true;
        } catch (ConditionalCheckFailedException laterIsActive) {
            return false;
        }
    }

    public Optional<StoredPolicy> activePolicy(String incidentId) {
        return activeVersion(incidentId).flatMap(version -> policy(incidentId, version));
    }

    /** The published version new reports are scored under, if any was published. */
    public Optional<Integer> activeVersion(String incidentId) {
        Map<String, AttributeValue> pointer = get(key(incidentId, ACTIVE));
        if (pointer == null || pointer.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of((int) number(pointer, "activeVersion"));
    }

    public Optional<StoredPolicy> policy(String incidentId, int version) {
        Map<String, AttributeValue> item = get(key(incidentId, policySortKey(version)));
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StoredPolicy(incidentId, version, Json.parseObject(string(item, "document")),
                Instant.parse(string(item, "publishedAt"))));
    }

    private Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        return dynamoDb.getItem(get -> get.tableName(tableName).key(key).consistentRead(true)).item();
    }

    private static Map<String, AttributeValue> key(String incidentId, String sortKey) {
        return Map.of(ReportKeys.PK, s("INCIDENT#" + incidentId), ReportKeys.SK, s(sortKey));
    }

    /** Zero-padded so that versions sort as numbers. */
    private static String policySortKey(int version) {
        return "POLICY#%06d".formatted(version);
    }
}

package dev.damagedesk.adapters.repository;

import static dev.damagedesk.adapters.repository.Attributes.n;
import static dev.damagedesk.adapters.repository.Attributes.optionalString;
import static dev.damagedesk.adapters.repository.Attributes.s;
import static dev.damagedesk.adapters.repository.Attributes.string;

import dev.damagedesk.adapters.json.Json;
import dev.damagedesk.application.port.DetectedIncidents;
import dev.damagedesk.domain.detection.DetectedIncident;
import dev.damagedesk.domain.detection.DetectionState;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffRole;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link DetectedIncidents} in the reports table: every detected incident is an item of the partition
 * {@code DETECTED} (sort key {@code INCIDENT#<id>}, the id starting with its first minute, so the partition sorts by
 * time and the admin page's list is one query), its state as a JSON document with a version to write on; the
 * item {@code DETECTED} / {@code OPEN} names the open one. At most one write a minute goes to the partition (a
 * detection run), so it is never hot.
 */
public final class DynamoDbDetectedIncidents implements DetectedIncidents {

    private static final String PARTITION = "DETECTED";
    private static final String INCIDENT_PREFIX = "INCIDENT#";
    private static final Map<String, AttributeValue> OPEN_POINTER =
            Map.of(ReportKeys.PK, s(PARTITION), ReportKeys.SK, s("OPEN"));

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbDetectedIncidents(DynamoDbClient dynamoDb, String reportsTable) {
        this.dynamoDb = dynamoDb;
        this.tableName = reportsTable;
    }

    @Override
    public Optional<DetectedIncident> open() {
        Map<String, AttributeValue> pointer = get(OPEN_POINTER);
        return optionalString(pointer, "incidentId").flatMap(this::find).filter(DetectedIncident::open);
    }

    @Override
    public Optional<DetectedIncident> find(String id) {
        Map<String, AttributeValue> item = get(key(id));
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public List<DetectedIncident> latest(int limit) {
        var page = dynamoDb.query(query -> query.tableName(tableName).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", ReportKeys.PK, "#sk", ReportKeys.SK))
                .expressionAttributeValues(Map.of(":pk", s(PARTITION), ":prefix", s(INCIDENT_PREFIX)))
                .scanIndexForward(false)
                .limit(limit));
        return page.items().stream().map(DynamoDbDetectedIncidents::fromItem).toList();
    }

    @Override
    public boolean create(DetectedIncident incident) {
        if (incident.version() != 1 || !incident.open()) {
            throw new IllegalArgumentException("a new detected incident is open at version 1");
        }
        Optional<String> openId = optionalString(get(OPEN_POINTER), "incidentId");
        if (openId.isPresent() && !openId.get().equals(incident.id())) {
            return false;
        }
        // The incident first, then the pointer: a crash in between leaves an unlisted draft that the next run,
        // building the same id from the same minutes, finds and opens.
        boolean storedNow = true;
        try {
            dynamoDb.putItem(put -> put.tableName(tableName).item(toItem(incident))
                    .conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException exists) {
            storedNow = false;
            if (find(incident.id()).map(stored -> !stored.open()).orElse(true)) {
                return false;
            }
        }
        try {
            dynamoDb.putItem(put -> put.tableName(tableName)
                    .item(Map.of(ReportKeys.PK, s(PARTITION), ReportKeys.SK, s("OPEN"), "incidentId", s(incident.id())))
                    .conditionExpression("attribute_not_exists(incidentId) OR incidentId = :id")
                    .expressionAttributeValues(Map.of(":id", s(incident.id()))));
            return true;
        } catch (ConditionalCheckFailedException anotherOpenedMeanwhile) {
            if (storedNow) {
                dynamoDb.deleteItem(delete -> delete.tableName(tableName).key(key(incident.id()))
                        .conditionExpression("version = :first").expressionAttributeValues(Map.of(":first", n(1))));
            }
            return false;
        }
    }

    @Override
    public boolean replace(DetectedIncident before, DetectedIncident after) {
        if (!before.id().equals(after.id()) || after.version() != before.version() + 1) {
            throw new IllegalArgumentException("a replacement is the same incident at the next version");
        }
        try {
            dynamoDb.putItem(put -> put.tableName(tableName).item(toItem(after))
                    .conditionExpression("version = :read")
                    .expressionAttributeValues(Map.of(":read", n(before.version()))));
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return false;
        }
        if (before.open() && !after.open()) {
            try {
                dynamoDb.deleteItem(delete -> delete.tableName(tableName).key(OPEN_POINTER)
                        .conditionExpression("incidentId = :id")
                        .expressionAttributeValues(Map.of(":id", s(after.id()))));
            } catch (ConditionalCheckFailedException pointsElsewhere) {
                // Another incident is open already: not ours to close.
            }
        }
        return true;
    }

    private Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        return dynamoDb.getItem(get -> get.tableName(tableName).key(key).consistentRead(true)).item();
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of(ReportKeys.PK, s(PARTITION), ReportKeys.SK, s(INCIDENT_PREFIX + id));
    }

    private static Map<String, AttributeValue> toItem(DetectedIncident incident) {
        Map<String, AttributeValue> item = new HashMap<>(key(incident.id()));
        item.put("type", s("DETECTED_INCIDENT"));
        item.put("incidentId", s(incident.id()));
        item.put("state", s(incident.state().name()));
        item.put("version", n(incident.version()));
        item.put("document", s(Json.write(document(incident))));
        return item;
    }

    static Map<String, Object> document(DetectedIncident incident) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", incident.id());
        doc.put("sourceIncidentId", incident.sourceIncidentId());
        doc.put("state", incident.state().name());
        doc.put("services", List.copyOf(incident.services()));
        doc.put("firstSeen", incident.firstSeen().toString());
        doc.put("lastSeen", incident.lastSeen().toString());
        Map<String, Object> counts = new LinkedHashMap<>();
        incident.countsPerMinute().forEach((minute, byService) -> counts.put(minute.toString(), byService));
        doc.put("countsPerMinute", counts);
        doc.put("open", incident.open());
        if (incident.decision() != null) {
            DetectedIncident.Decision decision = incident.decision();
            Map<String, Object> decided = new LinkedHashMap<>();
            decided.put("outcome", decision.outcome().name());
            decided.put("at", decision.at().toString());
            decided.put("downFrom", decision.downFrom() == null ? null : decision.downFrom().toString());
            decided.put("restoredAt", decision.restoredAt() == null ? null : decision.restoredAt().toString());
            decided.put("actorKind", decision.by().kind().name());
            decided.put("actorId", decision.by().id());
            decided.put("actorName", decision.by().name());
            decided.put("actorRole", decision.by().role() == null ? null : decision.by().role().group());
            doc.put("decision", decided);
        }
        doc.put("version", incident.version());
        return doc;
    }

    @SuppressWarnings("unchecked")
    private static DetectedIncident fromItem(Map<String, AttributeValue> item) {
        Map<String, Object> doc = Json.parseObject(string(item, "document"));
        SortedMap<Instant, SortedMap<String, Long>> counts = new TreeMap<>();
        ((Map<String, Object>) doc.get("countsPerMinute")).forEach((minute, byService) -> {
            SortedMap<String, Long> perService = new TreeMap<>();
            ((Map<String, Object>) byService).forEach((service, count) -> perService.put(service, ((Number) count).longValue()));
            counts.put(Instant.parse(minute), perService);
        });
        DetectedIncident.Decision decision = null;
        if (doc.get("decision") instanceof Map<?, ?> decided) {
            String role = (String) decided.get("actorRole");
            Actor by = new Actor(Actor.Kind.valueOf((String) decided.get("actorKind")), (String) decided.get("actorId"),
                    (String) decided.get("actorName"), role == null ? null : StaffRole.fromGroup(role).orElseThrow());
            Object down = decided.get("downFrom");
            Object restored = decided.get("restoredAt");
            decision = new DetectedIncident.Decision(DetectionState.valueOf((String) decided.get("outcome")), by,
                    Instant.parse((String) decided.get("at")), down == null ? null : Instant.parse((String) down),
                    restored == null ? null : Instant.parse((String) restored));
        }
        return new DetectedIncident((String) doc.get("id"), (String) doc.get("sourceIncidentId"),
                DetectionState.valueOf((String) doc.get("state")), new TreeSet<>((List<String>) doc.get("services")),
                Instant.parse((String) doc.get("firstSeen")), Instant.parse((String) doc.get("lastSeen")), counts,
                Boolean.TRUE.equals(doc.get("open")), decision, ((Number) doc.get("version")).longValue());
    }
}

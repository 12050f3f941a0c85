package dev.damagedesk.adapters.repository;

import static dev.damagedesk.adapters.repository.Attributes.n;
import static dev.damagedesk.adapters.repository.Attributes.s;

import dev.damagedesk.application.port.AuditTrail;
import dev.damagedesk.application.port.QueuePage;
import dev.damagedesk.application.port.QueueQuery;
import dev.damagedesk.application.port.RecentReports;
import dev.damagedesk.application.port.ReportStore;
import dev.damagedesk.application.port.StaleReportException;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.triage.TriageReason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reports in the reports table (docs/data-model.md), one item each, mapped by {@link ReportItems}. Every write is a
 * single-item conditional put: a new report only if absent, a change only if the stored {@code version} is the one
 * read (it is incremented, and the item carries the audit entry of its new version).
 *
 * <p>Items written before versions and audit entries existed are converted when read ({@link LegacyReports}): with
 * an audit trail, their entries are appended and the item is rewritten in the new shape (conditional on it still
 * being in the old one); without (the public status lookup, which may not write), the converted report is only
 * answered, and any write of it is refused as stale.
 */
public final class DynamoDbReportStore implements ReportStore, RecentReports {

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final AuditTrail legacyTrail;

    /** A store that converts legacy items into the audit trail as it meets them. */
    public DynamoDbReportStore(DynamoDbClient dynamoDb, String tableName, AuditTrail legacyTrail) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.legacyTrail = legacyTrail;
    }

    /** A store for readers that never write reports: legacy items are converted in memory only. */
    public static DynamoDbReportStore readOnly(DynamoDbClient dynamoDb, String tableName) {
        return new DynamoDbReportStore(dynamoDb, tableName, null);
    }

    @Override
    public boolean insertIfAbsent(Report report, AuditEntry firstEntry, Instant expiresAt) {
        try {
            dynamoDb.putItem(put -> put.tableName(tableName)
                    .item(ReportItems.toItem(new StoredReport(report, 1, firstEntry), expiresAt))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException alreadyStored) {
            return false;
        }
    }

    @Override
    public StoredReport replace(StoredReport before, Report after, AuditEntry entry, Instant expiresAt) {
        StoredReport next = new StoredReport(after, before.version() + 1, entry);
        try {
            dynamoDb.putItem(put -> put.tableName(tableName)
                    .item(ReportItems.toItem(next, expiresAt))
                    .conditionExpression("attribute_exists(lastAudit) AND version = :read")
                    .expressionAttributeValues(Map.of(":read", n(before.version()))));
            return next;
        } catch (ConditionalCheckFailedException changed) {
            throw new StaleReportException(before.report().id(), before.version());
        }
    }

    @Override
    public Optional<StoredReport> find(ReportId id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                .key(ReportKeys.reportKey(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(stored(item));
    }

    /**
     * Whether the report's personal data was erased, from one projected read (the reporter's email only):
     * for the notifier, which must not send to an erased address queued before the erasure. False for a report not
     * stored.
     */
    public boolean personalDataErased(ReportId id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                .key(ReportKeys.reportKey(id)).consistentRead(true)
                .projectionExpression(ReportItems.REPORTER_EMAIL)).item();
        return item != null && ReportItems.personalDataErased(item);
    }

    /** One BatchGetItem per 100 ids (its limit), repeated for the keys DynamoDB leaves unprocessed. */
    @Override
    public List<StoredReport> findAll(Collection<ReportId> ids) {
        List<ReportId> distinct = List.copyOf(new LinkedHashSet<>(ids));
        List<StoredReport> found = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = distinct.subList(from, Math.min(distinct.size(), from + 100))
                    .stream().map(ReportKeys::reportKey).toList();
            Map<String, KeysAndAttributes> request = Map.of(tableName,
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> asked = request;
                BatchGetItemResponse response = dynamoDb.batchGetItem(get -> get.requestItems(asked));
                response.responses().getOrDefault(tableName, List.of()).forEach(item -> found.add(stored(item)));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }

    @Override
    public QueuePage queue(QueueQuery query) {
        return new StatusQueueReader(query).read();
    }

    @Override
    public ServicePage pageOfService(String incidentId, String service, Map<String, String> cursor, int limit) {
        QueryResponse response = dynamoDb.query(query -> {
            query.tableName(tableName)
                    .indexName(ReportKeys.INCIDENT_SERVICE_INDEX)
                    .keyConditionExpression("gsi2pk = :partition")
                    .expressionAttributeValues(Map.of(":partition",
                            s(ReportKeys.incidentServicePartition(incidentId, service))))
                    .limit(limit);
            if (cursor != null) {
                Map<String, AttributeValue> start = new HashMap<>();
                cursor.forEach((name, value) -> start.put(name, s(value)));
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
        return new ServicePage(response.items().stream().map(this::stored).toList(), next);
    }

    /**
     * One query of the service's {@code IncidentService} partition, its sort key (received time first) between the
     * window's ends, only the counted fields projected: the cost is the window's reports, read page by page.
     */
    @Override
    public List<Row> receivedBetween(String incidentId, String service, Instant from, Instant to, int limit) {
        List<Row> rows = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> after = start;
            int wanted = limit - rows.size();
            QueryResponse page = dynamoDb.query(query -> query.tableName(tableName)
                    .indexName(ReportKeys.INCIDENT_SERVICE_INDEX)
                    // '#' sorts before the id's characters, so the upper bound leaves out reports received at 'to'.
                    .keyConditionExpression("gsi2pk = :partition AND gsi2sk BETWEEN :from AND :to")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(
                            ":partition", s(ReportKeys.incidentServicePartition(incidentId, service)),
                            ":from", s(ReportKeys.sortableTime(from)),
                            ":to", s(ReportKeys.sortableTime(to))))
                    .projectionExpression("receivedAt, #status, triageReason, decision")
                    .limit(Math.min(wanted, 1_000))
                    .exclusiveStartKey(after));
            for (Map<String, AttributeValue> item : page.items()) {
                rows.add(row(item));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && rows.size() < limit);
        return rows.size() > limit ? rows.subList(0, limit) : rows;
    }

    private static Row row(Map<String, AttributeValue> item) {
        AttributeValue decision = item.get("decision");
        Map<String, AttributeValue> fields = decision != null && decision.hasM() ? decision.m() : Map.of();
        AttributeValue reason = item.get("triageReason");
        return new Row(Instant.parse(item.get("receivedAt").s()), ReportStatus.valueOf(item.get("status").s()),
                reason == null ? null : TriageReason.fromCode(reason.s()).orElse(null),
                fields.containsKey("ruleId") ? fields.get("ruleId").s() : null,
                fields.containsKey("amountKrw") ? Long.parseLong(fields.get("amountKrw").n()) : 0);
    }

    private StoredReport stored(Map<String, AttributeValue> item) {
        StoredReport stored = ReportItems.storedFrom(item);
        return stored != null ? stored : convertLegacy(item);
    }

    private StoredReport convertLegacy(Map<String, AttributeValue> item) {
        LegacyReports.Converted converted = LegacyReports.convert(item);
        if (legacyTrail == null) {
            return converted.stored();
        }
        // Entries first, then the item: a crash in between leaves an item still legacy, converted again the same way.
        converted.entries().forEach(legacyTrail::append);
        Instant expiresAt = Instant.ofEpochSecond(Attributes.number(item, "expiresAt"));
        try {
            dynamoDb.putItem(put -> put.tableName(tableName)
                    .item(ReportItems.toItem(converted.stored(), expiresAt))
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(lastAudit)"));
            return converted.stored();
        } catch (ConditionalCheckFailedException convertedMeanwhile) {
            return find(converted.stored().report().id()).orElseThrow(() -> new IllegalStateException(
                    "Report " + converted.stored().report().id().value() + " vanished while being converted"));
        }
    }

    /**
     * One page of the staff queue: each of the status's shards is read in the index's order from where the cursor
     * left it, up to {@code limit} matching reports, and the shards are merged; the cursor keeps, per shard, the
     * sort key of the last report served from it ({@code -} when the shard has nothing more).
     */
    private final class StatusQueueReader {

        private static final String DONE = "-";
        private final QueueQuery query;
        private final boolean byPriority;
        private final String sortKey;

        StatusQueueReader(QueueQuery query) {
            this.query = query;
            this.byPriority = query.order() == QueueQuery.Order.PRIORITY;
            this.sortKey = byPriority ? "gsi3sk" : "gsi1sk";
        }

        QueuePage read() {
            String[] positions = decodeCursor(query.cursor());
            if (query.order() == QueueQuery.Order.STORED) {
                return readShardByShard(positions);
            }
            List<ShardItem> candidates = new ArrayList<>();
            boolean[] exhausted = new boolean[ReportKeys.STATUS_SHARDS];
            for (int shard = 0; shard < ReportKeys.STATUS_SHARDS; shard++) {
                if (DONE.equals(positions[shard])) {
                    exhausted[shard] = true;
                    continue;
                }
                exhausted[shard] = readShard(shard, positions[shard], query.limit(), candidates);
            }
            candidates.sort(Comparator.comparing(ShardItem::key));
            List<ShardItem> served = candidates.subList(0, Math.min(query.limit(), candidates.size()));
            String[] next = positions.clone();
            for (ShardItem item : served) {
                next[item.shard()] = item.key();
            }
            boolean more = false;
            for (int shard = 0; shard < ReportKeys.STATUS_SHARDS; shard++) {
                if (DONE.equals(positions[shard])) {
                    continue;
                }
                int shardNumber = shard;
                boolean allServed = candidates.stream().filter(item -> item.shard() == shardNumber)
                        .allMatch(served::contains);
                if (exhausted[shard] && allServed) {
                    next[shard] = DONE;
                } else {
                    more = true;
                }
            }
            List<StoredReport> reports = served.stream().map(item -> stored(item.item())).toList();
            return new QueuePage(reports, more ? encodeCursor(next) : null);
        }

        /** Fills the page from the first shard not done, then the next: no item is read that is not served. */
        private QueuePage readShardByShard(String[] positions) {
            String[] next = positions.clone();
            List<ShardItem> served = new ArrayList<>();
            for (int shard = 0; shard < ReportKeys.STATUS_SHARDS && served.size() < query.limit(); shard++) {
                if (DONE.equals(next[shard])) {
                    continue;
                }
                int before = served.size();
                boolean exhausted = readShard(shard, next[shard], query.limit() - before, served);
                if (served.size() > before) {
                    next[shard] = served.get(served.size() - 1).key();
                }
                if (exhausted) {
                    next[shard] = DONE;
                }
            }
            boolean more = Arrays.stream(next).anyMatch(position -> !DONE.equals(position));
            List<StoredReport> reports = served.stream().map(item -> stored(item.item())).toList();
            return new QueuePage(reports, more ? encodeCursor(next) : null);
        }

        /** Adds up to {@code wanted} matching items of the shard after {@code after}; true when the shard has no more. */
        private boolean readShard(int shard, String after, int wanted, List<ShardItem> into) {
            Map<String, AttributeValue> values = new HashMap<>();
            Map<String, String> names = new HashMap<>();
            values.put(":partition", s(ReportKeys.statusPartition(query.status(), shard)));
            String keyCondition = "gsi1pk = :partition";
            String lower = after;
            String upper = null;
            List<String> filters = new ArrayList<>();
            if (!byPriority) {
                if (query.receivedFrom() != null) {
                    String from = ReportKeys.sortableTime(query.receivedFrom());
                    lower = lower == null || lower.compareTo(from) < 0 ? from : lower;
                }
                if (query.receivedTo() != null) {
                    upper = ReportKeys.sortableTime(query.receivedTo());
                }
            } else {
                if (query.receivedFrom() != null) {
                    filters.add("gsi1sk >= :from");
                    values.put(":from", s(ReportKeys.sortableTime(query.receivedFrom())));
                }
                if (query.receivedTo() != null) {
                    filters.add("gsi1sk < :to");
                    values.put(":to", s(ReportKeys.sortableTime(query.receivedTo())));
                }
            }
            if (lower != null || upper != null) {
                // BETWEEN is inclusive: the item at the cursor itself is skipped below; the upper bound is a bare
                // time, which sorts before every key "<that time>#<id>", so a report received at it is left out.
                keyCondition += " AND " + sortKey + " BETWEEN :lower AND :upper";
                values.put(":lower", s(lower == null ? "0" : lower));
                values.put(":upper", s(upper == null ? "~" : upper));
            }
            addFilters(filters, values, names);
            QueryRequest.Builder request = QueryRequest.builder().tableName(tableName)
                    .indexName(byPriority ? ReportKeys.STATUS_PRIORITY_INDEX : ReportKeys.STATUS_QUEUE_INDEX)
                    .keyConditionExpression(keyCondition)
                    .expressionAttributeValues(values)
                    .limit(wanted + 1);
            if (!filters.isEmpty()) {
                request.filterExpression(String.join(" AND ", filters));
            }
            if (!names.isEmpty()) {
                request.expressionAttributeNames(names);
            }
            int found = 0;
            Map<String, AttributeValue> start = null;
            while (true) {
                QueryRequest page = start == null ? request.build() : request.exclusiveStartKey(start).build();
                QueryResponse response = dynamoDb.query(page);
                for (Map<String, AttributeValue> item : response.items()) {
                    String key = item.get(sortKey).s();
                    if (key.equals(after)) {
                        continue;
                    }
                    into.add(new ShardItem(shard, key, item));
                    if (++found == wanted) {
                        return false;
                    }
                }
                if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                    return true;
                }
                start = response.lastEvaluatedKey();
            }
        }

        private void addFilters(List<String> filters, Map<String, AttributeValue> values, Map<String, String> names) {
            if (query.incidentId() != null) {
                filters.add("incidentId = :incident");
                values.put(":incident", s(query.incidentId()));
            }
            if (query.service() != null) {
                filters.add("service = :service");
                values.put(":service", s(query.service()));
            }
            if (query.category() != null) {
                filters.add("category = :category");
                values.put(":category", s(query.category().code()));
            }
            if (query.triageReason() != null) {
                filters.add("triageReason = :reason");
                values.put(":reason", s(query.triageReason().code()));
            }
            if (query.riskFlag() != null) {
                filters.add("contains(riskFlags, :flag)");
                values.put(":flag", s(query.riskFlag().code()));
            }
        }

        private String[] decodeCursor(String cursor) {
            String[] positions = new String[ReportKeys.STATUS_SHARDS];
            if (cursor == null) {
                return positions;
            }
            String[] parts;
            try {
                parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalArgumentException("cursor is not one this queue handed out");
            }
            String header = "q1:" + query.order().name() + ":" + query.status().name();
            if (parts.length != ReportKeys.STATUS_SHARDS + 1 || !parts[0].equals(header)) {
                throw new IllegalArgumentException("cursor is not one this queue handed out");
            }
            for (int shard = 0; shard < ReportKeys.STATUS_SHARDS; shard++) {
                positions[shard] = parts[shard + 1].isEmpty() ? null : parts[shard + 1];
            }
            return positions;
        }

        private String encodeCursor(String[] positions) {
            StringBuilder text = new StringBuilder("q1:" + query.order().name() + ":" + query.status().name());
            for (String position : positions) {
                text.append('\n').append(position == null ? "" : position);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private record ShardItem(int shard, String key, Map<String, AttributeValue> item) {
    }
}

package dev.damagedesk.adapters.repository;

import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The table's key design (docs/data-model.md). Items of one report share the partition {@code REPORT#<id>};
 * ULIDs are random past their time prefix, so writes spread over partitions even during a surge.
 * The staff queue index is keyed by status, which a surge would make one hot partition, so each status is
 * split into {@link #STATUS_SHARDS} shards chosen from the report id; readers query every shard and merge.
 */
public final class ReportKeys {

    public static final int STATUS_SHARDS = 8;
    public static final String STATUS_QUEUE_INDEX = "StatusQueue";
    public static final String INCIDENT_SERVICE_INDEX = "IncidentService";
    /** The staff queue by priority: the same shard partitions as StatusQueue, sorted by {@code Priority.queueKey}. */
    public static final String STATUS_PRIORITY_INDEX = "StatusPriority";

    static final String PK = "pk";
    static final String SK = "sk";
    static final String REPORT_SK = "REPORT";

    private ReportKeys() {
    }

    static Map<String, AttributeValue> reportKey(ReportId id) {
        return Map.of(PK, Attributes.s(reportPartition(id)), SK, Attributes.s(REPORT_SK));
    }

    static Map<String, AttributeValue> noticeKey(ReportId id, String noticeType) {
        return Map.of(PK, Attributes.s(reportPartition(id)), SK, Attributes.s("NOTICE#" + noticeType));
    }

    static Map<String, AttributeValue> idempotencyKey(String keyHash) {
        return Map.of(PK, Attributes.s("IDEMPOTENCY#" + keyHash), SK, Attributes.s("IDEMPOTENCY"));
    }

    static String reportPartition(ReportId id) {
        return "REPORT#" + id.value();
    }

    public static int shardOf(ReportId id) {
        return Math.floorMod(id.value().hashCode(), STATUS_SHARDS);
    }

    public static String statusPartition(ReportStatus status, int shard) {
        return "STATUS#" + status.name() + "#" + shard;
    }

    public static String incidentServicePartition(String incidentId, String service) {
        return "INCIDENT#" + incidentId + "#SERVICE#" + service;
    }

    /**
     * Sort key of the indexes: a time first (fixed width, so that strings sort as the times do), the id breaks ties.
     */
    static String timeOrdered(Instant at, ReportId id) {
        return sortableTime(at) + "#" + id.value();
    }

    private static final java.time.format.DateTimeFormatter SORTABLE = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);

    /** An instant as a fixed-width UTC string: {@code 2022-10-19T01:00:00.000000000Z}. */
    static String sortableTime(Instant at) {
        return SORTABLE.format(at);
    }
}

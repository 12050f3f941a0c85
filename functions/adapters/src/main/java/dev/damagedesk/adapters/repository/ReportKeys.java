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

    /** Sort key of both indexes: receipt time first, the id breaks ties. */
    static String timeOrdered(Instant receivedAt, ReportId id) {
        return receivedAt + "#" + id.value();
    }
}

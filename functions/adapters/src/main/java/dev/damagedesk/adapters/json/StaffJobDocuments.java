package dev.damagedesk.adapters.json;

import dev.damagedesk.application.staff.ReportFilter;
import dev.damagedesk.application.staff.StaffJob;
import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.risk.RiskFlag;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffAction;
import dev.damagedesk.domain.staff.StaffDecision;
import dev.damagedesk.domain.staff.StaffRole;
import dev.damagedesk.domain.triage.TriageReason;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A staff job as the document its table item keeps: written and read here only. */
public final class StaffJobDocuments {

    private StaffJobDocuments() {
    }

    public static Map<String, Object> toMap(StaffJob job) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jobId", job.jobId());
        body.put("kind", job.kind().name());
        body.put("status", job.status().name());
        body.put("actor", ReportViews.actor(job.actor()));
        body.put("filter", filter(job.filter()));
        if (job.decision() != null) {
            Map<String, Object> decision = new LinkedHashMap<>();
            decision.put("action", job.decision().action().code());
            decision.put("amountKrw", job.decision().amountKrw());
            decision.put("reason", job.decision().reason());
            decision.put("deadline", job.decision().deadline() == null ? null : job.decision().deadline().toString());
            decision.put("duplicateOf", job.decision().duplicateOf() == null ? null : job.decision().duplicateOf().value());
            body.put("decision", decision);
        }
        body.put("includePersonalData", job.includePersonalData());
        body.put("createdAt", job.createdAt().toString());
        body.put("total", job.total());
        body.put("processed", job.processed());
        body.put("skipped", job.skipped());
        body.put("failed", job.failed());
        body.put("amountKrw", job.amountKrw());
        body.put("pagesDone", job.pagesDone());
        body.put("nextCursor", job.nextCursor());
        body.put("exportKey", job.exportKey());
        body.put("uploadId", job.uploadId());
        body.put("partEtags", job.partEtags());
        return body;
    }

    @SuppressWarnings("unchecked")
    public static StaffJob fromMap(Map<String, Object> body) {
        Map<String, Object> actor = (Map<String, Object>) body.get("actor");
        Map<String, Object> decision = (Map<String, Object>) body.get("decision");
        return new StaffJob((String) body.get("jobId"), StaffJob.Kind.valueOf((String) body.get("kind")),
                StaffJob.Status.valueOf((String) body.get("status")),
                new Actor(Actor.Kind.valueOf((String) actor.get("kind")), (String) actor.get("id"), (String) actor.get("name"),
                        actor.get("role") == null ? null : StaffRole.fromGroup((String) actor.get("role")).orElseThrow()),
                filter((Map<String, Object>) body.get("filter")),
                decision == null ? null : new StaffDecision(StaffAction.fromCode((String) decision.get("action")).orElseThrow(),
                        decision.get("amountKrw") == null ? null : ((Number) decision.get("amountKrw")).longValue(),
                        (String) decision.get("reason"),
                        decision.get("deadline") == null ? null : Instant.parse((String) decision.get("deadline")),
                        decision.get("duplicateOf") == null ? null : new ReportId((String) decision.get("duplicateOf"))),
                Boolean.TRUE.equals(body.get("includePersonalData")), Instant.parse((String) body.get("createdAt")),
                number(body, "total"), number(body, "processed"), number(body, "skipped"), number(body, "failed"),
                number(body, "amountKrw"), (int) number(body, "pagesDone"), (String) body.get("nextCursor"),
                (String) body.get("exportKey"), (String) body.get("uploadId"), (List<String>) body.get("partEtags"));
    }

    /** The filter with the admin API's field names (docs/admin-api.md). */
    public static Map<String, Object> filter(ReportFilter filter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", filter.status().name());
        body.put("incident", filter.incidentId());
        body.put("service", filter.service());
        body.put("category", filter.category() == null ? null : filter.category().code());
        body.put("from", filter.receivedFrom() == null ? null : filter.receivedFrom().toString());
        body.put("to", filter.receivedTo() == null ? null : filter.receivedTo().toString());
        body.put("reason", filter.triageReason() == null ? null : filter.triageReason().code());
        body.put("flag", filter.riskFlag() == null ? null : filter.riskFlag().code());
        return body;
    }

    private static ReportFilter filter(Map<String, Object> body) {
        return new ReportFilter(ReportStatus.valueOf((String) body.get("status")), (String) body.get("incident"),
                (String) body.get("service"),
                body.get("category") == null ? null : Category.fromCode((String) body.get("category")).orElseThrow(),
                body.get("from") == null ? null : Instant.parse((String) body.get("from")),
                body.get("to") == null ? null : Instant.parse((String) body.get("to")),
                body.get("reason") == null ? null : TriageReason.fromCode((String) body.get("reason")).orElseThrow(),
                body.get("flag") == null ? null : RiskFlag.fromCode((String) body.get("flag")).orElseThrow());
    }

    private static long number(Map<String, Object> body, String field) {
        return ((Number) body.get(field)).longValue();
    }
}

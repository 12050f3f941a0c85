package dev.damagedesk.adapters.json;

import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.application.staff.ReportDetails.ReportDetail;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.audit.AuditState;
import dev.damagedesk.domain.audit.OperationEntry;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.risk.RiskFlag;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffAction;
import dev.damagedesk.domain.triage.ExpectedDecision;
import dev.damagedesk.domain.triage.Priority;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON views of a report, each written once: the reporter's status view (public API) and the staff views
 * (admin API: summary, detail, audit entry). The decision has one core shape; the public view adds the
 * explanation in the reporter's language, the staff view both explanations. The public view carries no staff-only
 * field (triage, flags, versions, audit) and no personal data.
 */
public final class ReportViews {

    private ReportViews() {
    }

    /** {@code GET /v1/reports/{reportId}} for a stored report (docs/openapi.yaml, {@code ReportStatus}). */
    public static Map<String, Object> publicStatus(Report report, Language language) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reportId", report.id().value());
        body.put("status", report.status().name());
        body.put("receivedAt", ApiInstants.format(report.receivedAt()));
        body.put("service", report.submission().service());
        body.put("category", report.submission().category().code());
        if (report.decision() != null) {
            Map<String, Object> decision = decisionDetail(report.decision());
            decision.put("explanation", report.decision().explanation(language));
            body.put("decision", decision);
        }
        ExpectedDecision.by(report.status(), report.receivedAt())
                .ifPresent(by -> body.put("expectedDecisionBy", ApiInstants.format(by)));
        return body;
    }

    /** A queue row (docs/admin-api.md, {@code Summary}); {@code now} ages the priority. */
    public static Map<String, Object> summary(StoredReport stored, Instant now) {
        Report report = stored.report();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reportId", report.id().value());
        body.put("version", stored.version());
        body.put("status", report.status().name());
        body.put("receivedAt", ApiInstants.format(report.receivedAt()));
        body.put("incidentId", report.incidentId());
        body.put("service", report.submission().service());
        body.put("category", report.submission().category().code());
        body.put("reporterType", report.submission().reporterType().code());
        body.put("amountClaimedKrw", report.submission().amountClaimedKrw());
        body.put("decision", report.decision() == null ? null : decisionSummary(report.decision()));
        body.put("triageReason", report.triageReason() == null ? null : report.triageReason().code());
        body.put("riskFlags", report.riskFlags().stream().map(RiskFlag::code).sorted().toList());
        body.put("duplicateOf", idOrNull(report.duplicateOf()));
        body.put("priority", Priority.of(report, now));
        return body;
    }

    /** A report's detail (docs/admin-api.md, {@code Detail}): everything a reporter typed, as they typed it. */
    public static Map<String, Object> detail(ReportDetail detail, Instant now) {
        Report report = detail.stored().report();
        Map<String, Object> body = summary(detail.stored(), now);
        ReportSubmission submission = report.submission();
        Map<String, Object> reporter = new LinkedHashMap<>();
        reporter.put("name", submission.reporter().name());
        reporter.put("email", submission.reporter().email());
        reporter.put("phone", submission.reporter().phone());
        reporter.put("accountRef", submission.reporter().accountRef());
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("reporter", reporter);
        typed.put("locale", submission.language().code());
        typed.put("occurredFrom", submission.occurredFrom().toString());
        typed.put("occurredTo", submission.occurredTo().toString());
        typed.put("description", submission.description());
        typed.put("amountClaimedKrw", submission.amountClaimedKrw());
        body.put("submission", typed);
        // Erased: the reporter's fields and the description read as the marker (docs/admin-api.md, Erasure).
        body.put("personalDataErased", report.personalDataErased());
        if (report.decision() != null) {
            Map<String, Object> decision = decisionDetail(report.decision());
            decision.put("explanationKo", report.decision().explanationKo());
            decision.put("explanationEn", report.decision().explanationEn());
            body.put("decision", decision);
        }
        body.put("documentRequest", detail.documentRequest().map(request -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("deadline", request.deadline());
            view.put("requestedAt", ApiInstants.format(request.requestedAt()));
            view.put("whatIsNeeded", request.whatIsNeeded());
            return (Object) view;
        }).orElse(null));
        body.put("duplicates", detail.duplicates().stream().map(ReportId::value).toList());
        body.put("audit", detail.audit().stream().map(ReportViews::auditEntry).toList());
        body.put("allowedActions", detail.allowedActions().stream()
                .sorted(Comparator.comparing(Enum::ordinal)).map(StaffAction::code).toList());
        return body;
    }

    /** One audit entry (docs/admin-api.md, {@code AuditEntry}). */
    public static Map<String, Object> auditEntry(AuditEntry entry) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sequence", entry.sequence());
        body.put("at", entry.at().toString());
        body.put("actor", actor(entry.actor()));
        body.put("action", entry.action().name());
        body.put("before", entry.before() == null ? null : auditState(entry.before()));
        body.put("after", auditState(entry.after()));
        body.put("reason", entry.reason());
        body.put("detail", entry.detail());
        body.put("previousHash", entry.previousHash());
        body.put("hash", entry.hash());
        return body;
    }

    /** One entry of the operations trail (docs/admin-api.md, {@code OperationEntry}). */
    public static Map<String, Object> operationEntry(OperationEntry entry) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sequence", entry.sequence());
        body.put("at", entry.at().toString());
        body.put("actor", actor(entry.actor()));
        body.put("action", entry.action().name());
        body.put("subject", entry.subject());
        body.put("detail", entry.detail());
        body.put("previousHash", entry.previousHash());
        body.put("hash", entry.hash());
        return body;
    }

    public static Map<String, Object> actor(Actor actor) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", actor.kind().name());
        body.put("id", actor.id());
        body.put("name", actor.name());
        body.put("role", actor.role() == null ? null : actor.role().group());
        return body;
    }

    public static List<Map<String, Object>> summaries(List<StoredReport> reports, Instant now) {
        return reports.stream().map(stored -> summary(stored, now)).toList();
    }

    private static Map<String, Object> auditState(AuditState state) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", state.status().name());
        body.put("outcome", state.outcome() == null ? null : state.outcome().name());
        body.put("ruleId", state.ruleId());
        body.put("policyVersion", state.policyVersion());
        body.put("amountKrw", state.amountKrw());
        body.put("extensionMinutes", state.extensionMinutes());
        body.put("duplicateOf", state.duplicateOf());
        return body;
    }

    /** What a decision awards and under which rule: the summary's decision. */
    private static Map<String, Object> decisionSummary(Decision decision) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", decision.outcome().name());
        body.put("ruleId", decision.ruleId());
        body.put("policyVersion", decision.policyVersion());
        body.put("amountKrw", decision.amountKrw());
        body.put("extensionMinutes", decision.extensionMinutes());
        return body;
    }

    /** The summary plus what the reporter and staff are told of how it was reached; explanations added by caller. */
    private static Map<String, Object> decisionDetail(Decision decision) {
        Map<String, Object> body = decisionSummary(decision);
        body.put("eligibleOutageMinutes", decision.eligibleOutageMinutes());
        body.put("extensionValueKrw", decision.extensionValueKrw());
        body.put("cancellationRight", decision.cancellationRight());
        body.put("documentsRequired", decision.documentsRequired());
        return body;
    }

    private static String idOrNull(ReportId id) {
        return id == null ? null : id.value();
    }
}

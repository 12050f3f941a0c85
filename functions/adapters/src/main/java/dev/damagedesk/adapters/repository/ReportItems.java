package dev.damagedesk.adapters.repository;

import static dev.damagedesk.adapters.repository.Attributes.n;
import static dev.damagedesk.adapters.repository.Attributes.number;
import static dev.damagedesk.adapters.repository.Attributes.optionalNumber;
import static dev.damagedesk.adapters.repository.Attributes.optionalString;
import static dev.damagedesk.adapters.repository.Attributes.s;
import static dev.damagedesk.adapters.repository.Attributes.string;

import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.report.Reporter;
import dev.damagedesk.domain.report.ReporterType;
import dev.damagedesk.domain.risk.RiskFlag;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.scoring.Outcome;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.triage.Priority;
import dev.damagedesk.domain.triage.TriageReason;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * THE mapping of a report to its DynamoDB item and back: the submission, status, decision and triage, the
 * {@code version} every write checks, the audit entry of that version ({@code lastAudit}, see {@link AuditItems})
 * and the keys of the three indexes.
 */
final class ReportItems {

    /** The attribute of the reporter's email, which holds {@link Reporter#ERASED} once the data is erased. */
    static final String REPORTER_EMAIL = "reporterEmail";

    private ReportItems() {
    }

    /** Whether an item (or a projection of it holding {@link #REPORTER_EMAIL}) is of an erased report. */
    static boolean personalDataErased(Map<String, AttributeValue> item) {
        return optionalString(item, REPORTER_EMAIL).map(Reporter.ERASED::equals).orElse(false);
    }

    /** The item of a stored report: {@code report} at {@code version}, carrying that version's audit entry. */
    static Map<String, AttributeValue> toItem(StoredReport stored, Instant expiresAt) {
        Map<String, AttributeValue> item = toItem(stored.report(), expiresAt);
        item.put("version", n(stored.version()));
        item.put("lastAudit", AttributeValue.fromM(AuditItems.toAttributes(stored.lastEntry())));
        return item;
    }

    /** A stored report read back; null when the item predates versions and audit entries (see LegacyReports). */
    static StoredReport storedFrom(Map<String, AttributeValue> item) {
        AttributeValue lastAudit = item.get("lastAudit");
        if (lastAudit == null) {
            return null;
        }
        return new StoredReport(fromItem(item), number(item, "version"), AuditItems.fromAttributes(lastAudit.m()));
    }

    static boolean hasAuditEntry(Map<String, AttributeValue> item) {
        return item.get("lastAudit") != null;
    }

    /** The report's attributes without version and audit entry. */
    static Map<String, AttributeValue> toItem(Report report, Instant expiresAt) {
        ReportSubmission submission = report.submission();
        Reporter reporter = submission.reporter();
        Map<String, AttributeValue> item = new HashMap<>(ReportKeys.reportKey(report.id()));
        item.put("type", s("REPORT"));
        item.put("reportId", s(report.id().value()));
        item.put("incidentId", s(report.incidentId()));
        item.put("status", s(report.status().name()));
        item.put("receivedAt", s(report.receivedAt().toString()));
        item.put("service", s(submission.service()));
        item.put("category", s(submission.category().code()));
        item.put("reporterType", s(submission.reporterType().code()));
        item.put("locale", s(submission.language().code()));
        item.put("reporterName", s(reporter.name()));
        item.put(REPORTER_EMAIL, s(reporter.email()));
        if (reporter.phone() != null) {
            item.put("reporterPhone", s(reporter.phone()));
        }
        if (reporter.accountRef() != null) {
            item.put("accountRef", s(reporter.accountRef()));
        }
        item.put("occurredFrom", s(submission.occurredFrom().toString()));
        item.put("occurredTo", s(submission.occurredTo().toString()));
        if (submission.amountClaimedKrw() != null) {
            item.put("amountClaimedKrw", n(submission.amountClaimedKrw()));
        }
        item.put("description", s(submission.description()));
        item.put("privacyConsent", AttributeValue.fromBool(submission.privacyConsent()));
        item.put("tokenHash", s(report.tokenHash()));
        if (report.decision() != null) {
            item.put("decision", AttributeValue.fromM(decisionItem(report.decision())));
        }
        if (report.triageReason() != null) {
            item.put("triageReason", s(report.triageReason().code()));
        }
        if (!report.riskFlags().isEmpty()) {
            item.put("riskFlags", AttributeValue.fromL(report.riskFlags().stream().map(f -> s(f.code())).toList()));
        }
        if (report.duplicateOf() != null) {
            item.put("duplicateOf", s(report.duplicateOf().value()));
        }
        if (report.documentsDueBy() != null) {
            item.put("documentsDueBy", s(report.documentsDueBy().toString()));
        }
        if (report.flaggedUnderPolicy() != null) {
            item.put("flaggedUnderPolicy", s(report.flaggedUnderPolicy()));
        }
        item.put("expiresAt", n(expiresAt.getEpochSecond()));
        String timeOrdered = ReportKeys.timeOrdered(report.receivedAt(), report.id());
        item.put("gsi1pk", s(ReportKeys.statusPartition(report.status(), ReportKeys.shardOf(report.id()))));
        item.put("gsi1sk", s(timeOrdered));
        item.put("gsi3sk", s(ReportKeys.timeOrdered(Priority.queueKey(report), report.id())));
        item.put("gsi2pk", s(ReportKeys.incidentServicePartition(report.incidentId(), submission.service())));
        item.put("gsi2sk", s(timeOrdered));
        return item;
    }

    static Report fromItem(Map<String, AttributeValue> item) {
        Reporter reporter = new Reporter(
                string(item, "reporterName"),
                string(item, REPORTER_EMAIL),
                optionalString(item, "reporterPhone").orElse(null),
                optionalString(item, "accountRef").orElse(null));
        ReportSubmission submission = new ReportSubmission(
                reporter,
                Language.fromCode(string(item, "locale")).orElseThrow(),
                string(item, "service"),
                Category.fromCode(string(item, "category")).orElseThrow(),
                Instant.parse(string(item, "occurredFrom")),
                Instant.parse(string(item, "occurredTo")),
                optionalNumber(item, "amountClaimedKrw").orElse(null),
                string(item, "description"),
                item.get("privacyConsent") != null && Boolean.TRUE.equals(item.get("privacyConsent").bool()),
                reporterTypeFrom(item));
        AttributeValue decision = item.get("decision");
        return new Report(
                ReportId.parse(string(item, "reportId")).orElseThrow(),
                string(item, "incidentId"),
                submission,
                Instant.parse(string(item, "receivedAt")),
                ReportStatus.valueOf(string(item, "status")),
                decision == null ? null : decisionFrom(decision.m()),
                string(item, "tokenHash"),
                optionalString(item, "triageReason").map(code -> TriageReason.fromCode(code).orElseThrow(
                        () -> new IllegalStateException("Stored item has an unknown triageReason " + code))).orElse(null),
                riskFlagsFrom(item.get("riskFlags")),
                optionalString(item, "duplicateOf").map(id -> ReportId.parse(id).orElseThrow()).orElse(null),
                optionalString(item, "documentsDueBy").map(Instant::parse).orElse(null),
                optionalString(item, "flaggedUnderPolicy").orElse(null));
    }

    private static Set<RiskFlag> riskFlagsFrom(AttributeValue flags) {
        Set<RiskFlag> read = EnumSet.noneOf(RiskFlag.class);
        if (flags != null) {
            for (AttributeValue flag : flags.l()) {
                read.add(RiskFlag.fromCode(flag.s()).orElseThrow(
                        () -> new IllegalStateException("Stored item has an unknown risk flag " + flag.s())));
            }
        }
        return read;
    }

    /** Reports stored before the field existed state no type: the one the domain assumes for their category. */
    private static ReporterType reporterTypeFrom(Map<String, AttributeValue> item) {
        return optionalString(item, "reporterType")
                .map(code -> ReporterType.fromCode(code).orElseThrow(
                        () -> new IllegalStateException("Stored item has an unknown reporterType " + code)))
                .orElseGet(() -> ReporterType.assumedFor(Category.fromCode(string(item, "category")).orElseThrow()));
    }

    private static Map<String, AttributeValue> decisionItem(Decision decision) {
        return Map.ofEntries(
                Map.entry("outcome", s(decision.outcome().name())),
                Map.entry("ruleId", s(decision.ruleId())),
                Map.entry("policyVersion", s(decision.policyVersion())),
                Map.entry("amountKrw", n(decision.amountKrw())),
                Map.entry("extensionMinutes", n(decision.extensionMinutes())),
                Map.entry("explanationEn", s(decision.explanationEn())),
                Map.entry("explanationKo", s(decision.explanationKo())),
                Map.entry("eligibleOutageMinutes", n(decision.eligibleOutageMinutes())),
                Map.entry("cancellationRight", AttributeValue.fromBool(decision.cancellationRight())),
                Map.entry("extensionValueKrw", n(decision.extensionValueKrw())),
                Map.entry("documentsRequired", AttributeValue.fromBool(decision.documentsRequired())));
    }

    /** Decisions stored before the outage, cancellation, value and documents fields existed read them as 0 / false. */
    private static Decision decisionFrom(Map<String, AttributeValue> item) {
        return new Decision(
                Outcome.valueOf(string(item, "outcome")),
                string(item, "ruleId"),
                string(item, "policyVersion"),
                number(item, "amountKrw"),
                number(item, "extensionMinutes"),
                string(item, "explanationEn"),
                string(item, "explanationKo"),
                optionalNumber(item, "eligibleOutageMinutes").orElse(0L),
                bool(item, "cancellationRight"),
                optionalNumber(item, "extensionValueKrw").orElse(0L),
                bool(item, "documentsRequired"));
    }

    private static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }
}

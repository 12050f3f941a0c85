package dev.damagedesk.domain.triage;

import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.risk.RiskFlag;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.scoring.Outcome;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Sends a scored report to its first triaged status. The first rule that applies wins:
 *
 * <ol>
 *   <li>a duplicate (the reporter's identity already reported this service in this incident) →
 *       {@code NEEDS_REVIEW}, and its decision is replaced by one that pays nothing
 *       ({@value #DUPLICATE_RULE_ID}): the first report is the one paid;</li>
 *   <li>any risk flag → {@code NEEDS_REVIEW}: a person looks before anything else happens;</li>
 *   <li>a manual-review decision → {@code NEEDS_DOCUMENTS} when it needs the reporter's documents
 *       ({@link #needsDocuments}), else {@code NEEDS_REVIEW};</li>
 *   <li>a report in the {@link AuditSample} → {@code NEEDS_REVIEW} with reason {@code audit-sample};</li>
 *   <li>otherwise → {@code AUTO_APPROVED}.</li>
 * </ol>
 *
 * Pure and deterministic: the same report, decision, flags and link always triage the same way, so a redelivered
 * message or a replay gives the same status.
 */
public final class Triage {

    public static final String DUPLICATE_RULE_ID = "duplicate.already-reported";

    private final AuditSample auditSample;

    public Triage(AuditSample auditSample) {
        this.auditSample = Objects.requireNonNull(auditSample, "auditSample");
    }

    /** With {@link AuditSample#withDefaults()}: 5% of the auto-approved reports. */
    public static Triage withDefaults() {
        return new Triage(AuditSample.withDefaults());
    }

    public AuditSample auditSample() {
        return auditSample;
    }

    /**
     * @param riskFlags   from {@link dev.damagedesk.domain.risk.RiskAssessment}; empty when none
     * @param duplicateOf from {@link dev.damagedesk.domain.risk.DuplicateRegistry#claimAll}; empty when first
     */
    public TriageResult triage(ReportId reportId, ReportSubmission submission, Decision decision,
                               Set<RiskFlag> riskFlags, Optional<ReportId> duplicateOf) {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(riskFlags, "riskFlags");
        Objects.requireNonNull(duplicateOf, "duplicateOf");
        if (duplicateOf.isPresent()) {
            ReportId first = duplicateOf.get();
            if (first.equals(reportId)) {
                throw new IllegalArgumentException("report " + reportId + " cannot be a duplicate of itself");
            }
            return new TriageResult(ReportStatus.NEEDS_REVIEW, TriageReason.DUPLICATE,
                    duplicateDecision(decision, submission.service(), first), riskFlags, first);
        }
        if (!riskFlags.isEmpty()) {
            return result(ReportStatus.NEEDS_REVIEW, TriageReason.RISK_FLAGGED, decision, riskFlags);
        }
        if (decision.outcome() == Outcome.MANUAL_REVIEW) {
            return needsDocuments(decision)
                    ? result(ReportStatus.NEEDS_DOCUMENTS, TriageReason.DOCUMENTS_REQUIRED, decision, riskFlags)
                    : result(ReportStatus.NEEDS_REVIEW, TriageReason.MANUAL_REVIEW, decision, riskFlags);
        }
        if (auditSample.selects(reportId)) {
            return result(ReportStatus.NEEDS_REVIEW, TriageReason.AUDIT_SAMPLE, decision, riskFlags);
        }
        return result(ReportStatus.AUTO_APPROVED, TriageReason.AUTO_APPROVED, decision, riskFlags);
    }

    /**
     * Whether a manual review has to wait for the reporter's documents, as the policy's decision says
     * ({@link Decision#documentsRequired()}: e.g. the sales records of a business loss above the bands).
     */
    public static boolean needsDocuments(Decision decision) {
        return decision.outcome() == Outcome.MANUAL_REVIEW && decision.documentsRequired();
    }

    /** The decision of a duplicate: nothing payable, under the same policy version, explained in both languages. */
    public static Decision duplicateDecision(Decision scored, String service, ReportId first) {
        return new Decision(Outcome.NO_PAYMENT, DUPLICATE_RULE_ID, scored.policyVersion(), 0, 0,
                "You already reported damage to " + service + " in this incident (tracking number " + first.value()
                        + "). Compensation is decided on that report, so this one is not paid again;"
                        + " our staff will check the two reports.",
                "이번 장애의 " + service + " 피해는 이미 신고하셨습니다(접수번호 " + first.value() + ")."
                        + " 보상은 먼저 접수된 신고로 결정되므로 이 신고로는 중복 지급되지 않으며, 담당자가 두 신고를 확인합니다.");
    }

    private static TriageResult result(ReportStatus status, TriageReason reason, Decision decision,
                                       Set<RiskFlag> riskFlags) {
        return new TriageResult(status, reason, decision, riskFlags, null);
    }
}

package dev.damagedesk.domain.report;

import dev.damagedesk.domain.risk.RiskFlag;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.triage.StatusTransitions;
import dev.damagedesk.domain.triage.TriageReason;
import dev.damagedesk.domain.triage.TriageResult;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A stored report. Its status changes only as {@link StatusTransitions} allows.
 *
 * @param decision     null while {@link ReportStatus#RECEIVED}
 * @param tokenHash    SHA-256 of the reporter's tracking token; the token itself is never stored
 * @param triageReason why triage sent it where it did; null until triaged (and for reports stored before triage)
 * @param riskFlags    raised when it was triaged; empty when none
 * @param duplicateOf  the first report of the same identity, service and incident; null unless a duplicate
 * @param documentsDueBy while {@link ReportStatus#NEEDS_DOCUMENTS} after a staff request: the reporter's deadline;
 *                     else null
 * @param flaggedUnderPolicy the policy version that last flagged this staff decision (it would have decided
 *                     otherwise); null when none. What changed and when is in the audit trail, not here: the
 *                     report item holds no growing history.
 */
public record Report(
        ReportId id,
        String incidentId,
        ReportSubmission submission,
        Instant receivedAt,
        ReportStatus status,
        Decision decision,
        String tokenHash,
        TriageReason triageReason,
        Set<RiskFlag> riskFlags,
        ReportId duplicateOf,
        Instant documentsDueBy,
        String flaggedUnderPolicy) {

    public Report {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(tokenHash, "tokenHash");
        if (decision == null && status != ReportStatus.RECEIVED) {
            throw new IllegalArgumentException("a report in " + status + " must carry its decision");
        }
        riskFlags = riskFlags == null || riskFlags.isEmpty()
                ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(riskFlags));
    }

    /** A report without triage details, as stored before triage existed. */
    public Report(ReportId id, String incidentId, ReportSubmission submission, Instant receivedAt, ReportStatus status,
                  Decision decision, String tokenHash) {
        this(id, incidentId, submission, receivedAt, status, decision, tokenHash, null, Set.of(), null, null, null);
    }

    /** A report just taken in, waiting for the worker to score it. */
    public static Report received(
            ReportId id, String incidentId, ReportSubmission submission, Instant receivedAt, String tokenHash) {
        return new Report(id, incidentId, submission, receivedAt, ReportStatus.RECEIVED, null, tokenHash);
    }

    /**
     * This report scored and triaged: it passes through {@link ReportStatus#SCORED} to the triaged status, with
     * the triage's decision, reason, flags and duplicate link. Used for a report just received and, by re-scoring,
     * for one no person has decided yet.
     *
     * @throws dev.damagedesk.domain.triage.IllegalTransitionException when the report may not be (re-)scored
     */
    public Report triaged(TriageResult triage) {
        Objects.requireNonNull(triage, "triage");
        ReportStatus scored = StatusTransitions.requireAllowed(status, ReportStatus.SCORED);
        ReportStatus next = StatusTransitions.requireAllowed(scored, triage.status());
        return new Report(id, incidentId, submission, receivedAt, next, triage.decision(), tokenHash,
                triage.reason(), triage.riskFlags(), triage.duplicateOf(), null, flaggedUnderPolicy);
    }

    /**
     * This report in another status, e.g. a staff decision.
     *
     * @throws dev.damagedesk.domain.triage.IllegalTransitionException when {@link StatusTransitions} does not allow it
     */
    public Report movedTo(ReportStatus next) {
        StatusTransitions.requireAllowed(status, next);
        return new Report(id, incidentId, submission, receivedAt, next, decision, tokenHash,
                triageReason, riskFlags, duplicateOf, next == ReportStatus.NEEDS_DOCUMENTS ? documentsDueBy : null,
                flaggedUnderPolicy);
    }

    /**
     * This report decided by a person: in {@code next} with {@code decided} as its decision (a document deadline
     * only while it waits for documents).
     *
     * @throws dev.damagedesk.domain.triage.IllegalTransitionException when {@link StatusTransitions} does not allow it
     */
    public Report decided(ReportStatus next, Decision decided, ReportId linkedTo, Instant dueBy) {
        Objects.requireNonNull(decided, "decided");
        StatusTransitions.requireAllowed(status, next);
        return new Report(id, incidentId, submission, receivedAt, next, decided, tokenHash, triageReason, riskFlags,
                linkedTo, next == ReportStatus.NEEDS_DOCUMENTS ? dueBy : null, flaggedUnderPolicy);
    }

    /**
     * This report with another decision and duplicate link in the same status (a staff change that keeps it where
     * it is, e.g. a duplicate unmarked while in review).
     */
    public Report redecided(Decision decided, ReportId linkedTo) {
        Objects.requireNonNull(decided, "decided");
        return new Report(id, incidentId, submission, receivedAt, status, decided, tokenHash, triageReason, riskFlags,
                linkedTo, documentsDueBy, flaggedUnderPolicy);
    }

    /** This report, unchanged otherwise, flagged by a policy version that would decide it differently. */
    public Report flaggedBy(String policyVersion) {
        Objects.requireNonNull(policyVersion, "policyVersion");
        return new Report(id, incidentId, submission, receivedAt, status, decision, tokenHash,
                triageReason, riskFlags, duplicateOf, documentsDueBy, policyVersion);
    }

    /**
     * This report without its reporter's personal data ({@link ReportSubmission#withoutPersonalData()}); status,
     * decision, triage, flags, duplicate link, deadline and token hash stay as they are.
     */
    public Report withoutPersonalData() {
        return new Report(id, incidentId, submission.withoutPersonalData(), receivedAt, status, decision, tokenHash,
                triageReason, riskFlags, duplicateOf, documentsDueBy, flaggedUnderPolicy);
    }

    /** Whether the reporter's personal data was erased from this report. */
    public boolean personalDataErased() {
        return submission.reporter().isErased();
    }

    public Optional<ReportId> duplicate() {
        return Optional.ofNullable(duplicateOf);
    }

    /**
     * Whether this report has been dealt with under a policy version: its decision was made under it, or that
     * version flagged it.
     */
    public boolean carriesPolicyVersion(String policyVersion) {
        Objects.requireNonNull(policyVersion, "policyVersion");
        return decision != null && decision.policyVersion().equals(policyVersion)
                || policyVersion.equals(flaggedUnderPolicy);
    }
}

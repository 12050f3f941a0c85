package dev.damagedesk.domain.report;

import dev.damagedesk.domain.risk.RiskFlag;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.triage.StatusTransitions;
import dev.damagedesk.domain.triage.TriageReason;
import dev.damagedesk.domain.triage.TriageResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
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
 * @param history      re-scorings and flags under later policy versions, oldest first
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
        List<HistoryEntry> history) {

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
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A report without triage details or history, as stored before triage existed. */
    public Report(ReportId id, String incidentId, ReportSubmission submission, Instant receivedAt, ReportStatus status,
                  Decision decision, String tokenHash) {
        this(id, incidentId, submission, receivedAt, status, decision, tokenHash, null, Set.of(), null, List.of());
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
                triage.reason(), triage.riskFlags(), triage.duplicateOf(), history);
    }

    /**
     * This report in another status, e.g. a staff decision.
     *
     * @throws dev.damagedesk.domain.triage.IllegalTransitionException when {@link StatusTransitions} does not allow it
     */
    public Report movedTo(ReportStatus next) {
        StatusTransitions.requireAllowed(status, next);
        return new Report(id, incidentId, submission, receivedAt, next, decision, tokenHash,
                triageReason, riskFlags, duplicateOf, history);
    }

    /** This report with one more history entry. */
    public Report withHistory(HistoryEntry entry) {
        Objects.requireNonNull(entry, "entry");
        List<HistoryEntry> longer = new ArrayList<>(history);
        longer.add(entry);
        return new Report(id, incidentId, submission, receivedAt, status, decision, tokenHash,
                triageReason, riskFlags, duplicateOf, longer);
    }

    public Optional<ReportId> duplicate() {
        return Optional.ofNullable(duplicateOf);
    }

    /**
     * Whether this report has been dealt with under a policy version: its decision was made under it, or its
     * history records a re-scoring or a flag under it.
     */
    public boolean carriesPolicyVersion(String policyVersion) {
        Objects.requireNonNull(policyVersion, "policyVersion");
        return decision != null && decision.policyVersion().equals(policyVersion)
                || history.stream().anyMatch(entry -> entry.toPolicyVersion().equals(policyVersion));
    }
}

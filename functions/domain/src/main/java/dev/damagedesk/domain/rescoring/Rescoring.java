package dev.damagedesk.domain.rescoring;

import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.report.HistoryEntry;
import dev.damagedesk.domain.report.HistoryEntry.DecisionSummary;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.scoring.CompensationPolicy;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.triage.StatusTransitions;
import dev.damagedesk.domain.triage.Triage;
import dev.damagedesk.domain.triage.TriageResult;

import java.time.Instant;
import java.util.Objects;

/**
 * Re-scores one stored report under a newly published policy version. Three cases, decided in this order:
 *
 * <ol>
 *   <li>the report already carries the version (its decision, or a history entry, is under it) →
 *       {@link Unchanged}: re-running a job changes nothing;</li>
 *   <li>its status is a staff decision ({@link StatusTransitions#isStaffDecision}) → the decision is kept; when the
 *       new policy would award something else (outcome, amount or extension) → {@link Flagged}, with a
 *       {@link HistoryEntry.Kind#FLAGGED} entry for staff; when it would award the same → {@link Unchanged};</li>
 *   <li>otherwise → {@link Rescored}: the new decision replaces the old one and the report is triaged again
 *       (back through {@code SCORED}), keeping its risk flags and duplicate link, with a
 *       {@link HistoryEntry.Kind#RESCORED} entry holding both decisions and both statuses.</li>
 * </ol>
 *
 * Triage is deterministic (the audit sample hashes the report id), so a re-scored report that keeps its award
 * keeps its status.
 */
public final class Rescoring {

    /** What re-scoring did to one report; {@link #report()} is the report to store (unchanged when Unchanged). */
    public sealed interface Result permits Unchanged, Flagged, Rescored {
        Report report();
    }

    /** Nothing to do: already under the version, or a staff decision the new policy agrees with. */
    public record Unchanged(Report report) implements Result {
    }

    /** A staff decision kept although the new policy would decide {@code newDecision}. */
    public record Flagged(Decision newDecision, HistoryEntry entry, Report report) implements Result {
    }

    /** The decision replaced and the report triaged again. */
    public record Rescored(Decision before, Decision after, ReportStatus newStatus, HistoryEntry entry, Report report)
            implements Result {
    }

    private final Triage triage;

    public Rescoring(Triage triage) {
        this.triage = Objects.requireNonNull(triage, "triage");
    }

    /**
     * @param incident the incident the report was filed against, as the new policy reads it
     * @param at       when the re-scoring happens, for the history entry
     * @throws IllegalArgumentException when the report has not been scored yet (there is nothing to re-score)
     */
    public Result rescore(Report report, CompensationPolicy policy, Incident incident, Instant at) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(at, "at");
        Decision before = report.decision();
        if (before == null) {
            throw new IllegalArgumentException("report " + report.id() + " has no decision yet; the processor scores it");
        }
        String version = policy.version();
        if (report.carriesPolicyVersion(version)) {
            return new Unchanged(report);
        }
        Decision scored = policy.score(report.submission(), incident);
        TriageResult triaged = triage.triage(report.id(), report.submission(), scored, report.riskFlags(),
                report.duplicate());
        DecisionSummary beforeSummary = DecisionSummary.of(before);
        DecisionSummary afterSummary = DecisionSummary.of(triaged.decision());

        if (StatusTransitions.isStaffDecision(report.status())) {
            if (afterSummary.awardsTheSameAs(beforeSummary)) {
                return new Unchanged(report);
            }
            HistoryEntry entry = new HistoryEntry(at, HistoryEntry.Kind.FLAGGED, before.policyVersion(), version,
                    beforeSummary, afterSummary, report.status(), report.status());
            return new Flagged(triaged.decision(), entry, report.withHistory(entry));
        }

        Report rescored = report.triaged(triaged);
        HistoryEntry entry = new HistoryEntry(at, HistoryEntry.Kind.RESCORED, before.policyVersion(), version,
                beforeSummary, afterSummary, report.status(), rescored.status());
        return new Rescored(before, triaged.decision(), rescored.status(), entry, rescored.withHistory(entry));
    }
}

package dev.damagedesk.domain.rescoring;

import dev.damagedesk.domain.incident.Incident;
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
 *   <li>the report already carries the version (its decision is under it, or the version flagged it) →
 *       {@link Unchanged}: re-running a job changes nothing;</li>
 *   <li>its status is a staff decision ({@link StatusTransitions#isStaffDecision}) → the decision is kept; when the
 *       new policy would award something else (outcome, amount or extension) → {@link Flagged}, the report marked
 *       as flagged by the version (the caller records a {@code FLAGGED} audit entry); when it would award the
 *       same → {@link Unchanged};</li>
 *   <li>otherwise → {@link Rescored}: the new decision replaces the old one and the report is triaged again
 *       (back through {@code SCORED}), keeping its risk flags and duplicate link (the caller records a
 *       {@code RESCORED} audit entry with the state before and after).</li>
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
    public record Flagged(Decision newDecision, Report report) implements Result {
    }

    /** The decision replaced and the report triaged again. */
    public record Rescored(Decision before, Decision after, ReportStatus newStatus, Report report)
            implements Result {
    }

    private final Triage triage;

    public Rescoring(Triage triage) {
        this.triage = Objects.requireNonNull(triage, "triage");
    }

    /**
     * @param incident the incident the report was filed against, as the new policy reads it
     * @param at       when the re-scoring happens
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

        if (StatusTransitions.isStaffDecision(report.status())) {
            if (awardsTheSame(triaged.decision(), before)) {
                return new Unchanged(report);
            }
            return new Flagged(triaged.decision(), report.flaggedBy(version));
        }

        Report rescored = report.triaged(triaged);
        return new Rescored(before, triaged.decision(), rescored.status(), rescored);
    }

    /** Whether the two award the same: outcome, amount and extension (the rule and version may differ). */
    static boolean awardsTheSame(Decision one, Decision other) {
        return one.outcome() == other.outcome() && one.amountKrw() == other.amountKrw()
                && one.extensionMinutes() == other.extensionMinutes();
    }
}

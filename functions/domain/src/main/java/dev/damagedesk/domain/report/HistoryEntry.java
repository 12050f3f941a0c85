package dev.damagedesk.domain.report;

import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.scoring.Outcome;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a report's history: a new policy version re-scored the report, or would have decided a staff
 * decision differently. Entries are only ever appended.
 *
 * @param before       the decision the report carried
 * @param after        the new policy's decision: the report's decision now if {@link Kind#RESCORED}, only a
 *                     note for staff if {@link Kind#FLAGGED}
 * @param statusBefore the status before; for {@link Kind#FLAGGED} equal to {@code statusAfter}
 */
public record HistoryEntry(Instant at, Kind kind, String fromPolicyVersion, String toPolicyVersion,
                           DecisionSummary before, DecisionSummary after,
                           ReportStatus statusBefore, ReportStatus statusAfter) {

    public enum Kind {
        /** The new decision replaced the old one and the report was triaged again. */
        RESCORED,
        /** A staff decision was kept; the new policy would have decided otherwise. */
        FLAGGED
    }

    /** What a decision awarded, under which rule and policy; the explanations are left out. */
    public record DecisionSummary(Outcome outcome, String ruleId, String policyVersion, long amountKrw,
                                  long extensionMinutes) {

        public DecisionSummary {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(ruleId, "ruleId");
            Objects.requireNonNull(policyVersion, "policyVersion");
        }

        public static DecisionSummary of(Decision decision) {
            return new DecisionSummary(decision.outcome(), decision.ruleId(), decision.policyVersion(),
                    decision.amountKrw(), decision.extensionMinutes());
        }

        /** Whether the two award the same: outcome, amount and extension (the rule and version may differ). */
        public boolean awardsTheSameAs(DecisionSummary other) {
            return outcome == other.outcome && amountKrw == other.amountKrw
                    && extensionMinutes == other.extensionMinutes;
        }
    }

    public HistoryEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fromPolicyVersion, "fromPolicyVersion");
        Objects.requireNonNull(toPolicyVersion, "toPolicyVersion");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(statusBefore, "statusBefore");
        Objects.requireNonNull(statusAfter, "statusAfter");
        if (kind == Kind.FLAGGED && statusBefore != statusAfter) {
            throw new IllegalArgumentException("a flagged decision keeps its status: " + statusBefore + " -> " + statusAfter);
        }
    }
}

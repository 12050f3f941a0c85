package dev.damagedesk.domain.triage;

import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.risk.RiskFlag;
import dev.damagedesk.domain.scoring.Decision;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where {@link Triage} sends a scored report, and why.
 *
 * @param decision    the decision to store: the policy's, or for a duplicate one that pays nothing
 * @param duplicateOf the first report of the same identity, service and incident; null unless a duplicate
 */
public record TriageResult(ReportStatus status, TriageReason reason, Decision decision, Set<RiskFlag> riskFlags,
                           ReportId duplicateOf) {

    public TriageResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(decision, "decision");
        riskFlags = riskFlags == null || riskFlags.isEmpty()
                ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(riskFlags));
    }

    public Optional<ReportId> duplicate() {
        return Optional.ofNullable(duplicateOf);
    }
}

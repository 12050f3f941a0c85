package dev.damagedesk.application.staff;

import dev.damagedesk.application.memory.InMemoryReportStore;
import dev.damagedesk.application.port.StaleReportException;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffAction;
import dev.damagedesk.domain.staff.StaffDecision;
import dev.damagedesk.domain.staff.StaffNotAllowedException;
import dev.damagedesk.domain.staff.StaffRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A test double of the core's {@code DecideReport} for approve/reject only, with its observable rules: the version
 * is checked, the transition table and the reviewers' limit (100,000 KRW) are applied, the write is versioned.
 * It records each decision it made, so a test can tell that a report was decided once.
 */
public final class StandInDecider implements ReportDecider {

    static final long REVIEWER_LIMIT_KRW = 100_000;

    private final InMemoryReportStore store;
    public final List<ReportId> decided = new ArrayList<>();

    public StandInDecider(InMemoryReportStore store) {
        this.store = store;
    }

    @Override
    public synchronized StoredReport decide(Actor actor, ReportId reportId, long expectedVersion, StaffDecision decision) {
        StoredReport stored = store.find(reportId).orElseThrow(NoSuchElementException::new);
        if (stored.version() != expectedVersion) {
            throw new StaleReportException(reportId, expectedVersion);
        }
        if (!actor.role().atLeast(StaffRole.SUPERVISOR) && stored.report().decision().amountKrw() > REVIEWER_LIMIT_KRW) {
            throw new StaffNotAllowedException(StaffNotAllowedException.Why.OVER_DECISION_LIMIT, "over the limit");
        }
        ReportStatus next = decision.action() == StaffAction.APPROVE ? ReportStatus.APPROVED : ReportStatus.REJECTED;
        Report after = stored.report().movedTo(next);
        AuditEntry entry = new AuditEntry(reportId, stored.version() + 1, Instant.now(), actor,
                next == ReportStatus.APPROVED ? AuditAction.APPROVED : AuditAction.REJECTED,
                StaffFixtures.stateOf(stored.report()), StaffFixtures.stateOf(after), decision.reason(), null,
                stored.lastEntry().hash(), "hash-" + (stored.version() + 1));
        StoredReport replaced = store.replace(stored, after, entry, Instant.now().plusSeconds(86_400));
        decided.add(reportId);
        return replaced;
    }
}

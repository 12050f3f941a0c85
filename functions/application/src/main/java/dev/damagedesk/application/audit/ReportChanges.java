package dev.damagedesk.application.audit;

import dev.damagedesk.application.port.AuditTrail;
import dev.damagedesk.application.port.ReportStore;
import dev.damagedesk.application.port.StaleReportException;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.audit.AuditChain;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.audit.AuditState;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.staff.Actor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one way a use case stores or changes a report: every change is a new version of the report carrying its
 * audit entry, written in one conditional single-item write (the table's emulator has no transactions), then
 * appended to the audit trail.
 *
 * <p>A crash between the two writes leaves entry {@code v} only on the report item. It is never lost: before
 * writing version {@code v + 1} this class appends entry {@code v} (a no-op when it is there), a redelivered
 * message storing the same report does the same, and {@link #trailOf} reads the carried entry with the trail.
 */
public final class ReportChanges {

    /** What {@link #store} did. */
    public record Stored(StoredReport report, boolean storedNow) {
    }

    private final ReportStore reports;
    private final AuditTrail trail;
    private final Duration retention;
    private final Clock clock;

    /** @param retention how long a report (and its personal data) is kept after it was received */
    public ReportChanges(ReportStore reports, AuditTrail trail, Duration retention, Clock clock) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.trail = Objects.requireNonNull(trail, "trail");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Stores a new report at version 1 with audit entry 1 ({@code action} by {@code actor}), unless it is stored
     * already (a redelivery): then the stored one is answered unchanged, and its carried entry flushed.
     */
    public Stored store(Report report, Actor actor, AuditAction action) {
        AuditEntry first = AuditChain.first(report.id(), clock.instant(), actor, action, AuditState.of(report),
                null, null);
        if (reports.insertIfAbsent(report, first, expiresAt(report))) {
            trail.append(first);
            return new Stored(new StoredReport(report, 1, first), true);
        }
        StoredReport stored = reports.find(report.id()).orElseThrow(() -> new IllegalStateException(
                "Report " + report.id().value() + " exists and cannot be read"));
        flush(stored);
        return new Stored(stored, false);
    }

    /**
     * Writes {@code after} as the next version of {@code before}, with an audit entry holding the state before and
     * after, then appends that entry to the trail.
     *
     * @param reason the staff member's reason; null when none
     * @param detail detail of the action (a deadline, a policy version); null when none
     * @throws StaleReportException when the report is no longer at {@code before.version()}: nothing was written
     */
    public StoredReport change(StoredReport before, Report after, Actor actor, AuditAction action, String reason,
                               String detail) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (!after.id().equals(before.report().id())) {
            throw new IllegalArgumentException("a change keeps the report id");
        }
        flush(before);
        AuditEntry entry = AuditChain.next(before.lastEntry(), clock.instant(), actor, action,
                AuditState.of(before.report()), AuditState.of(after), reason, detail);
        StoredReport changed = reports.replace(before, after, entry, expiresAt(after));
        trail.append(entry);
        return changed;
    }

    /** Makes sure the entry the report carries is in the trail (appending it is a no-op when it is). */
    public void flush(StoredReport stored) {
        trail.append(stored.lastEntry());
    }

    /**
     * The report's audit entries, oldest first: the trail's, and the carried entry of its version if a crash kept
     * it from the trail so far.
     */
    public List<AuditEntry> trailOf(StoredReport stored) {
        List<AuditEntry> entries = new ArrayList<>(trail.entriesOf(stored.report().id()));
        boolean carriedIsThere = entries.stream().anyMatch(entry -> entry.sequence() == stored.version());
        if (!carriedIsThere) {
            entries.add(stored.lastEntry());
            entries.sort((one, other) -> Long.compare(one.sequence(), other.sequence()));
        }
        return List.copyOf(entries);
    }

    public Instant expiresAt(Report report) {
        return report.receivedAt().plus(retention);
    }
}

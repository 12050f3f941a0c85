package dev.damagedesk.application.audit;

import static dev.damagedesk.application.testing.UseCaseFixtures.CLOCK;
import static dev.damagedesk.application.testing.UseCaseFixtures.extension;
import static dev.damagedesk.application.testing.UseCaseFixtures.id;
import static dev.damagedesk.application.testing.UseCaseFixtures.music;
import static dev.damagedesk.application.testing.UseCaseFixtures.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.application.memory.InMemoryAuditTrail;
import dev.damagedesk.application.memory.InMemoryReportStore;
import dev.damagedesk.application.port.AuditTrail;
import dev.damagedesk.application.port.StaleReportException;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.audit.AuditChain;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffRole;
import dev.damagedesk.domain.triage.TriageReason;
import dev.damagedesk.domain.triage.TriageResult;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportChangesTest {

    private static final Actor PROCESSOR = Actor.function("ProcessorFunction");
    private static final Actor REVIEWER = Actor.staff("sub-1", "reviewer@damagedesk.example", StaffRole.REVIEWER);

    private final InMemoryReportStore store = new InMemoryReportStore();
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final ReportChanges changes = new ReportChanges(store, trail, Duration.ofDays(1095), CLOCK);

    private static Report review(ReportId id) {
        return received(id, music("minji@example.com")).triaged(new TriageResult(ReportStatus.NEEDS_REVIEW,
                TriageReason.MANUAL_REVIEW, extension("v1", 4230), Set.of(), null));
    }

    @Test
    void aNewReportIsVersionOneWithItsFirstEntryInTheTrail() {
        ReportChanges.Stored stored = changes.store(review(id(1)), PROCESSOR, AuditAction.SCORED);

        assertThat(stored.storedNow()).isTrue();
        assertThat(stored.report().version()).isEqualTo(1);
        AuditEntry first = stored.report().lastEntry();
        assertThat(first.action()).isEqualTo(AuditAction.SCORED);
        assertThat(first.actor()).isEqualTo(PROCESSOR);
        assertThat(first.at()).isEqualTo(CLOCK.instant());
        assertThat(first.after().status()).isEqualTo(ReportStatus.NEEDS_REVIEW);
        assertThat(trail.entriesOf(id(1))).containsExactly(first);
    }

    @Test
    void storingTheSameReportAgainAnswersTheStoredOneAndAddsNoEntry() {
        StoredReport first = changes.store(review(id(1)), PROCESSOR, AuditAction.SCORED).report();
        StoredReport changed = changes.change(first, first.report().movedTo(ReportStatus.APPROVED), REVIEWER,
                AuditAction.APPROVED, null, null);

        ReportChanges.Stored again = changes.store(review(id(1)), PROCESSOR, AuditAction.SCORED);

        assertThat(again.storedNow()).isFalse();
        assertThat(again.report()).isEqualTo(changed);
        assertThat(trail.entriesOf(id(1))).hasSize(2);
    }

    @Test
    void aChangeIsTheNextVersionWithAnEntryHoldingBeforeAndAfter() {
        StoredReport first = changes.store(review(id(1)), PROCESSOR, AuditAction.SCORED).report();

        StoredReport approved = changes.change(first, first.report().movedTo(ReportStatus.APPROVED), REVIEWER,
                AuditAction.APPROVED, "receipts match", null);

        assertThat(approved.version()).isEqualTo(2);
        AuditEntry entry = approved.lastEntry();
        assertThat(entry.sequence()).isEqualTo(2);
        assertThat(entry.previousHash()).isEqualTo(first.lastEntry().hash());
        assertThat(entry.before().status()).isEqualTo(ReportStatus.NEEDS_REVIEW);
        assertThat(entry.after().status()).isEqualTo(ReportStatus.APPROVED);
        assertThat(entry.reason()).isEqualTo("receipts match");
        assertThat(store.find(id(1))).contains(approved);
        assertThat(AuditChain.verify(trail.entriesOf(id(1)), 2).intact()).isTrue();
    }

    @Test
    void aChangeBasedOnAStaleVersionIsRefusedAndRecordsNothing() {
        StoredReport first = changes.store(review(id(1)), PROCESSOR, AuditAction.SCORED).report();
        changes.change(first, first.report().movedTo(ReportStatus.APPROVED), REVIEWER, AuditAction.APPROVED, null, null);

        assertThatThrownBy(() -> changes.change(first, first.report().movedTo(ReportStatus.REJECTED), REVIEWER,
                AuditAction.REJECTED, "no", null))
                .isInstanceOfSatisfying(StaleReportException.class,
                        stale -> assertThat(stale.expectedVersion()).isEqualTo(1));

        assertThat(store.find(id(1)).orElseThrow().report().status()).isEqualTo(ReportStatus.APPROVED);
        assertThat(trail.entriesOf(id(1))).extracting(AuditEntry::action)
                .containsExactly(AuditAction.SCORED, AuditAction.APPROVED);
    }

    @Test
    void anEntryLostToACrashAfterItsReportWasWrittenIsFlushedByTheNextChange() {
        CrashingTrail crashing = new CrashingTrail(trail);
        ReportChanges crashingChanges = new ReportChanges(store, crashing, Duration.ofDays(1095), CLOCK);
        StoredReport first = crashingChanges.store(review(id(1)), PROCESSOR, AuditAction.SCORED).report();
        crashing.crashOnSequence = 2;

        assertThatThrownBy(() -> crashingChanges.change(first, first.report().movedTo(ReportStatus.APPROVED),
                REVIEWER, AuditAction.APPROVED, null, null)).isInstanceOf(IllegalStateException.class);
        StoredReport approved = store.find(id(1)).orElseThrow();
        assertThat(approved.version()).as("the report was written").isEqualTo(2);
        assertThat(trail.entriesOf(id(1))).as("its entry was not").hasSize(1);
        // Read with the trail, the carried entry fills the gap.
        assertThat(changes.trailOf(approved)).extracting(AuditEntry::sequence).containsExactly(1L, 2L);

        StoredReport paid = changes.change(approved, approved.report().movedTo(ReportStatus.PAID),
                Actor.function("PaymentFunction"), AuditAction.APPROVED, null, null);

        assertThat(trail.entriesOf(id(1))).extracting(AuditEntry::sequence).containsExactly(1L, 2L, 3L);
        assertThat(AuditChain.verify(trail.entriesOf(id(1)), paid.version()).intact()).isTrue();
    }

    @Test
    void aRedeliveryHealsAnEntryLostAfterTheFirstWrite() {
        CrashingTrail crashing = new CrashingTrail(trail);
        crashing.crashOnSequence = 1;
        ReportChanges crashingChanges = new ReportChanges(store, crashing, Duration.ofDays(1095), CLOCK);
        assertThatThrownBy(() -> crashingChanges.store(review(id(1)), PROCESSOR, AuditAction.SCORED))
                .isInstanceOf(IllegalStateException.class);
        assertThat(trail.entriesOf(id(1))).isEmpty();

        ReportChanges.Stored redelivered = changes.store(review(id(1)), PROCESSOR, AuditAction.SCORED);

        assertThat(redelivered.storedNow()).isFalse();
        assertThat(trail.entriesOf(id(1))).containsExactly(redelivered.report().lastEntry());
    }

    /** An audit trail that fails to append one entry once, as a function stopped between its two writes would. */
    private static final class CrashingTrail implements AuditTrail {
        private final AuditTrail delegate;
        long crashOnSequence;

        CrashingTrail(AuditTrail delegate) {
            this.delegate = delegate;
        }

        @Override
        public void append(AuditEntry entry) {
            if (entry.sequence() == crashOnSequence) {
                crashOnSequence = 0;
                throw new IllegalStateException("the function stopped");
            }
            delegate.append(entry);
        }

        @Override
        public List<AuditEntry> entriesOf(ReportId reportId) {
            return delegate.entriesOf(reportId);
        }
    }
}

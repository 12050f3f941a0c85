package dev.damagedesk.application.audit;

import static dev.damagedesk.application.testing.UseCaseFixtures.CLOCK;
import static dev.damagedesk.application.testing.UseCaseFixtures.INCIDENT_ID;
import static dev.damagedesk.application.testing.UseCaseFixtures.extension;
import static dev.damagedesk.application.testing.UseCaseFixtures.id;
import static dev.damagedesk.application.testing.UseCaseFixtures.music;
import static dev.damagedesk.application.testing.UseCaseFixtures.policy;
import static dev.damagedesk.application.testing.UseCaseFixtures.received;
import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.application.memory.InMemoryAuditTrail;
import dev.damagedesk.application.memory.InMemoryReportStore;
import dev.damagedesk.application.port.AuditTrail;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.application.scoring.ProcessReport;
import dev.damagedesk.application.testing.UseCaseFixtures.FakeIncidents;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.audit.AuditChain;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.audit.AuditState;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffRole;
import dev.damagedesk.domain.triage.TriageReason;
import dev.damagedesk.domain.triage.TriageResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class VerifyAuditChainTest {

    private static final Actor SUPERVISOR = Actor.staff("sub-s", "lead@damagedesk.example", StaffRole.SUPERVISOR);

    private final InMemoryReportStore store = new InMemoryReportStore();
    private final InMemoryAuditTrail appendOnly = new InMemoryAuditTrail();
    private final TamperableTrail trail = new TamperableTrail(appendOnly);
    private final ReportChanges changes = new ReportChanges(store, appendOnly, Duration.ofDays(1095), CLOCK);
    private final VerifyAuditChain verify = new VerifyAuditChain(store, trail,
            new FakeIncidents(policy("2022-10-15/v1", version -> extension(version, 4230))));

    /** A report changed three times: four entries. */
    private StoredReport changedThrice(int n, String service) {
        ReportSubmission submission = music("r" + n + "@example.com");
        ReportSubmission ofService = new ReportSubmission(submission.reporter(), submission.language(), service,
                submission.category(), submission.occurredFrom(), submission.occurredTo(), submission.amountClaimedKrw(),
                submission.description(), submission.privacyConsent());
        Report report = received(id(n), ofService).triaged(new TriageResult(ReportStatus.NEEDS_REVIEW,
                TriageReason.MANUAL_REVIEW, extension("2022-10-15/v1", 4230), Set.of(), null));
        StoredReport stored = changes.store(report, ProcessReport.PROCESSOR, AuditAction.SCORED).report();
        stored = changes.change(stored, stored.report().movedTo(ReportStatus.APPROVED), SUPERVISOR,
                AuditAction.APPROVED, null, null);
        stored = changes.change(stored, stored.report().movedTo(ReportStatus.NEEDS_REVIEW), SUPERVISOR,
                AuditAction.REOPENED, "wrong amount", null);
        return changes.change(stored, stored.report().movedTo(ReportStatus.REJECTED), SUPERVISOR,
                AuditAction.REJECTED, "not affected", null);
    }

    @Test
    void anUntouchedChainIsIntact() {
        StoredReport stored = changedThrice(1, "music");

        VerifyAuditChain.ReportCheck check = verify.report(stored.report().id()).orElseThrow();

        assertThat(check.intact()).isTrue();
        assertThat(check.entries()).isEqualTo(4);
        assertThat(check.version()).isEqualTo(4);
        assertThat(verify.report(id(99))).isEmpty();
    }

    @Test
    void anEditedEntryIsNamed() {
        StoredReport stored = changedThrice(1, "music");
        trail.tamper(entries -> {
            List<AuditEntry> edited = new ArrayList<>(entries);
            AuditEntry second = edited.get(1);
            edited.set(1, new AuditEntry(second.reportId(), 2, second.at(), Actor.staff("sub-x", "someone else",
                    StaffRole.SUPERVISOR), second.action(), second.before(), second.after(), second.reason(),
                    second.detail(), second.previousHash(), second.hash()));
            return edited;
        });

        AuditChain.Verification verification = verify.report(stored.report().id()).orElseThrow().verification();

        assertThat(verification.firstBrokenSequence()).isEqualTo(2L);
        assertThat(verification.problem()).isEqualTo(AuditChain.Problem.HASH_MISMATCH);
    }

    @Test
    void aRemovedEntryAndARemovedLastEntryAreNamed() {
        StoredReport stored = changedThrice(1, "music");

        trail.tamper(entries -> List.of(entries.get(0), entries.get(2), entries.get(3)));
        assertThat(verify.report(stored.report().id()).orElseThrow().verification().problem())
                .isEqualTo(AuditChain.Problem.GAP);

        // The last entry removed from the trail AND replaced on the report by a forged one.
        trail.tamper(entries -> entries.subList(0, 3));
        AuditEntry forged = AuditChain.next(stored.lastEntry(), stored.lastEntry().at(), SUPERVISOR, AuditAction.APPROVED,
                AuditState.of(stored.report()), AuditState.of(stored.report()), null, null);
        AuditEntry forgedWithoutPredecessor = AuditChain.entry(forged.reportId(), 4, forged.at(), forged.actor(),
                forged.action(), forged.before(), forged.after(), null, null, "0".repeat(64));
        AuditChain.Verification verification = AuditChain.verify(trail.entriesOf(stored.report().id()),
                forgedWithoutPredecessor, 4);
        assertThat(verification.problem()).isEqualTo(AuditChain.Problem.WRONG_PREVIOUS_HASH);
        assertThat(verification.firstBrokenSequence()).isEqualTo(4L);
    }

    @Test
    void anEntryOnlyOnTheReportIsNotTamperingButADifferentOneIs() {
        StoredReport stored = changedThrice(1, "music");

        trail.tamper(entries -> entries.subList(0, 3));
        assertThat(verify.report(stored.report().id()).orElseThrow().intact())
                .as("a crash kept entry 4 from the trail: the report carries it").isTrue();

        trail.tamper(entries -> {
            List<AuditEntry> changed = new ArrayList<>(entries.subList(0, 3));
            AuditEntry last = entries.get(3);
            changed.add(AuditChain.entry(last.reportId(), 4, last.at(), last.actor(), AuditAction.APPROVED,
                    last.before(), last.after(), null, null, last.previousHash()));
            return changed;
        });
        AuditChain.Verification verification = verify.report(stored.report().id()).orElseThrow().verification();
        assertThat(verification.problem()).isEqualTo(AuditChain.Problem.DIFFERS_FROM_REPORT);
        assertThat(verification.firstBrokenSequence()).isEqualTo(4L);
    }

    @Test
    void anIncidentsReportsAreCheckedServiceByServiceAndTheBrokenOnesNamed() {
        changedThrice(1, "music");
        StoredReport taxi = changedThrice(2, "taxi");
        changedThrice(3, "taxi");
        trail.tamperOnly(taxi.report().id(), entries -> entries.subList(1, entries.size()));

        VerifyAuditChain.IncidentCheck check = verify.incident(INCIDENT_ID);

        assertThat(check.checked()).isEqualTo(3);
        assertThat(check.intact()).isFalse();
        assertThat(check.broken()).singleElement().satisfies(broken -> {
            assertThat(broken.reportId()).isEqualTo(taxi.report().id());
            assertThat(broken.verification().firstBrokenSequence()).isEqualTo(1L);
        });
    }

    /** What someone with direct access to the table might do to the trail, applied to what the trail returns. */
    private static final class TamperableTrail implements AuditTrail {
        private final AuditTrail delegate;
        private final Map<ReportId, UnaryOperator<List<AuditEntry>>> tampering = new HashMap<>();
        private UnaryOperator<List<AuditEntry>> everyReport = UnaryOperator.identity();

        TamperableTrail(AuditTrail delegate) {
            this.delegate = delegate;
        }

        void tamper(UnaryOperator<List<AuditEntry>> edit) {
            everyReport = edit;
        }

        void tamperOnly(ReportId reportId, UnaryOperator<List<AuditEntry>> edit) {
            tampering.put(reportId, edit);
        }

        @Override
        public void append(AuditEntry entry) {
            delegate.append(entry);
        }

        @Override
        public List<AuditEntry> entriesOf(ReportId reportId) {
            List<AuditEntry> entries = everyReport.apply(delegate.entriesOf(reportId));
            return tampering.getOrDefault(reportId, UnaryOperator.identity()).apply(entries);
        }
    }
}

package dev.damagedesk.application.staff;

import static dev.damagedesk.application.testing.UseCaseFixtures.CLOCK;
import static dev.damagedesk.application.testing.UseCaseFixtures.INCIDENT_ID;
import static dev.damagedesk.application.testing.UseCaseFixtures.RECEIVED_AT;
import static dev.damagedesk.application.testing.UseCaseFixtures.extension;
import static dev.damagedesk.application.testing.UseCaseFixtures.id;
import static dev.damagedesk.application.testing.UseCaseFixtures.music;
import static dev.damagedesk.application.testing.UseCaseFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.application.audit.ReportChanges;
import dev.damagedesk.application.incident.OutageNoticeFanOut;
import dev.damagedesk.application.memory.InMemoryDetectedIncidents;
import dev.damagedesk.application.memory.InMemoryNoticeSubscriptions;
import dev.damagedesk.application.port.OutageNoticePages;
import dev.damagedesk.application.port.OutageNotices;
import dev.damagedesk.domain.detection.DetectedIncident;
import dev.damagedesk.domain.detection.ServiceSpike;
import dev.damagedesk.application.memory.InMemoryAuditTrail;
import dev.damagedesk.application.memory.InMemoryContactIndex;
import dev.damagedesk.application.memory.InMemoryMeasurements;
import dev.damagedesk.application.memory.InMemoryReportStore;
import dev.damagedesk.application.port.StaleReportException;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.application.scoring.ProcessReport;
import dev.damagedesk.application.scoring.SubmittedReport;
import dev.damagedesk.application.testing.UseCaseFixtures.FakeIncidents;
import dev.damagedesk.application.testing.UseCaseFixtures.RecordingNotifications;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.audit.AuditChain;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.privacy.ErasureReason;
import dev.damagedesk.domain.privacy.PersonalDataErasure;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.Reporter;
import dev.damagedesk.domain.risk.InMemoryDuplicateRegistry;
import dev.damagedesk.domain.risk.RiskAssessment;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffNotAllowedException;
import dev.damagedesk.domain.staff.StaffRole;
import dev.damagedesk.domain.triage.AuditSample;
import dev.damagedesk.domain.triage.ReportTriage;
import dev.damagedesk.domain.triage.Triage;
import dev.damagedesk.domain.validation.SubmissionFormat;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reports stored by the processor's use case (real triage, contact index and duplicate claims), then erased. */
class EraseReporterDataTest {

    private static final Actor SUPERVISOR = Actor.staff("sub-s", "supervisor@damagedesk.example", StaffRole.SUPERVISOR);
    private static final Actor REVIEWER = Actor.staff("sub-r", "reviewer@damagedesk.example", StaffRole.REVIEWER);
    private static final String EMAIL = "minji@example.com";
    private static final String PHONE = "010-1234-5678";

    private static final dev.damagedesk.domain.risk.IdentityKeys KEYS = dev.damagedesk.application.testing.UseCaseFixtures.IDENTITY_KEYS;

    private final InMemoryReportStore store = new InMemoryReportStore();
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final InMemoryDuplicateRegistry claims = new InMemoryDuplicateRegistry();
    private final InMemoryContactIndex contacts = new InMemoryContactIndex(KEYS, claims);
    private final ReportChanges changes = new ReportChanges(store, trail, Duration.ofDays(1095), CLOCK);
    private final ProcessReport process = new ProcessReport(
            new FakeIncidents(policy("2022-10-15/v1", version -> extension(version, 4230))), contacts,
            new ReportTriage(RiskAssessment.withDefaults(), claims, new Triage(AuditSample.none()), KEYS), changes,
            new RecordingNotifications(), CLOCK, new InMemoryMeasurements(), KEYS);
    private final EraseReporterData erase = new EraseReporterData(store, changes, contacts, KEYS);
    private final ReportDetails details = new ReportDetails(store, changes, contacts, KEYS,
            (actor, stored) -> EnumSet.noneOf(dev.damagedesk.domain.staff.StaffAction.class));
    private final StaffQueue queue = new StaffQueue(store, contacts, KEYS);

    private StoredReport processed(int n) {
        return processed(n, EMAIL);
    }

    private StoredReport processed(int n, String email) {
        process.process(new SubmittedReport(id(n), RECEIVED_AT, INCIDENT_ID, "token-hash",
                SubmissionFormat.toMap(music(email))));
        return store.find(id(n)).orElseThrow();
    }

    @Test
    void theErasedReportKeepsStatusAndDecisionAndItsChainVerifiesWithTheErasureEntryLast() {
        StoredReport before = processed(1);

        EraseReporterData.Result result = erase.erase(id(1), 1, ErasureReason.REQUEST, SUPERVISOR);

        StoredReport after = store.find(id(1)).orElseThrow();
        assertThat(result).isEqualTo(new EraseReporterData.Erased(after, true));
        assertThat(after.version()).isEqualTo(2);
        assertThat(after.report().submission().reporter()).isEqualTo(Reporter.erased());
        assertThat(after.report().submission().description()).isEqualTo(Reporter.ERASED);
        assertThat(after.report().status()).isEqualTo(before.report().status());
        assertThat(after.report().decision()).isEqualTo(before.report().decision());
        assertThat(after.report().submission().service()).isEqualTo("music");
        assertThat(after.report().submission().amountClaimedKrw()).isEqualTo(10_900L);

        List<AuditEntry> chain = changes.trailOf(after);
        assertThat(AuditChain.verify(chain, after.lastEntry(), after.version()).intact()).isTrue();
        AuditEntry erasure = chain.get(chain.size() - 1);
        assertThat(erasure.action()).isEqualTo(AuditAction.PERSONAL_DATA_ERASED);
        assertThat(erasure.actor()).isEqualTo(SUPERVISOR);
        assertThat(erasure.reason()).isEqualTo("REQUEST");
        assertThat(erasure.detail()).isEqualTo(PersonalDataErasure.ERASED_FIELDS);
        assertThat(erasure.before()).isEqualTo(erasure.after());
        assertThat(chain.get(0)).isEqualTo(before.lastEntry());
        assertThat(chain.stream().map(AuditChain::canonicalForm).toList().toString())
                .doesNotContain("Kim Minji", "minji", "1234-5678", "did not work");
    }

    @Test
    void theContactIndexAndTheDuplicateClaimsNoLongerLeadToTheErasedReport() {
        processed(1);
        processed(2); // the same reporter again: a duplicate of the first
        String emailKey = KEYS.emailKey(EMAIL);
        String phoneKey = KEYS.phoneKey(PHONE).orElseThrow();
        assertThat(queue.byEmail(INCIDENT_ID, EMAIL)).hasSize(2);
        assertThat(store.find(id(2)).orElseThrow().report().duplicateOf()).isEqualTo(id(1));

        erase.erase(id(1), 1, ErasureReason.RETENTION_ENDED, SUPERVISOR);

        assertThat(queue.byEmail(INCIDENT_ID, EMAIL)).extracting(stored -> stored.report().id()).containsExactly(id(2));
        assertThat(queue.byPhone(INCIDENT_ID, PHONE)).extracting(stored -> stored.report().id()).containsExactly(id(2));
        assertThat(contacts.reportsOf(INCIDENT_ID, emailKey)).containsExactly(id(2));
        assertThat(claims.isClaimed(INCIDENT_ID, "music", emailKey)).as("the first report's claim is released").isFalse();
        assertThat(claims.isClaimed(INCIDENT_ID, "music", phoneKey)).isFalse();
        // The duplicate keeps its link (a report id, not personal data); the erased report lists no duplicates.
        assertThat(store.find(id(2)).orElseThrow().report().duplicateOf()).isEqualTo(id(1));
        assertThat(details.of(SUPERVISOR, id(1)).orElseThrow().duplicates()).isEmpty();

        erase.erase(id(2), 1, ErasureReason.RETENTION_ENDED, SUPERVISOR);

        assertThat(contacts.holds(INCIDENT_ID, emailKey)).as("nothing is left under the contact's key").isFalse();
        assertThat(contacts.holds(INCIDENT_ID, phoneKey)).isFalse();
        assertThat(queue.byEmail(INCIDENT_ID, EMAIL)).isEmpty();
    }

    @Test
    void erasingTwiceWritesOneEntryAndAnswersTheSame() {
        processed(1);

        EraseReporterData.Result first = erase.erase(id(1), 1, ErasureReason.REQUEST, SUPERVISOR);
        EraseReporterData.Result retried = erase.erase(id(1), 1, ErasureReason.REQUEST, SUPERVISOR);
        EraseReporterData.Result later = erase.erase(id(1), 2, ErasureReason.RETENTION_ENDED, SUPERVISOR);

        StoredReport stored = store.find(id(1)).orElseThrow();
        assertThat(((EraseReporterData.Erased) first).report()).isEqualTo(stored);
        assertThat(retried).isEqualTo(new EraseReporterData.Erased(stored, false));
        assertThat(later).isEqualTo(new EraseReporterData.Erased(stored, false));
        assertThat(trail.entriesOf(id(1))).extracting(AuditEntry::action)
                .containsExactly(AuditAction.SCORED, AuditAction.PERSONAL_DATA_ERASED);
    }

    @Test
    void aStaleVersionIsRefusedAndNothingIsErased() {
        StoredReport stored = processed(1);
        changes.change(stored, stored.report(), SUPERVISOR, AuditAction.REDRIVEN, null, "message-1");

        assertThatThrownBy(() -> erase.erase(id(1), 1, ErasureReason.REQUEST, SUPERVISOR))
                .isInstanceOf(StaleReportException.class);

        StoredReport now = store.find(id(1)).orElseThrow();
        assertThat(now.report().personalDataErased()).isFalse();
        assertThat(now.version()).isEqualTo(2);
        assertThat(queue.byEmail(INCIDENT_ID, EMAIL)).hasSize(1);
    }

    @Test
    void onlyASupervisorErasesAndAnUnknownReportIsNotFound() {
        processed(1);
        ReportId unknown = id(99);

        assertThatThrownBy(() -> erase.erase(id(1), 1, ErasureReason.REQUEST, REVIEWER))
                .isInstanceOf(StaffNotAllowedException.class);
        assertThat(erase.erase(unknown, 1, ErasureReason.REQUEST, SUPERVISOR))
                .isEqualTo(new EraseReporterData.NotFound(unknown));
        assertThat(store.find(id(1)).orElseThrow().version()).isEqualTo(1);
        assertThat(queue.byEmail(INCIDENT_ID, EMAIL)).hasSize(1);
    }

    @Test
    void anExportOfTheErasedReportHasNoneOfThePersonalDataAndTheSameFigures() {
        StoredReport before = processed(1);
        String figuresBefore = ExportCsv.row(before, false);

        erase.erase(id(1), 1, ErasureReason.REQUEST, SUPERVISOR);

        StoredReport after = store.find(id(1)).orElseThrow();
        String personal = ExportCsv.row(after, true);
        assertThat(personal).doesNotContain("Kim Minji", EMAIL, "1234-5678", "did not work").contains(Reporter.ERASED);
        assertThat(ExportCsv.row(after, false)).isEqualTo(figuresBefore.replace(",1\r\n", ",2\r\n"));
    }

    @Test
    void aConfirmedOutageNoticesTheReportersOfItsWindowButNotAnErasedOne() {
        processed(1);
        processed(3, "jun@example.com");
        erase.erase(id(1), 1, ErasureReason.REQUEST, SUPERVISOR);
        InMemoryDetectedIncidents detected = new InMemoryDetectedIncidents();
        DetectedIncident draft = DetectedIncident.detected(INCIDENT_ID, List.of(new ServiceSpike("music",
                java.util.Map.of(RECEIVED_AT.truncatedTo(java.time.temporal.ChronoUnit.MINUTES), 40L))));
        detected.create(draft);
        DetectedIncident confirmed = draft.confirmed(SUPERVISOR, RECEIVED_AT.plus(Duration.ofHours(3)),
                RECEIVED_AT.minus(Duration.ofHours(3)), null);
        detected.replace(draft, confirmed);
        List<OutageNotices.OutageNotice> notices = new java.util.ArrayList<>();
        OutageNoticeFanOut fanOut = new OutageNoticeFanOut(detected, store, new InMemoryNoticeSubscriptions(),
                notices::addAll, page -> { });

        OutageNoticeFanOut.PageResult page = fanOut.runPage(new OutageNoticePages.OutageNoticePage(confirmed.id(),
                OutageNoticePages.Audience.REPORTERS, "music", null));

        assertThat(page.read()).isEqualTo(2);
        assertThat(notices).extracting(OutageNotices.OutageNotice::recipientEmail).containsExactly("jun@example.com");
    }
}

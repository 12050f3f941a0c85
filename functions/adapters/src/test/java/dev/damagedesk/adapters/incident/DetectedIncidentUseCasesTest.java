package dev.damagedesk.adapters.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.application.audit.AuditOperations;
import dev.damagedesk.application.incident.DecideDetectedIncident;
import dev.damagedesk.application.incident.OutageNoticeFanOut;
import dev.damagedesk.application.memory.InMemoryDetectedIncidents;
import dev.damagedesk.application.memory.InMemoryIncidentRecords;
import dev.damagedesk.application.memory.InMemoryNoticeSubscriptions;
import dev.damagedesk.application.memory.InMemoryOperationsTrail;
import dev.damagedesk.application.memory.InMemoryReportStore;
import dev.damagedesk.application.port.NoticeSubscriptions.Subscription;
import dev.damagedesk.application.port.OperationsTrail;
import dev.damagedesk.application.port.OutageNoticePages.Audience;
import dev.damagedesk.application.port.OutageNoticePages.OutageNoticePage;
import dev.damagedesk.application.port.OutageNotices.OutageNotice;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.audit.AuditChain;
import dev.damagedesk.domain.audit.AuditState;
import dev.damagedesk.domain.audit.OperationAction;
import dev.damagedesk.domain.audit.OperationChain;
import dev.damagedesk.domain.audit.OperationEntry;
import dev.damagedesk.domain.detection.DetectedIncident;
import dev.damagedesk.domain.detection.DetectionState;
import dev.damagedesk.domain.detection.ServiceSpike;
import dev.damagedesk.domain.incident.IncidentStatus;
import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.report.Reporter;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffRole;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Confirming and dismissing a detected incident and the outage-notice fan-out, over in-memory ports holding the
 * bundled 2022 incident and its policy: the confirmed incident is active with a policy, the fan-out pages through
 * the reports received in its window and the subscribers, and a short outage sends nothing.
 */
class DetectedIncidentUseCasesTest {

    private static final Instant FIRST_SEEN = Instant.parse("2026-12-04T01:00:00Z");
    private static final Actor SUPERVISOR = Actor.staff("sub-1", "lead@damagedesk.example", StaffRole.SUPERVISOR);

    private final InMemoryDetectedIncidents detected = new InMemoryDetectedIncidents();
    private final InMemoryIncidentRecords records = new InMemoryIncidentRecords(new IncidentCatalog().get("2022-10-15"));
    private final InMemoryReportStore reports = new InMemoryReportStore();
    private final InMemoryNoticeSubscriptions subscriptions = new InMemoryNoticeSubscriptions();
    private final List<OutageNotice> queuedNotices = new ArrayList<>();
    private final Deque<OutageNoticePage> queuedPages = new ArrayDeque<>();
    private final OutageNoticeFanOut fanOut = new OutageNoticeFanOut(detected, reports, subscriptions,
            queuedNotices::addAll, queuedPages::add);
    private Clock clock = Clock.fixed(FIRST_SEEN.plus(Duration.ofHours(3)), ZoneOffset.UTC);
    private final InMemoryOperationsTrail operations = new InMemoryOperationsTrail();

    private DecideDetectedIncident decide() {
        return new DecideDetectedIncident(detected, records, id -> new PolicyCatalog().latest(id), fanOut, clock,
                new AuditOperations(operations));
    }

    private DetectedIncident draftOf(String... services) {
        return draftOf(FIRST_SEEN, services);
    }

    private DetectedIncident draftOf(Instant firstSeen, String... services) {
        List<ServiceSpike> spikes = new ArrayList<>();
        for (String service : services) {
            spikes.add(new ServiceSpike(service, Map.of(firstSeen, 50L, firstSeen.plusSeconds(60), 80L)));
        }
        DetectedIncident draft = DetectedIncident.detected("2022-10-15", spikes);
        detected.create(draft);
        return draft;
    }

    private void report(int n, String service, String email, Instant receivedAt) {
        Reporter reporter = new Reporter("Reporter " + n, email, "010-0000-" + String.format("%04d", n), null);
        ReportSubmission submission = new ReportSubmission(reporter, n % 2 == 0 ? Language.KO : Language.EN, service,
                Category.FAILED_PURCHASE, FIRST_SEEN, FIRST_SEEN.plusSeconds(3600), 10_000L, "It failed.", true);
        Report report = Report.received(ReportId.newId(receivedAt, new Random(n)), "2022-10-15", submission, receivedAt, "hash");
        reports.insertIfAbsent(report, AuditChain.first(report.id(), receivedAt, Actor.function("ProcessorFunction"),
                AuditAction.SCORED, AuditState.of(report), null, null), receivedAt.plus(Duration.ofDays(1)));
    }

    /** Runs queued pages until none is left, as the job worker would. */
    private int drainPages() {
        int pages = 0;
        while (!queuedPages.isEmpty()) {
            fanOut.runPage(queuedPages.poll());
            pages++;
        }
        return pages;
    }

    @Test
    void confirmingActivatesTheIncidentWithAPolicyAndNotifiesEveryReporterOfItsWindowAndTheSubscribers() {
        DetectedIncident draft = draftOf("messenger");
        // 30 reports in the window (two pages), one before it, one after, one of another service.
        for (int n = 0; n < 30; n++) {
            report(n, "messenger", "reporter" + n + "@example.com", FIRST_SEEN.plusSeconds(n));
        }
        report(100, "messenger", "before@example.com", FIRST_SEEN.minusSeconds(1));
        report(101, "messenger", "after@example.com", draft.window().end());
        report(102, "mail", "other@example.com", FIRST_SEEN.plusSeconds(5));
        subscriptions.subscribe(new Subscription("fan@example.com", Language.EN, Set.of("messenger", "mail"), FIRST_SEEN));
        subscriptions.subscribe(new Subscription("mailonly@example.com", Language.KO, Set.of("mail"), FIRST_SEEN));

        var result = decide().confirm(SUPERVISOR, draft.id(), null, null);
        int pages = drainPages();

        assertThat(result).isInstanceOf(DecideDetectedIncident.Result.Decided.class);
        var decided = (DecideDetectedIncident.Result.Decided) result;
        assertThat(decided.outageNoticesQueued()).isTrue();
        assertThat(decided.policyVersion()).isEqualTo(draft.id() + "/v1");
        assertThat(records.incident(draft.id()).status()).isEqualTo(IncidentStatus.ACTIVE);
        assertThat(records.incident(draft.id()).outageFor("messenger").orElseThrow().duration()).isEqualTo(Duration.ofHours(3));
        assertThat(records.activePolicyVersion(draft.id())).contains(1);
        assertThat(detected.find(draft.id()).orElseThrow().state()).isEqualTo(DetectionState.CONFIRMED);
        assertThat(detected.find(draft.id()).orElseThrow().decision().by()).isEqualTo(SUPERVISOR);
        assertThat(pages).as("reporters in two pages, subscribers in one").isEqualTo(3);
        assertThat(queuedNotices).extracting(OutageNotice::recipientEmail)
                .hasSize(31).contains("reporter0@example.com", "reporter29@example.com", "fan@example.com")
                .doesNotContain("before@example.com", "after@example.com", "other@example.com", "mailonly@example.com");
        OutageNotice first = queuedNotices.get(0);
        assertThat(first.incidentId()).isEqualTo(draft.id());
        assertThat(first.language()).isEqualTo(Language.KO);
        assertThat(first.services()).containsExactly("messenger");
        assertThat(first.downFrom()).isEqualTo(FIRST_SEEN);
        assertThat(first.restoredAt()).isNull();
    }

    @Test
    void anOutageShorterThanTwoHoursIsConfirmedButNotNotified() {
        DetectedIncident draft = draftOf("messenger");
        report(1, "messenger", "reporter@example.com", FIRST_SEEN);

        var result = (DecideDetectedIncident.Result.Decided) decide().confirm(SUPERVISOR, draft.id(), null,
                FIRST_SEEN.plus(Duration.ofMinutes(119)));

        assertThat(result.outageNoticesQueued()).isFalse();
        assertThat(result.incident().state()).isEqualTo(DetectionState.CONFIRMED);
        assertThat(queuedPages).isEmpty();
        assertThat(queuedNotices).isEmpty();
        assertThatThrownBy(() -> fanOut.runPage(new OutageNoticePage(draft.id(), Audience.REPORTERS, "messenger", null)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDismissalWhoseTrailEntryFailedIsRecordedWhenItIsAskedForAgain() {
        DetectedIncident draft = draftOf("payment");
        OperationsTrail failingOnce = operations.failingFirstAppend();
        DecideDetectedIncident deciding = new DecideDetectedIncident(detected, records, id -> new PolicyCatalog().latest(id),
                fanOut, clock, new AuditOperations(failingOnce));

        assertThatThrownBy(() -> deciding.dismiss(SUPERVISOR, draft.id())).hasMessage("audit table unavailable");
        assertThat(detected.find(draft.id()).orElseThrow().state()).isEqualTo(DetectionState.DISMISSED);
        assertThat(operations.latest(10)).isEmpty();

        assertThat(deciding.dismiss(SUPERVISOR, draft.id()))
                .isEqualTo(new DecideDetectedIncident.Result.AlreadyDecided(DetectionState.DISMISSED));
        deciding.dismiss(SUPERVISOR, draft.id());
        assertThat(operations.latest(10)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(OperationAction.DETECTED_INCIDENT_DISMISSED);
            assertThat(entry.actor()).isEqualTo(SUPERVISOR);
            assertThat(entry.at()).isEqualTo(detected.find(draft.id()).orElseThrow().decision().at());
        });
    }

    @Test
    void aRepeatedConfirmationCompletesTheFirstAndADismissedIncidentStaysDismissed() {
        DetectedIncident confirmedTwice = draftOf("mail");
        decide().confirm(SUPERVISOR, confirmedTwice.id(), null, FIRST_SEEN.plus(Duration.ofHours(2)));
        queuedPages.clear();
        var again = decide().confirm(SUPERVISOR, confirmedTwice.id(), null, null);
        assertThat(again).isInstanceOf(DecideDetectedIncident.Result.Decided.class);
        assertThat(((DecideDetectedIncident.Result.Decided) again).incident().decision().restoredAt())
                .as("the first decision stands").isEqualTo(FIRST_SEEN.plus(Duration.ofHours(2)));
        assertThat(queuedPages).as("its notices queued again, the ledger sends them once").hasSize(2);
        assertThat(decide().dismiss(SUPERVISOR, confirmedTwice.id()))
                .isEqualTo(new DecideDetectedIncident.Result.AlreadyDecided(DetectionState.CONFIRMED));

        detected.replace(detected.open().orElseThrow(), detected.open().orElseThrow().ended());
        DetectedIncident dismissed = draftOf(FIRST_SEEN.plusSeconds(3600), "payment");
        clock = Clock.offset(clock, Duration.ofMinutes(1));
        assertThat(decide().dismiss(SUPERVISOR, dismissed.id())).isInstanceOf(DecideDetectedIncident.Result.Decided.class);
        assertThat(decide().confirm(SUPERVISOR, dismissed.id(), null, null))
                .isEqualTo(new DecideDetectedIncident.Result.AlreadyDecided(DetectionState.DISMISSED));
        assertThat(decide().confirm(SUPERVISOR, "detected-nothing", null, null)).isInstanceOf(DecideDetectedIncident.Result.NotFound.class);
        assertThatThrownBy(() -> decide().confirm(Actor.staff("r", "reviewer@damagedesk.example", StaffRole.REVIEWER),
                dismissed.id(), null, null)).isInstanceOf(IllegalArgumentException.class);

        // the operations trail has each decision once, by the supervisor, the repeated confirmation included
        List<OperationEntry> trail = operations.latest(10);
        assertThat(trail).extracting(OperationEntry::action).containsExactly(
                OperationAction.DETECTED_INCIDENT_CONFIRMED, OperationAction.DETECTED_INCIDENT_DISMISSED);
        assertThat(trail).extracting(OperationEntry::subject).containsExactly(
                "detected-incident:" + confirmedTwice.id(), "detected-incident:" + dismissed.id());
        assertThat(trail).extracting(OperationEntry::actor).containsOnly(SUPERVISOR);
        assertThat(trail.get(0).detail()).isEqualTo("services mail; down from " + FIRST_SEEN + " to "
                + FIRST_SEEN.plus(Duration.ofHours(2)) + " (120 min); policy " + confirmedTwice.id() + "/v1;"
                + " outage notices queued");
        assertThat(trail.get(1).detail()).startsWith("services payment; first seen " + FIRST_SEEN.plusSeconds(3600));
        assertThat(OperationChain.verify(trail).intact()).isTrue();
    }
}

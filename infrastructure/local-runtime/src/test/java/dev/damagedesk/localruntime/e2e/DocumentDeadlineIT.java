package dev.damagedesk.localruntime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.adapters.incident.IncidentDirectory;
import dev.damagedesk.adapters.queue.MessageQueue;
import dev.damagedesk.adapters.queue.SqsNotifications;
import dev.damagedesk.adapters.repository.DynamoDbAuditTrail;
import dev.damagedesk.adapters.repository.DynamoDbReportStore;
import dev.damagedesk.application.audit.ReportChanges;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.application.port.Measurements;
import dev.damagedesk.application.staff.DecideReport;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffAction;
import dev.damagedesk.domain.staff.StaffDecision;
import dev.damagedesk.domain.staff.StaffDecisions;
import dev.damagedesk.domain.staff.StaffRole;
import dev.damagedesk.localaws.mailbox.LocalMailbox.SentEmail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The document deadline end to end through the local runtime: a report submitted over HTTP goes to review (a
 * repeated report, linked as a duplicate); a
 * reviewer asks for documents (the staff use case, two days ago, due yesterday), and the reporter is emailed; the
 * template's {@code Schedule} event fires: the report is back with a person, and firing it again changes nothing.
 */
class DocumentDeadlineIT {

    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final Actor REVIEWER = Actor.staff("sub-deadline", "reviewer@damagedesk.example", StaffRole.REVIEWER);

    private static LocalRuntimeUnderTest runtime;
    private static PublicApiClient api;

    @BeforeAll
    static void start() {
        runtime = LocalRuntimeUnderTest.start();
        api = new PublicApiClient(runtime.apiBaseUri());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void aDocumentRequestPastItsDeadlineGoesBackToAPersonWhenTheScheduleFires() throws Exception {
        String email = "deadline-" + UUID.randomUUID() + "@example.com";
        // the same reporter reports the same service twice: the second report is a duplicate, which a person reviews
        PublicApiClient.Reply first = api.submit(PublicApiClient.validReport(email));
        assertThat(first.status()).isEqualTo(202);
        String firstId = (String) first.json().get("reportId");
        String firstToken = (String) first.json().get("trackingToken");
        Eventually.await("the first report to be scored", LIMIT, () ->
                "RECEIVED".equals(api.status(firstId, firstToken).json().get("status")) ? Optional.empty() : Optional.of(true));
        PublicApiClient.Reply accepted = api.submit(PublicApiClient.validReport(email));
        assertThat(accepted.status()).isEqualTo(202);
        String reportId = (String) accepted.json().get("reportId");
        String token = (String) accepted.json().get("trackingToken");
        awaitStatus(reportId, token, "NEEDS_REVIEW");

        Map<String, String> environment = runtime.cloud().functionEnvironment("DocumentDeadlineFunction");
        DynamoDbAuditTrail trail = new DynamoDbAuditTrail(runtime.cloud().aws().dynamoDb(), environment.get("AUDIT_TABLE"));
        DynamoDbReportStore store = new DynamoDbReportStore(runtime.cloud().aws().dynamoDb(),
                environment.get("REPORTS_TABLE"), trail);
        ReportId id = ReportId.parse(reportId).orElseThrow();
        StoredReport review = store.find(id).orElseThrow();
        Instant now = Instant.now();
        Instant dueBy = now.minus(Duration.ofDays(1));
        Clock twoDaysAgo = Clock.fixed(now.minus(Duration.ofDays(2)), ZoneOffset.UTC);
        DecideReport decide = new DecideReport(store, new ReportChanges(store, trail, Duration.ofDays(1095), twoDaysAgo),
                new StaffDecisions(100_000), IncidentDirectory.forFunction(runtime.cloud().aws().dynamoDb(),
                environment.get("REPORTS_TABLE"), twoDaysAgo),
                new SqsNotifications(new MessageQueue(runtime.cloud().aws().sqs(),
                        runtime.cloud().resources().queueUrl("NotificationQueue"))), twoDaysAgo, Measurements.NONE);
        DecideReport.Result requested = decide.decide(id, review.version(), new StaffDecision(
                StaffAction.REQUEST_DOCUMENTS, null, "The receipt of the failed payment", dueBy, null), REVIEWER);
        assertThat(requested).isInstanceOf(DecideReport.Decided.class);
        StoredReport waiting = ((DecideReport.Decided) requested).report();
        assertThat(api.status(reportId, token).json().get("status")).isEqualTo("NEEDS_DOCUMENTS");
        SentEmail request = Eventually.await("the document request email", LIMIT, () ->
                mailbox().sentTo(email).stream().filter(sent -> sent.subject().contains("Documents needed")).findFirst());
        assertThat(request.text()).contains("What we need: The receipt of the failed payment")
                .contains("Korea time (KST, UTC+9)");

        runtime.schedules().trigger("DocumentDeadlineFunction", "HourlyDeadlineCheck");

        awaitStatus(reportId, token, "NEEDS_REVIEW");
        StoredReport moved = store.find(id).orElseThrow();
        assertThat(moved.version()).isEqualTo(waiting.version() + 1);
        assertThat(moved.report().documentsDueBy()).isNull();
        List<AuditEntry> entries = trail.entriesOf(id);
        AuditEntry overdue = entries.get(entries.size() - 1);
        assertThat(overdue.action()).isEqualTo(AuditAction.DOCUMENTS_OVERDUE);
        assertThat(overdue.actor()).isEqualTo(Actor.function("DocumentDeadlineFunction"));
        assertThat(overdue.previousHash()).isEqualTo(waiting.lastEntry().hash());

        runtime.schedules().trigger("DocumentDeadlineFunction", "HourlyDeadlineCheck");
        assertThat(store.find(id).orElseThrow().version()).isEqualTo(moved.version());
        assertThat(trail.entriesOf(id)).hasSize(entries.size());
    }

    private static dev.damagedesk.localaws.mailbox.LocalMailbox mailbox() {
        return runtime.cloud().aws().mailbox();
    }

    private static void awaitStatus(String reportId, String token, String wanted) {
        Eventually.await("the report in " + wanted, LIMIT, () -> {
            Object status = api.status(reportId, token).json().get("status");
            return wanted.equals(status) ? Optional.of(wanted) : Optional.empty();
        });
    }
}

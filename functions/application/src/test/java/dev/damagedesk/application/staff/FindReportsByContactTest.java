package dev.damagedesk.application.staff;

import static dev.damagedesk.application.testing.UseCaseFixtures.CLOCK;
import static dev.damagedesk.application.testing.UseCaseFixtures.INCIDENT_ID;
import static dev.damagedesk.application.testing.UseCaseFixtures.RECEIVED_AT;
import static dev.damagedesk.application.testing.UseCaseFixtures.extension;
import static dev.damagedesk.application.testing.UseCaseFixtures.id;
import static dev.damagedesk.application.testing.UseCaseFixtures.music;
import static dev.damagedesk.application.testing.UseCaseFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.application.audit.ReportChanges;
import dev.damagedesk.application.memory.InMemoryAuditTrail;
import dev.damagedesk.application.memory.InMemoryReportStore;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.application.scoring.ProcessReport;
import dev.damagedesk.application.scoring.SubmittedReport;
import dev.damagedesk.application.testing.UseCaseFixtures.FakeIncidents;
import dev.damagedesk.application.testing.UseCaseFixtures.MemoryContacts;
import dev.damagedesk.application.testing.UseCaseFixtures.RecordingNotifications;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.report.Reporter;
import dev.damagedesk.domain.risk.InMemoryDuplicateRegistry;
import dev.damagedesk.domain.risk.RiskAssessment;
import dev.damagedesk.domain.triage.AuditSample;
import dev.damagedesk.domain.triage.ReportTriage;
import dev.damagedesk.domain.triage.Triage;
import dev.damagedesk.domain.validation.SubmissionFormat;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reports processed for real (ProcessReport records every identity key), then found by email or phone. */
class FindReportsByContactTest {

    private final InMemoryReportStore store = new InMemoryReportStore();
    private final MemoryContacts contacts = new MemoryContacts();
    private final ProcessReport process = new ProcessReport(
            new FakeIncidents(policy("2022-10-15/v1", version -> extension(version, 4230))), contacts,
            new ReportTriage(RiskAssessment.withDefaults(), new InMemoryDuplicateRegistry(), new Triage(AuditSample.none())),
            new ReportChanges(store, new InMemoryAuditTrail(), Duration.ofDays(1095), CLOCK),
            new RecordingNotifications(), CLOCK);
    private final FindReportsByContact find = new FindReportsByContact(contacts, store);

    private void submit(ReportId id, String email, String phone, int minutesLater) {
        ReportSubmission music = music(email);
        ReportSubmission submission = new ReportSubmission(new Reporter("Kim Minji", email, phone, null),
                music.language(), music.service(), music.category(), music.occurredFrom(), music.occurredTo(),
                music.amountClaimedKrw(), music.description(), true);
        process.process(new SubmittedReport(id, RECEIVED_AT.plusSeconds(60L * minutesLater), INCIDENT_ID, "hash",
                SubmissionFormat.toMap(submission)));
    }

    @Test
    void aReporterIsFoundByAnyFormOfTheirEmailOrPhone() {
        submit(id(1), "Minji@Example.com", "010-1234-5678", 0);
        submit(id(2), "minji+fire@example.com", null, 5);
        submit(id(3), "other@example.com", "+82 10 1234 5678", 10);
        submit(id(4), "someone@example.com", "010-9999-0000", 15);

        assertThat(ids(find.byEmail(" MINJI@example.com", List.of(INCIDENT_ID)))).containsExactly(id(1), id(2));
        assertThat(ids(find.byPhone("01012345678", List.of(INCIDENT_ID)))).containsExactly(id(1), id(3));
        assertThat(find.byPhone("12", List.of(INCIDENT_ID))).isEmpty();
        assertThat(find.byEmail("minji@example.com", List.of("another-incident"))).isEmpty();
        assertThat(find.byEmail("nobody@example.com", List.of(INCIDENT_ID))).isEmpty();
    }

    private static List<ReportId> ids(List<StoredReport> reports) {
        return reports.stream().map(stored -> stored.report().id()).toList();
    }
}

package dev.damagedesk.application.scoring;

import static dev.damagedesk.application.testing.UseCaseFixtures.CLOCK;
import static dev.damagedesk.application.testing.UseCaseFixtures.IDENTITY_KEYS;
import static dev.damagedesk.application.testing.UseCaseFixtures.INCIDENT_ID;
import static dev.damagedesk.application.testing.UseCaseFixtures.RECEIVED_AT;
import static dev.damagedesk.application.testing.UseCaseFixtures.extension;
import static dev.damagedesk.application.testing.UseCaseFixtures.id;
import static dev.damagedesk.application.testing.UseCaseFixtures.music;
import static dev.damagedesk.application.testing.UseCaseFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.application.PermanentFailureException;
import dev.damagedesk.application.audit.ReportChanges;
import dev.damagedesk.application.memory.InMemoryAuditTrail;
import dev.damagedesk.application.memory.InMemoryMeasurements;
import dev.damagedesk.application.memory.InMemoryReportStore;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.application.testing.UseCaseFixtures.FakeIncidents;
import dev.damagedesk.application.testing.UseCaseFixtures.MemoryContacts;
import dev.damagedesk.application.testing.UseCaseFixtures.RecordingNotifications;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.risk.InMemoryDuplicateRegistry;
import dev.damagedesk.domain.risk.ReporterIdentity;
import dev.damagedesk.domain.risk.RiskAssessment;
import dev.damagedesk.domain.triage.AuditSample;
import dev.damagedesk.domain.triage.ReportTriage;
import dev.damagedesk.domain.triage.Triage;
import dev.damagedesk.domain.validation.SubmissionFormat;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessReportTest {

    private final InMemoryReportStore store = new InMemoryReportStore();
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final MemoryContacts contacts = new MemoryContacts();
    private final RecordingNotifications notifications = new RecordingNotifications();
    private final InMemoryMeasurements measurements = new InMemoryMeasurements();
    private final ProcessReport process = new ProcessReport(
            new FakeIncidents(policy("2022-10-15/v1", version -> extension(version, 4230))),
            contacts,
            new ReportTriage(RiskAssessment.withDefaults(), new InMemoryDuplicateRegistry(), new Triage(AuditSample.none()),
                    IDENTITY_KEYS),
            new ReportChanges(store, trail, Duration.ofDays(1095), CLOCK),
            notifications,
            CLOCK,
            measurements,
            IDENTITY_KEYS);

    private static SubmittedReport submitted(ReportId id, String email) {
        return new SubmittedReport(id, RECEIVED_AT, INCIDENT_ID, "token-hash", SubmissionFormat.toMap(music(email)));
    }

    @Test
    void aReportIsScoredStoredWithItsFirstAuditEntryAndAcknowledged() {
        assertThat(process.process(submitted(id(1), "minji@example.com"))).isTrue();

        StoredReport stored = store.find(id(1)).orElseThrow();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.report().status()).isEqualTo(ReportStatus.AUTO_APPROVED);
        assertThat(stored.report().decision()).isEqualTo(extension("2022-10-15/v1", 4230));
        AuditEntry scored = stored.lastEntry();
        assertThat(scored.action()).isEqualTo(AuditAction.SCORED);
        assertThat(scored.actor()).isEqualTo(ProcessReport.PROCESSOR);
        assertThat(scored.before()).isNull();
        assertThat(scored.after().status()).isEqualTo(ReportStatus.AUTO_APPROVED);
        assertThat(scored.after().extensionMinutes()).isEqualTo(4230);
        assertThat(trail.entriesOf(id(1))).containsExactly(scored);
        assertThat(notifications.acknowledged).containsExactly(stored);
    }

    @Test
    void aStoredReportIsMeasuredOnceWithItsLagAndRuleAndARedeliveryAddsNothing() {
        process.process(submitted(id(1), "minji@example.com"));
        process.process(submitted(id(1), "minji@example.com"));

        String rule = store.find(id(1)).orElseThrow().report().decision().ruleId();
        assertThat(measurements.counts()).containsOnly(
                org.assertj.core.api.Assertions.entry("reportStored", 1),
                org.assertj.core.api.Assertions.entry("decided:" + rule, 1));
        assertThat(measurements.lags()).containsExactly(Duration.between(RECEIVED_AT, CLOCK.instant()));
    }

    @Test
    void aRedeliveryStoresNothingTwiceAndAcknowledgesWhatIsStored() {
        process.process(submitted(id(1), "minji@example.com"));

        assertThat(process.process(submitted(id(1), "minji@example.com"))).isFalse();

        assertThat(store.size()).isEqualTo(1);
        assertThat(trail.entriesOf(id(1))).hasSize(1);
        assertThat(notifications.acknowledged).hasSize(2).allMatch(ack -> ack.equals(store.find(id(1)).orElseThrow()));
    }

    @Test
    void everyIdentityKeyOfTheReporterFindsTheReport() {
        process.process(submitted(id(1), "minji@example.com"));

        ReporterIdentity identity = ReporterIdentity.of(music("minji@example.com").reporter());
        assertThat(IDENTITY_KEYS.of(identity)).hasSize(2);
        for (String key : IDENTITY_KEYS.of(identity)) {
            assertThat(contacts.reportsOf(INCIDENT_ID, key)).containsExactly(id(1));
        }
    }

    @Test
    void anUnknownIncidentOrAnInvalidSubmissionIsAPermanentFailure() {
        SubmittedReport good = submitted(id(1), "minji@example.com");
        SubmittedReport otherIncident = new SubmittedReport(good.reportId(), good.receivedAt(), "1999-01-01",
                good.tokenHash(), good.submission());
        Map<String, Object> noEmail = new HashMap<>(good.submission());
        noEmail.put("reporter", Map.of("name", "Kim Minji"));
        SubmittedReport invalid = new SubmittedReport(good.reportId(), good.receivedAt(), INCIDENT_ID,
                good.tokenHash(), noEmail);

        assertThatThrownBy(() -> process.process(otherIncident)).isInstanceOf(PermanentFailureException.class);
        assertThatThrownBy(() -> process.process(invalid)).isInstanceOf(PermanentFailureException.class)
                .hasMessageContaining("reporter.email")
                .hasMessageNotContaining("Kim Minji");
        assertThat(store.size()).isZero();
        assertThat(notifications.acknowledged).isEmpty();
    }
}

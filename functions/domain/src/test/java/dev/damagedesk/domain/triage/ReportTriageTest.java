package dev.damagedesk.domain.triage;

import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.report.Reporter;
import dev.damagedesk.domain.risk.InMemoryDuplicateRegistry;
import dev.damagedesk.domain.risk.RiskAssessment;
import dev.damagedesk.domain.risk.RiskFlag;
import dev.damagedesk.domain.scoring.CompensationPolicy;
import org.junit.jupiter.api.Test;

import static dev.damagedesk.domain.testing.ReportFixtures.INCIDENT;
import static dev.damagedesk.domain.testing.ReportFixtures.extension;
import static dev.damagedesk.domain.testing.ReportFixtures.fixedPolicy;
import static dev.damagedesk.domain.testing.ReportFixtures.id;
import static dev.damagedesk.domain.testing.ReportFixtures.music;
import static dev.damagedesk.domain.testing.ReportFixtures.received;
import static dev.damagedesk.domain.testing.ReportFixtures.IDENTITY_KEYS;
import static dev.damagedesk.domain.testing.ReportFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;

class ReportTriageTest {

    private static final CompensationPolicy POLICY = fixedPolicy("2022-10-15/v1", (version, s) -> extension(version, 4230));

    private final InMemoryDuplicateRegistry registry = new InMemoryDuplicateRegistry();
    private final ReportTriage triage = new ReportTriage(RiskAssessment.withDefaults(), registry,
            new Triage(AuditSample.none()), IDENTITY_KEYS);

    @Test
    void aFirstReportIsScoredAndAutoApproved() {
        Report report = triage.scoreAndTriage(received(id(1), music()), INCIDENT, POLICY, 1);

        assertThat(report.status()).isEqualTo(ReportStatus.AUTO_APPROVED);
        assertThat(report.triageReason()).isEqualTo(TriageReason.AUTO_APPROVED);
        assertThat(report.decision()).isEqualTo(extension("2022-10-15/v1", 4230));
        assertThat(report.duplicate()).isEmpty();
    }

    @Test
    void theSameReporterForTheSameServiceIsADuplicateOfTheFirstAndIsNotPaid() {
        Report first = triage.scoreAndTriage(received(id(1), music()), INCIDENT, POLICY, 1);
        ReportSubmission again = submission("music", Category.PAID_SUBSCRIPTION, 10_900L,
                new Reporter("김민지", "MINJI+again@example.com", null, null));

        Report second = triage.scoreAndTriage(received(id(2), again), INCIDENT, POLICY, 2);

        assertThat(second.status()).isEqualTo(ReportStatus.NEEDS_REVIEW);
        assertThat(second.triageReason()).isEqualTo(TriageReason.DUPLICATE);
        assertThat(second.duplicateOf()).isEqualTo(first.id());
        assertThat(second.decision().ruleId()).isEqualTo(Triage.DUPLICATE_RULE_ID);
        assertThat(second.decision().extensionMinutes()).isZero();
        assertThat(second.decision().amountKrw()).isZero();
    }

    @Test
    void anotherServiceOfTheSameReporterIsNoDuplicate() {
        triage.scoreAndTriage(received(id(1), music()), INCIDENT, POLICY, 1);
        Report taxi = triage.scoreAndTriage(received(id(2),
                submission("taxi", Category.PAID_SUBSCRIPTION, 10_900L, music().reporter())), INCIDENT, POLICY, 2);

        assertThat(taxi.status()).isEqualTo(ReportStatus.AUTO_APPROVED);
    }

    @Test
    void aRedeliveredMessageIsTriagedTheSameWay() {
        Report first = triage.scoreAndTriage(received(id(1), music()), INCIDENT, POLICY, 1);
        Report duplicate = triage.scoreAndTriage(received(id(2), music()), INCIDENT, POLICY, 2);

        assertThat(triage.scoreAndTriage(received(id(1), music()), INCIDENT, POLICY, 1)).isEqualTo(first);
        assertThat(triage.scoreAndTriage(received(id(2), music()), INCIDENT, POLICY, 2)).isEqualTo(duplicate);
    }

    @Test
    void riskFlagsAreRecordedAndRouteToReview() {
        Report many = triage.scoreAndTriage(received(id(1), music()), INCIDENT, POLICY, 6);

        assertThat(many.status()).isEqualTo(ReportStatus.NEEDS_REVIEW);
        assertThat(many.riskFlags()).containsExactly(RiskFlag.MANY_REPORTS_FROM_CONTACT);
        assertThat(many.decision().extensionMinutes()).isEqualTo(4230);
    }
}

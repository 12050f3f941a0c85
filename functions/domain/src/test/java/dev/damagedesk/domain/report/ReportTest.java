package dev.damagedesk.domain.report;

import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.scoring.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportTest {

    private static final Instant RECEIVED_AT = Instant.parse("2022-10-19T01:00:00Z");
    private static final ReportSubmission SUBMISSION = new ReportSubmission(
            new Reporter("Kim Minji", "minji@example.com", null, null), Language.KO, "music",
            Category.PAID_SUBSCRIPTION, Instant.parse("2022-10-15T06:30:00Z"), Instant.parse("2022-10-16T06:00:00Z"),
            null, "No music.", true);
    private static final ReportId ID = new ReportId("01GFNPZ5Y0ABCDEFGHJKMNPQRS");

    @Test
    void aNewReportWaitsForItsDecision() {
        Report report = Report.received(ID, "2022-10-15", SUBMISSION, RECEIVED_AT, "hash");

        assertThat(report.status()).isEqualTo(ReportStatus.RECEIVED);
        assertThat(report.decision()).isNull();
    }

    @Test
    void aDecisionSetsTheStatusItLeadsTo() {
        Report received = Report.received(ID, "2022-10-15", SUBMISSION, RECEIVED_AT, "hash");
        Decision review = new Decision(Outcome.MANUAL_REVIEW, "rule", "v1", 0, 0, "Review.", "검토.");
        Decision extension = new Decision(Outcome.EXTENSION, "rule", "v1", 0, 4230, "Extended.", "연장.");

        assertThat(received.decided(review).status()).isEqualTo(ReportStatus.NEEDS_REVIEW);
        assertThat(received.decided(extension))
                .isEqualTo(new Report(ID, "2022-10-15", SUBMISSION, RECEIVED_AT, ReportStatus.SCORED, extension, "hash"));
    }

    @Test
    void requiredPartsCannotBeNull() {
        assertThatThrownBy(() -> new Report(ID, "2022-10-15", SUBMISSION, RECEIVED_AT, ReportStatus.RECEIVED, null, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Reporter(null, "a@b.c", null, null)).isInstanceOf(NullPointerException.class);
    }
}

package dev.damagedesk.domain.report;

import dev.damagedesk.domain.risk.RiskFlag;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.scoring.Outcome;
import dev.damagedesk.domain.triage.IllegalTransitionException;
import dev.damagedesk.domain.triage.TriageReason;
import dev.damagedesk.domain.triage.TriageResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportTest {

    private static final Instant RECEIVED_AT = Instant.parse("2022-10-19T01:00:00Z");
    private static final ReportSubmission SUBMISSION = new ReportSubmission(
            new Reporter("Kim Minji", "minji@example.com", null, null), Language.KO, "music",
            Category.PAID_SUBSCRIPTION, Instant.parse("2022-10-15T06:30:00Z"), Instant.parse("2022-10-16T06:00:00Z"),
            null, "No music.", true);
    private static final ReportId ID = new ReportId("01GFNPZ5Y0ABCDEFGHJKMNPQRS");
    private static final ReportId FIRST = new ReportId("01GFNPZ5Y0ABCDEFGHJKMNPQRT");
    private static final Decision EXTENSION = new Decision(Outcome.EXTENSION, "rule", "v1", 0, 4230, "Extended.", "연장.");

    private static Report received() {
        return Report.received(ID, "2022-10-15", SUBMISSION, RECEIVED_AT, "hash");
    }

    @Test
    void aNewReportWaitsForItsDecision() {
        Report report = received();

        assertThat(report.status()).isEqualTo(ReportStatus.RECEIVED);
        assertThat(report.decision()).isNull();
        assertThat(report.triageReason()).isNull();
        assertThat(report.riskFlags()).isEmpty();
        assertThat(report.duplicate()).isEmpty();
        assertThat(report.documentsDueBy()).isNull();
        assertThat(report.flaggedUnderPolicy()).isNull();
    }

    @Test
    void triageRecordsTheDecisionStatusReasonFlagsAndLink() {
        TriageResult triage = new TriageResult(ReportStatus.NEEDS_REVIEW, TriageReason.DUPLICATE, EXTENSION,
                Set.of(RiskFlag.OUTLIER_AMOUNT), FIRST);

        Report triaged = received().triaged(triage);

        assertThat(triaged).isEqualTo(new Report(ID, "2022-10-15", SUBMISSION, RECEIVED_AT, ReportStatus.NEEDS_REVIEW,
                EXTENSION, "hash", TriageReason.DUPLICATE, Set.of(RiskFlag.OUTLIER_AMOUNT), FIRST, null, null));
        assertThat(triaged.duplicate()).contains(FIRST);
    }

    @Test
    void aStaffDecisionCannotBeTriagedAgain() {
        Report approved = received()
                .triaged(new TriageResult(ReportStatus.NEEDS_REVIEW, TriageReason.MANUAL_REVIEW, EXTENSION, Set.of(), null))
                .movedTo(ReportStatus.APPROVED);
        TriageResult again = new TriageResult(ReportStatus.AUTO_APPROVED, TriageReason.AUTO_APPROVED, EXTENSION, Set.of(), null);

        assertThatThrownBy(() -> approved.triaged(again)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void statusChangesFollowTheTransitions() {
        Report autoApproved = received()
                .triaged(new TriageResult(ReportStatus.AUTO_APPROVED, TriageReason.AUTO_APPROVED, EXTENSION, Set.of(), null));

        Report paid = autoApproved.movedTo(ReportStatus.PAID);
        assertThat(paid.status()).isEqualTo(ReportStatus.PAID);
        assertThat(paid.decision()).isEqualTo(EXTENSION);
        assertThat(paid.triageReason()).isEqualTo(TriageReason.AUTO_APPROVED);
        assertThat(paid.movedTo(ReportStatus.DISPUTED).status()).isEqualTo(ReportStatus.DISPUTED);
        assertThatThrownBy(() -> autoApproved.movedTo(ReportStatus.REJECTED))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> received().movedTo(ReportStatus.APPROVED))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aFlagTellsWhichPolicyVersionsTheReportCarries() {
        Report triaged = received()
                .triaged(new TriageResult(ReportStatus.AUTO_APPROVED, TriageReason.AUTO_APPROVED, EXTENSION, Set.of(), null))
                .movedTo(ReportStatus.PAID);

        Report flagged = triaged.flaggedBy("v2");

        assertThat(flagged.flaggedUnderPolicy()).isEqualTo("v2");
        assertThat(flagged.status()).isEqualTo(ReportStatus.PAID);
        assertThat(flagged.decision()).isEqualTo(triaged.decision());
        assertThat(flagged.carriesPolicyVersion("v1")).isTrue();
        assertThat(flagged.carriesPolicyVersion("v2")).isTrue();
        assertThat(triaged.carriesPolicyVersion("v2")).isFalse();
        assertThat(received().carriesPolicyVersion("v1")).isFalse();
    }

    @Test
    void aDocumentDeadlineIsKeptOnlyWhileTheReportWaitsForDocuments() {
        Report review = received()
                .triaged(new TriageResult(ReportStatus.NEEDS_REVIEW, TriageReason.MANUAL_REVIEW, EXTENSION, Set.of(), null));
        Instant due = RECEIVED_AT.plus(java.time.Duration.ofDays(14));

        Report waiting = review.decided(ReportStatus.NEEDS_DOCUMENTS, EXTENSION, null, due);
        assertThat(waiting.documentsDueBy()).isEqualTo(due);

        assertThat(waiting.movedTo(ReportStatus.NEEDS_REVIEW).documentsDueBy()).isNull();
        assertThat(review.decided(ReportStatus.APPROVED, EXTENSION, null, due).documentsDueBy()).isNull();
    }

    @Test
    void requiredPartsCannotBeNull() {
        assertThatThrownBy(() -> new Report(ID, "2022-10-15", SUBMISSION, RECEIVED_AT, ReportStatus.RECEIVED, null, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Reporter(null, "a@b.c", null, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void onlyAReceivedReportMayLackADecision() {
        assertThatThrownBy(() -> new Report(ID, "2022-10-15", SUBMISSION, RECEIVED_AT, ReportStatus.AUTO_APPROVED, null, "hash"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

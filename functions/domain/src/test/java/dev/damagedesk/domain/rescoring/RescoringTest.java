package dev.damagedesk.domain.rescoring;

import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.risk.RiskFlag;
import dev.damagedesk.domain.scoring.CompensationPolicy;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.scoring.Outcome;
import dev.damagedesk.domain.triage.AuditSample;
import dev.damagedesk.domain.triage.Triage;
import dev.damagedesk.domain.triage.TriageReason;
import dev.damagedesk.domain.triage.TriageResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static dev.damagedesk.domain.testing.ReportFixtures.INCIDENT;
import static dev.damagedesk.domain.testing.ReportFixtures.documentsReview;
import static dev.damagedesk.domain.testing.ReportFixtures.extension;
import static dev.damagedesk.domain.testing.ReportFixtures.fixedPolicy;
import static dev.damagedesk.domain.testing.ReportFixtures.id;
import static dev.damagedesk.domain.testing.ReportFixtures.manualReview;
import static dev.damagedesk.domain.testing.ReportFixtures.music;
import static dev.damagedesk.domain.testing.ReportFixtures.payment;
import static dev.damagedesk.domain.testing.ReportFixtures.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RescoringTest {

    private static final String V1 = "2022-10-15/v1";
    private static final String V2 = "2022-10-15/v2";
    private static final Instant AT = Instant.parse("2022-11-01T00:00:00Z");
    private static final CompensationPolicy V2_LONGER_EXTENSION = fixedPolicy(V2, (v, s) -> extension(v, 5000));
    private static final CompensationPolicy V2_SAME_EXTENSION = fixedPolicy(V2, (v, s) -> extension(v, 4230));

    private final Triage noAudit = new Triage(AuditSample.none());
    private final Rescoring rescoring = new Rescoring(noAudit);

    /** A music report triaged under v1 with this decision. */
    private Report triagedUnderV1(ReportId id, Decision decision) {
        return received(id, music()).triaged(noAudit.triage(id, music(), decision, Set.of(), Optional.empty()));
    }

    @Test
    void aReportAlreadyUnderTheVersionIsUnchanged() {
        Report report = triagedUnderV1(id(1), extension(V1, 4230));

        assertThat(rescoring.rescore(report, fixedPolicy(V1, (v, s) -> extension(v, 9999)), INCIDENT, AT))
                .isEqualTo(new Rescoring.Unchanged(report));
    }

    @Test
    void anUndecidedReportIsRescoredAndRetriaged() {
        Report report = triagedUnderV1(id(1), manualReview(V1));
        assertThat(report.status()).isEqualTo(ReportStatus.NEEDS_REVIEW);

        Rescoring.Result result = rescoring.rescore(report, V2_LONGER_EXTENSION, INCIDENT, AT);

        assertThat(result).isInstanceOfSatisfying(Rescoring.Rescored.class, rescored -> {
            assertThat(rescored.before()).isEqualTo(manualReview(V1));
            assertThat(rescored.after()).isEqualTo(extension(V2, 5000));
            assertThat(rescored.newStatus()).isEqualTo(ReportStatus.AUTO_APPROVED);
            Report stored = rescored.report();
            assertThat(stored.status()).isEqualTo(ReportStatus.AUTO_APPROVED);
            assertThat(stored.decision()).isEqualTo(extension(V2, 5000));
            assertThat(stored.triageReason()).isEqualTo(TriageReason.AUTO_APPROVED);
            assertThat(stored.flaggedUnderPolicy()).isNull();
        });
    }

    @ParameterizedTest
    @EnumSource(value = ReportStatus.class, names = {"AUTO_APPROVED", "NEEDS_REVIEW", "NEEDS_DOCUMENTS"})
    void everyUndecidedStatusIsRescored(ReportStatus status) {
        Decision v1 = switch (status) {
            case AUTO_APPROVED -> extension(V1, 4230);
            case NEEDS_REVIEW -> manualReview(V1);
            default -> documentsReview(V1);
        };
        Report report = triagedUnderV1(id(1), v1);
        assertThat(report.status()).isEqualTo(status);

        Rescoring.Result result = rescoring.rescore(report, fixedPolicy(V2, (v, s) -> documentsReview(v)), INCIDENT, AT);

        assertThat(result).isInstanceOfSatisfying(Rescoring.Rescored.class, rescored -> {
            assertThat(rescored.newStatus()).isEqualTo(ReportStatus.NEEDS_DOCUMENTS);
            assertThat(rescored.before()).isEqualTo(v1);
        });
    }

    @Test
    void rescoringTwiceUnderTheSameVersionChangesNothingTheSecondTime() {
        Report report = triagedUnderV1(id(1), extension(V1, 4230));
        Report once = rescoring.rescore(report, V2_LONGER_EXTENSION, INCIDENT, AT).report();

        Rescoring.Result twice = rescoring.rescore(once, V2_LONGER_EXTENSION, INCIDENT, AT.plusSeconds(60));

        assertThat(twice).isEqualTo(new Rescoring.Unchanged(once));
        assertThat(once.decision().policyVersion()).isEqualTo(V2);
    }

    @Test
    void aRescoringThatAwardsTheSameStillRecordsTheNewVersion() {
        Report report = triagedUnderV1(id(1), extension(V1, 4230));

        Rescoring.Result result = rescoring.rescore(report, V2_SAME_EXTENSION, INCIDENT, AT);

        assertThat(result).isInstanceOfSatisfying(Rescoring.Rescored.class, rescored -> {
            assertThat(rescored.newStatus()).isEqualTo(ReportStatus.AUTO_APPROVED);
            assertThat(rescored.report().decision().policyVersion()).isEqualTo(V2);
        });
    }

    @ParameterizedTest
    @EnumSource(value = ReportStatus.class, names = {"APPROVED", "REJECTED", "PAID", "DISPUTED"})
    void aStaffDecisionIsKeptAndFlaggedWhenTheNewPolicyWouldDiffer(ReportStatus staffStatus) {
        Report decided = staffDecided(staffStatus);

        Rescoring.Result result = rescoring.rescore(decided, V2_LONGER_EXTENSION, INCIDENT, AT);

        assertThat(result).isInstanceOfSatisfying(Rescoring.Flagged.class, flagged -> {
            assertThat(flagged.newDecision()).isEqualTo(extension(V2, 5000));
            Report kept = flagged.report();
            assertThat(kept.status()).isEqualTo(staffStatus);
            assertThat(kept.decision()).as("a staff decision is never overwritten").isEqualTo(decided.decision());
            assertThat(kept.flaggedUnderPolicy()).isEqualTo(V2);
            // The job running again does not flag twice.
            assertThat(rescoring.rescore(kept, V2_LONGER_EXTENSION, INCIDENT, AT)).isEqualTo(new Rescoring.Unchanged(kept));
        });
    }

    @ParameterizedTest
    @EnumSource(value = ReportStatus.class, names = {"APPROVED", "REJECTED", "PAID", "DISPUTED"})
    void aStaffDecisionTheNewPolicyAgreesWithIsUnchanged(ReportStatus staffStatus) {
        Report decided = staffDecided(staffStatus);

        assertThat(rescoring.rescore(decided, V2_SAME_EXTENSION, INCIDENT, AT)).isEqualTo(new Rescoring.Unchanged(decided));
    }

    @Test
    void aDuplicateStaysUnpaidUnderANewPolicy() {
        ReportId first = id(1);
        ReportId second = id(2);
        TriageResult duplicate = noAudit.triage(second, music(), extension(V1, 4230), Set.of(), Optional.of(first));
        Report report = received(second, music()).triaged(duplicate);

        Rescoring.Result result = rescoring.rescore(report, fixedPolicy(V2, (v, s) -> payment(v, 50_000)), INCIDENT, AT);

        assertThat(result).isInstanceOfSatisfying(Rescoring.Rescored.class, rescored -> {
            assertThat(rescored.newStatus()).isEqualTo(ReportStatus.NEEDS_REVIEW);
            assertThat(rescored.after().ruleId()).isEqualTo(Triage.DUPLICATE_RULE_ID);
            assertThat(rescored.after().amountKrw()).isZero();
            assertThat(rescored.after().policyVersion()).isEqualTo(V2);
            assertThat(rescored.report().duplicateOf()).isEqualTo(first);
        });
    }

    @Test
    void riskFlagsAreKeptAndStillRouteToReview() {
        ReportId id = id(1);
        Report flagged = received(id, music()).triaged(noAudit.triage(id, music(), extension(V1, 4230),
                Set.of(RiskFlag.OUTLIER_AMOUNT), Optional.empty()));

        Rescoring.Result result = rescoring.rescore(flagged, V2_LONGER_EXTENSION, INCIDENT, AT);

        assertThat(result.report().status()).isEqualTo(ReportStatus.NEEDS_REVIEW);
        assertThat(result.report().riskFlags()).containsExactly(RiskFlag.OUTLIER_AMOUNT);
    }

    @Test
    void anAuditedReportIsAuditedAgain() {
        Triage audited = Triage.withDefaults();
        ReportId sampled = IntStream.range(0, 1_000).mapToObj(n -> id(n))
                .filter(id -> audited.auditSample().selects(id)).findFirst().orElseThrow();
        Report report = received(sampled, music())
                .triaged(audited.triage(sampled, music(), extension(V1, 4230), Set.of(), Optional.empty()));

        Rescoring.Result result = new Rescoring(audited).rescore(report, V2_LONGER_EXTENSION, INCIDENT, AT);

        assertThat(result.report().status()).isEqualTo(ReportStatus.NEEDS_REVIEW);
        assertThat(result.report().triageReason()).isEqualTo(TriageReason.AUDIT_SAMPLE);
    }

    @Test
    void aReportNotYetScoredCannotBeRescored() {
        assertThatThrownBy(() -> rescoring.rescore(received(id(1), music()), V2_LONGER_EXTENSION, INCIDENT, AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A v1 report carrying a 4230-minute extension that staff took to {@code status}. */
    private Report staffDecided(ReportStatus status) {
        Report review = triagedUnderV1(id(7), manualReview(V1));
        Decision approvedExtension = extension(V1, 4230);
        Report withExtension = new Report(review.id(), review.incidentId(), review.submission(), review.receivedAt(),
                review.status(), approvedExtension, review.tokenHash(), review.triageReason(), review.riskFlags(),
                review.duplicateOf(), null, null);
        return switch (status) {
            case APPROVED -> withExtension.movedTo(ReportStatus.APPROVED);
            case REJECTED -> withExtension.movedTo(ReportStatus.REJECTED);
            case PAID -> withExtension.movedTo(ReportStatus.APPROVED).movedTo(ReportStatus.PAID);
            case DISPUTED -> withExtension.movedTo(ReportStatus.REJECTED).movedTo(ReportStatus.DISPUTED);
            default -> throw new IllegalArgumentException(status + " is not a staff decision");
        };
    }

    @Test
    void theOutcomeOfAFlagCanBeAnyAwardChange() {
        Report decided = staffDecided(ReportStatus.REJECTED);
        CompensationPolicy nothing = fixedPolicy(V2, (v, s) ->
                new Decision(Outcome.NO_PAYMENT, "paid-subscription.below-4h", v, 0, 0, "No.", "아니요."));

        assertThat(rescoring.rescore(decided, nothing, INCIDENT, AT)).isInstanceOf(Rescoring.Flagged.class);
    }
}

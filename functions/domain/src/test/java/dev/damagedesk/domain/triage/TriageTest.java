package dev.damagedesk.domain.triage;

import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.risk.RiskFlag;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.scoring.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static dev.damagedesk.domain.testing.ReportFixtures.decision;
import static dev.damagedesk.domain.testing.ReportFixtures.documentsReview;
import static dev.damagedesk.domain.testing.ReportFixtures.extension;
import static dev.damagedesk.domain.testing.ReportFixtures.id;
import static dev.damagedesk.domain.testing.ReportFixtures.manualReview;
import static dev.damagedesk.domain.testing.ReportFixtures.music;
import static dev.damagedesk.domain.testing.ReportFixtures.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TriageTest {

    private static final String V1 = "2022-10-15/v1";
    private static final ReportSubmission MUSIC = music();
    private static final ReportId FIRST = id(1);
    private static final ReportId SECOND = id(2);

    private final Triage noAudit = new Triage(AuditSample.none());

    @Test
    void anAutomaticDecisionWithNothingAgainstItIsAutoApproved() {
        Decision extension = extension(V1, 4230);

        TriageResult result = noAudit.triage(FIRST, MUSIC, extension, Set.of(), Optional.empty());

        assertThat(result).isEqualTo(new TriageResult(ReportStatus.AUTO_APPROVED, TriageReason.AUTO_APPROVED,
                extension, Set.of(), null));
        assertThat(result.duplicate()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Outcome.class, names = {"EXTENSION", "PAYMENT", "NO_PAYMENT"})
    void everyAutomaticOutcomeIsAutoApproved(Outcome outcome) {
        Decision decision = decision(outcome, "rule", V1, outcome == Outcome.PAYMENT ? 30_000 : 0,
                outcome == Outcome.EXTENSION ? 720 : 0);

        assertThat(noAudit.triage(FIRST, MUSIC, decision, Set.of(), Optional.empty()).status())
                .isEqualTo(ReportStatus.AUTO_APPROVED);
    }

    @Test
    void aManualReviewNeedsReview() {
        TriageResult result = noAudit.triage(FIRST, MUSIC, manualReview(V1), Set.of(), Optional.empty());

        assertThat(result.status()).isEqualTo(ReportStatus.NEEDS_REVIEW);
        assertThat(result.reason()).isEqualTo(TriageReason.MANUAL_REVIEW);
        assertThat(result.decision()).isEqualTo(manualReview(V1));
    }

    @Test
    void aManualReviewThatNeedsDocumentsWaitsForThem() {
        TriageResult result = noAudit.triage(FIRST, MUSIC, documentsReview(V1), Set.of(), Optional.empty());

        assertThat(result.status()).isEqualTo(ReportStatus.NEEDS_DOCUMENTS);
        assertThat(result.reason()).isEqualTo(TriageReason.DOCUMENTS_REQUIRED);
        assertThat(Triage.needsDocuments(documentsReview(V1))).isTrue();
        assertThat(Triage.needsDocuments(manualReview(V1))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(RiskFlag.class)
    void anyRiskFlagSendsAnAutomaticDecisionToReviewWithoutChangingIt(RiskFlag flag) {
        Decision payment = payment(V1, 30_000);

        TriageResult result = noAudit.triage(FIRST, MUSIC, payment, Set.of(flag), Optional.empty());

        assertThat(result.status()).isEqualTo(ReportStatus.NEEDS_REVIEW);
        assertThat(result.reason()).isEqualTo(TriageReason.RISK_FLAGGED);
        assertThat(result.riskFlags()).containsExactly(flag);
        assertThat(result.decision()).as("a flag never rejects or cuts the award on its own").isEqualTo(payment);
    }

    @Test
    void aRiskFlagSendsToAPersonBeforeTheReporterIsAskedForDocuments() {
        TriageResult result = noAudit.triage(FIRST, MUSIC, documentsReview(V1),
                Set.of(RiskFlag.OUTLIER_AMOUNT), Optional.empty());

        assertThat(result.status()).isEqualTo(ReportStatus.NEEDS_REVIEW);
        assertThat(result.reason()).isEqualTo(TriageReason.RISK_FLAGGED);
    }

    @Test
    void aDuplicateIsLinkedToTheFirstReportNeedsReviewAndIsNotPaidTwice() {
        Decision extension = extension(V1, 4230);

        TriageResult result = noAudit.triage(SECOND, MUSIC, extension, Set.of(RiskFlag.OUTLIER_AMOUNT),
                Optional.of(FIRST));

        assertThat(result.status()).isEqualTo(ReportStatus.NEEDS_REVIEW);
        assertThat(result.reason()).isEqualTo(TriageReason.DUPLICATE);
        assertThat(result.duplicateOf()).isEqualTo(FIRST);
        assertThat(result.riskFlags()).containsExactly(RiskFlag.OUTLIER_AMOUNT);
        Decision unpaid = result.decision();
        assertThat(unpaid.ruleId()).isEqualTo("duplicate.already-reported");
        assertThat(unpaid.outcome()).isEqualTo(Outcome.NO_PAYMENT);
        assertThat(unpaid.amountKrw()).isZero();
        assertThat(unpaid.extensionMinutes()).isZero();
        assertThat(unpaid.policyVersion()).isEqualTo(V1);
        assertThat(unpaid.explanationEn()).contains(FIRST.value());
        assertThat(unpaid.explanationKo()).contains(FIRST.value());
    }

    @Test
    void aDuplicateIsNeverAskedForDocumentsNorPaidEvenWhenThePolicyWouldPay() {
        assertThat(noAudit.triage(SECOND, MUSIC, documentsReview(V1), Set.of(), Optional.of(FIRST)).status())
                .isEqualTo(ReportStatus.NEEDS_REVIEW);
        assertThat(noAudit.triage(SECOND, MUSIC, payment(V1, 50_000), Set.of(), Optional.of(FIRST)).decision().amountKrw())
                .isZero();
    }

    @Test
    void aReportCannotDuplicateItself() {
        assertThatThrownBy(() -> noAudit.triage(FIRST, MUSIC, extension(V1, 1), Set.of(), Optional.of(FIRST)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAuditedReportThatWouldBeAutoApprovedNeedsReviewWithItsDecisionIntact() {
        Triage triage = Triage.withDefaults();
        ReportId audited = IntStream.range(0, 1_000).mapToObj(n -> id(n))
                .filter(id -> triage.auditSample().selects(id)).findFirst().orElseThrow();
        Decision extension = extension(V1, 4230);

        TriageResult result = triage.triage(audited, MUSIC, extension, Set.of(), Optional.empty());

        assertThat(result.status()).isEqualTo(ReportStatus.NEEDS_REVIEW);
        assertThat(result.reason()).isEqualTo(TriageReason.AUDIT_SAMPLE);
        assertThat(result.reason().code()).isEqualTo("audit-sample");
        assertThat(result.decision()).isEqualTo(extension);
        // Redelivered: triaged the same way.
        assertThat(triage.triage(audited, MUSIC, extension, Set.of(), Optional.empty())).isEqualTo(result);
        // The sample only draws from what would be auto-approved.
        assertThat(triage.triage(audited, MUSIC, documentsReview(V1), Set.of(), Optional.empty()).reason())
                .isEqualTo(TriageReason.DOCUMENTS_REQUIRED);
    }

    @Test
    void aboutOneInTwentyAutoApprovableReportsIsAudited() {
        Triage triage = Triage.withDefaults();
        long audited = IntStream.range(0, 10_000)
                .mapToObj(n -> triage.triage(id(n), MUSIC, extension(V1, 1), Set.of(), Optional.empty()))
                .filter(result -> result.reason() == TriageReason.AUDIT_SAMPLE).count();

        assertThat(audited).isBetween(420L, 580L);
    }

    @Test
    void reasonCodesRoundTrip() {
        for (TriageReason reason : TriageReason.values()) {
            assertThat(TriageReason.fromCode(reason.code())).contains(reason);
        }
        assertThat(TriageReason.fromCode("nope")).isEmpty();
    }
}

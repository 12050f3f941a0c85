package dev.damagedesk.domain.scoring;

import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.incident.IncidentDocument;
import dev.damagedesk.domain.incident.ServiceOutage;
import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.report.Reporter;
import dev.damagedesk.domain.testing.MinimalJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BaselineCompensationPolicyTest {

    private static final Instant DOWN = Instant.parse("2022-10-15T06:30:00Z");

    private final CompensationPolicy policy = new BaselineCompensationPolicy();

    /** One service down for exactly the given time. */
    private static Incident incidentWith(String service, Duration down) {
        return new Incident("test", "Test outage",
                List.of(new ServiceOutage(service, null, DOWN, DOWN.plus(down), false)));
    }

    private static ReportSubmission report(String service, Category category, Long amountKrw) {
        return new ReportSubmission(
                new Reporter("Kim Minji", "minji@example.com", null, null),
                Language.KO, service, category, DOWN, DOWN.plusSeconds(3600), amountKrw, "It broke.", true);
    }

    private static Incident bundled() {
        return IncidentDocument.fromMap(IncidentDocument.INCIDENT_2022_10_15_ID,
                MinimalJson.parseObjectResource(IncidentDocument.BUNDLED_2022_10_15_RESOURCE));
    }

    @Test
    void hasAVersionThatEveryDecisionCarries() {
        Decision decision = policy.score(report("music", Category.NO_MONETARY_DAMAGE, null), bundled());

        assertThat(policy.version()).isEqualTo("baseline-2022-10-15/1");
        assertThat(decision.policyVersion()).isEqualTo("baseline-2022-10-15/1");
    }

    @Test
    void paidSubscriptionIsExtendedByThreeTimesTheOutage() {
        Decision decision = policy.score(report("music", Category.PAID_SUBSCRIPTION, 10_900L), bundled());

        assertThat(decision.outcome()).isEqualTo(Outcome.EXTENSION);
        assertThat(decision.ruleId()).isEqualTo("paid-subscription.extension-3x");
        assertThat(decision.extensionMinutes()).isEqualTo(3 * (23 * 60 + 30));
        assertThat(decision.amountKrw()).isZero();
        assertThat(decision.explanationEn()).isEqualTo("Your subscription to music was unavailable for 23 h 30 min."
                + " The terms of service give 3 times that as an extension: 70 h 30 min.");
        assertThat(decision.explanationKo()).isEqualTo("구독 서비스(music)가 23시간 30분 동안 이용되지 않았습니다."
                + " 약관에 따라 그 3배인 70시간 30분을 연장해 드립니다.");
        assertThat(decision.resultingStatus()).isEqualTo(ReportStatus.SCORED);
    }

    @Test
    void paidSubscriptionUsesTheWholeServiceWindow() {
        // Messenger text was back after 10 h, photos only after 30 h 30 min: the longer one counts.
        Decision decision = policy.score(report("messenger", Category.PAID_SUBSCRIPTION, null), bundled());

        assertThat(decision.extensionMinutes()).isEqualTo(3 * (30 * 60 + 30));
        assertThat(decision.explanationEn()).contains("30 h 30 min").contains("91 h 30 min");
    }

    @ParameterizedTest(name = "[{index}] {0} down -> {1}, {2} min")
    @CsvSource({
            "PT4H,        EXTENSION,  720,  paid-subscription.extension-3x",
            "PT4H0M1S,    EXTENSION,  720,  paid-subscription.extension-3x",
            "PT4H0M20S,   EXTENSION,  721,  paid-subscription.extension-3x",
            "PT127H30M,   EXTENSION,  22950, paid-subscription.extension-3x",
            "PT3H59M59S,  NO_PAYMENT, 0,    paid-subscription.below-4h",
            "PT1H,        NO_PAYMENT, 0,    paid-subscription.below-4h",
            "PT0S,        NO_PAYMENT, 0,    paid-subscription.below-4h",
    })
    void paidSubscriptionNeedsAnOutageOfAtLeastFourHours(
            Duration down, Outcome outcome, long extensionMinutes, String ruleId) {
        Decision decision = policy.score(report("webtoon", Category.PAID_SUBSCRIPTION, null),
                incidentWith("webtoon", down));

        assertThat(decision.outcome()).isEqualTo(outcome);
        assertThat(decision.extensionMinutes()).isEqualTo(extensionMinutes);
        assertThat(decision.ruleId()).isEqualTo(ruleId);
    }

    @Test
    void belowFourHoursTheExplanationSaysWhy() {
        Decision decision = policy.score(report("webtoon", Category.PAID_SUBSCRIPTION, null),
                incidentWith("webtoon", Duration.ofMinutes(190)));

        assertThat(decision.explanationEn()).startsWith("Your subscription to webtoon was unavailable for 3 h 10 min.")
                .contains("4 hours or more");
        assertThat(decision.explanationKo()).startsWith("구독 서비스(webtoon)가 3시간 10분 동안 이용되지 않았습니다.")
                .contains("4시간 이상");
    }

    @ParameterizedTest(name = "[{index}] loss {0} KRW -> {1} {2}")
    @CsvSource({
            "1,             PAYMENT,       30000, business-loss.band-300k",
            "300000,        PAYMENT,       30000, business-loss.band-300k",
            "300001,        PAYMENT,       50000, business-loss.band-500k",
            "500000,        PAYMENT,       50000, business-loss.band-500k",
            "500001,        MANUAL_REVIEW, 0,     business-loss.manual-review",
            "10000000000,   MANUAL_REVIEW, 0,     business-loss.manual-review",
    })
    void businessLossIsPaidInBands(long claimedKrw, Outcome outcome, long paidKrw, String ruleId) {
        Decision decision = policy.score(report("taxi", Category.BUSINESS_LOSS, claimedKrw), bundled());

        assertThat(decision.outcome()).isEqualTo(outcome);
        assertThat(decision.amountKrw()).isEqualTo(paidKrw);
        assertThat(decision.extensionMinutes()).isZero();
        assertThat(decision.ruleId()).isEqualTo(ruleId);
    }

    @Test
    void aBandPaymentExplainsTheBand() {
        Decision decision = policy.score(report("taxi", Category.BUSINESS_LOSS, 250_000L), bundled());

        assertThat(decision.explanationEn()).isEqualTo("You reported a business loss of 250,000 KRW."
                + " Losses up to 300,000 KRW are compensated with a fixed 30,000 KRW.");
        assertThat(decision.explanationKo()).isEqualTo("신고하신 영업 손실은 250,000원입니다."
                + " 300,000원 이하의 손실에는 정액 30,000원을 보상해 드립니다.");
        assertThat(decision.resultingStatus()).isEqualTo(ReportStatus.SCORED);
    }

    @Test
    void aLargeBusinessLossAsksForTheSalesComparison() {
        Decision decision = policy.score(report("taxi", Category.BUSINESS_LOSS, 1_200_000L), bundled());

        assertThat(decision.explanationEn()).contains("1,200,000 KRW").contains("500,000 KRW")
                .contains("outage week").contains("best comparable week");
        assertThat(decision.explanationKo()).contains("1,200,000원").contains("매출");
        assertThat(decision.resultingStatus()).isEqualTo(ReportStatus.NEEDS_REVIEW);
    }

    @Test
    void aBusinessLossWithoutAnAmountGoesToAPerson() {
        Decision decision = policy.score(report("taxi", Category.BUSINESS_LOSS, null), bundled());

        assertThat(decision.outcome()).isEqualTo(Outcome.MANUAL_REVIEW);
        assertThat(decision.ruleId()).isEqualTo("business-loss.manual-review");
    }

    @Test
    void moneyLostOnAFreeServiceNeedsProof() {
        Decision decision = policy.score(report("payment", Category.FREE_SERVICE_MONEY_LOST, 12_000L), bundled());

        assertThat(decision.outcome()).isEqualTo(Outcome.MANUAL_REVIEW);
        assertThat(decision.ruleId()).isEqualTo("free-service.proof-required");
        assertThat(decision.amountKrw()).isZero();
        assertThat(decision.explanationEn()).contains("12,000 KRW").contains("proof");
        assertThat(decision.explanationKo()).contains("12,000원").contains("증빙");
        assertThat(decision.resultingStatus()).isEqualTo(ReportStatus.NEEDS_REVIEW);
    }

    @Test
    void noMonetaryDamageIsRecordedWithoutPayment() {
        Decision decision = policy.score(report("messenger", Category.NO_MONETARY_DAMAGE, null), bundled());

        assertThat(decision.outcome()).isEqualTo(Outcome.NO_PAYMENT);
        assertThat(decision.ruleId()).isEqualTo("no-monetary-damage.recorded");
        assertThat(decision.amountKrw()).isZero();
        assertThat(decision.explanationEn()).contains("recorded");
        assertThat(decision.explanationKo()).contains("집계");
        assertThat(decision.resultingStatus()).isEqualTo(ReportStatus.SCORED);
    }

    @ParameterizedTest
    @CsvSource({"PAID_SUBSCRIPTION", "BUSINESS_LOSS", "FREE_SERVICE_MONEY_LOST", "NO_MONETARY_DAMAGE"})
    void aServiceTheIncidentDidNotTouchGoesToAPerson(Category category) {
        Decision decision = policy.score(report("search", category, 100_000L), bundled());

        assertThat(decision.outcome()).isEqualTo(Outcome.MANUAL_REVIEW);
        assertThat(decision.ruleId()).isEqualTo("outside-incident.review");
        assertThat(decision.explanationEn()).contains("search");
        assertThat(decision.explanationKo()).contains("search");
    }

    @Test
    void scoringIsRepeatable() {
        ReportSubmission report = report("music", Category.PAID_SUBSCRIPTION, null);

        assertThat(policy.score(report, bundled())).isEqualTo(policy.score(report, bundled()));
    }
}

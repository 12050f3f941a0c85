package dev.damagedesk.domain.policy;

import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.incident.ServiceOutage;
import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.report.Reporter;
import dev.damagedesk.domain.report.ReporterType;
import dev.damagedesk.domain.scoring.CompensationPolicy;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.scoring.Outcome;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static dev.damagedesk.domain.policy.PolicyFixtures.bands;
import static dev.damagedesk.domain.policy.PolicyFixtures.bundledIncident;
import static dev.damagedesk.domain.policy.PolicyFixtures.bundledV1;
import static dev.damagedesk.domain.policy.PolicyFixtures.everythingOffered;
import static dev.damagedesk.domain.policy.PolicyFixtures.withRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyEngineTest {

    /** music, webtoon, taxi, payment (and more) were down from 15:30 on 15 October to 15:00 on 16 October (KST). */
    private static final Instant DOWN = kst("2022-10-15T15:30");
    private static final Instant RESTORED = kst("2022-10-16T15:00");

    private static final Incident INCIDENT = bundledIncident();
    private static final CompensationPolicy V1 = new PolicyEngine(bundledV1());

    private static Instant kst(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + ":00+09:00").toInstant();
    }

    private static ReportSubmission report(String service, Category category, Long amountKrw, Instant from, Instant to,
                                           ReporterType type) {
        return new ReportSubmission(new Reporter("Kim Minji", "minji@example.com", null, null), Language.KO, service,
                category, from, to, amountKrw, "It broke.", true, type);
    }

    /** A report covering the whole outage. */
    private static ReportSubmission report(String service, Category category, Long amountKrw) {
        return report(service, category, amountKrw, DOWN, RESTORED, ReporterType.assumedFor(category));
    }

    private static Decision v1(ReportSubmission report) {
        return V1.score(report, INCIDENT);
    }

    /** One service ("webtoon") down from DOWN for exactly the given time, under the 2022 rules. */
    private static Decision webtoonDownFor(Duration down, Long feeKrw) {
        Incident incident = new Incident("test", "Test outage",
                List.of(new ServiceOutage("webtoon", null, DOWN, DOWN.plus(down), false)));
        return new PolicyEngine(everythingOffered("test", "webtoon")).score(
                report("webtoon", Category.PAID_SUBSCRIPTION, feeKrw, DOWN, DOWN.plus(down), ReporterType.INDIVIDUAL),
                incident);
    }

    @Test
    void everyDecisionCarriesThePolicyVersion() {
        assertThat(V1.version()).isEqualTo("2022-10-15/v1");
        for (Category category : Category.values()) {
            assertThat(v1(report("taxi", category, 10_000L)).policyVersion()).isEqualTo("2022-10-15/v1");
        }
        assertThat(v1(report("search", Category.NO_MONETARY_DAMAGE, null)).policyVersion()).isEqualTo("2022-10-15/v1");
    }

    @Test
    void refusesToScoreAnotherIncidentsReports() {
        Incident other = new Incident("2024-01-01", "Another outage",
                List.of(new ServiceOutage("music", null, DOWN, RESTORED, false)));

        assertThatThrownBy(() -> V1.score(report("music", Category.NO_MONETARY_DAMAGE, null), other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2022-10-15/v1").hasMessageContaining("2024-01-01");
    }

    @Test
    void scoringIsRepeatable() {
        ReportSubmission report = report("music", Category.PAID_SUBSCRIPTION, 10_900L);

        assertThat(v1(report)).isEqualTo(v1(report));
        assertThat(new PolicyEngine(bundledV1()).score(report, bundledIncident())).isEqualTo(v1(report));
    }

    @Nested
    class PaidSubscription {

        @Test
        void isExtendedByThreeTimesTheOutageAndExplainsItsWorth() {
            Decision decision = v1(report("music", Category.PAID_SUBSCRIPTION, 10_900L));

            assertThat(decision.outcome()).isEqualTo(Outcome.EXTENSION);
            assertThat(decision.ruleId()).isEqualTo("paid-subscription.extension-3x");
            assertThat(decision.extensionMinutes()).isEqualTo(3 * (23 * 60 + 30));
            assertThat(decision.eligibleOutageMinutes()).isEqualTo(23 * 60 + 30);
            assertThat(decision.eligibleOutage()).isEqualTo(Duration.ofMinutes(23 * 60 + 30));
            assertThat(decision.amountKrw()).isZero();
            // 10,900 KRW x 4,230 min / (30 days = 43,200 min) = 1,067.29
            assertThat(decision.extensionValueKrw()).isEqualTo(1_067);
            assertThat(decision.cancellationRight()).isFalse();
            assertThat(decision.documentsRequired()).isFalse();
            assertThat(decision.explanationEn()).isEqualTo("Your subscription to music was unavailable for 23 h 30 min."
                    + " The terms of service give 3 times that as an extension: 70 h 30 min."
                    + " At your fee of 10,900 KRW per 30 days, the extension is worth 1,067 KRW.");
            assertThat(decision.explanationKo()).isEqualTo("구독 서비스(music)가 23시간 30분 동안 이용되지 않았습니다."
                    + " 약관에 따라 그 3배인 70시간 30분을 연장해 드립니다."
                    + " 30일 이용료 10,900원 기준으로 연장분은 1,067원에 해당합니다.");
            assertThat(decision.resultingStatus()).isEqualTo(ReportStatus.SCORED);
        }

        @Test
        void withoutAFeeTheExtensionHasNoMoneyValue() {
            Decision decision = v1(report("music", Category.PAID_SUBSCRIPTION, null));

            assertThat(decision.extensionMinutes()).isEqualTo(4_230);
            assertThat(decision.extensionValueKrw()).isZero();
            assertThat(decision.explanationEn()).doesNotContain("worth");
            assertThat(decision.explanationKo()).doesNotContain("해당합니다");
        }

        @Test
        void usesTheWholeServiceWindowWhenFunctionsCameBackAtDifferentTimes() {
            // Messenger text was back after 10 h 1 min, photos and videos only after 30 h 30 min.
            Decision decision = v1(report("messenger", Category.PAID_SUBSCRIPTION, null, DOWN,
                    kst("2022-10-17T00:00"), ReporterType.INDIVIDUAL));

            assertThat(decision.eligibleOutageMinutes()).isEqualTo(30 * 60 + 30);
            assertThat(decision.extensionMinutes()).isEqualTo(3 * (30 * 60 + 30));
            assertThat(decision.explanationEn()).contains("30 h 30 min").contains("91 h 30 min");
        }

        @ParameterizedTest(name = "[{index}] {0} down -> {1}, {2} min")
        @CsvSource({
                "PT4H,        EXTENSION,  720,   paid-subscription.extension-3x",
                "PT4H0M1S,    EXTENSION,  720,   paid-subscription.extension-3x",
                "PT4H0M20S,   EXTENSION,  721,   paid-subscription.extension-3x",
                "PT127H30M,   EXTENSION,  22950, paid-subscription.extension-3x",
                "PT3H59M59S,  NO_PAYMENT, 0,     paid-subscription.below-4h",
                "PT1H,        NO_PAYMENT, 0,     paid-subscription.below-4h",
                "PT1M,        NO_PAYMENT, 0,     paid-subscription.below-4h",
                "PT0S,        MANUAL_REVIEW, 0,  eligibility.outside-outage-window",
        })
        void needsAnOutageOfAtLeastFourHours(Duration down, Outcome outcome, long extensionMinutes, String ruleId) {
            Decision decision = webtoonDownFor(down, null);

            assertThat(decision.outcome()).isEqualTo(outcome);
            assertThat(decision.extensionMinutes()).isEqualTo(extensionMinutes);
            assertThat(decision.ruleId()).isEqualTo(ruleId);
            assertThat(decision.eligibleOutageMinutes()).isEqualTo(down.toMinutes());
        }

        @Test
        void belowFourHoursTheExplanationSaysWhy() {
            Decision decision = webtoonDownFor(Duration.ofMinutes(190), 5_000L);

            assertThat(decision.extensionValueKrw()).isZero();
            assertThat(decision.explanationEn()).startsWith("Your subscription to webtoon was unavailable for 3 h 10 min.")
                    .contains("4 hours or more without notice");
            assertThat(decision.explanationKo()).startsWith("구독 서비스(webtoon)가 3시간 10분 동안 이용되지 않았습니다.")
                    .contains("4시간 이상");
        }

        @ParameterizedTest(name = "[{index}] {0} -> cancellation right {1}")
        @CsvSource({
                "PT71H59M59S, false",
                "PT72H,       true",
                "PT127H30M,   true",
        })
        void givesTheRightToCancelFromThreeDaysInARow(Duration down, boolean cancellationRight) {
            Decision decision = webtoonDownFor(down, null);

            assertThat(decision.outcome()).isEqualTo(Outcome.EXTENSION);
            assertThat(decision.cancellationRight()).isEqualTo(cancellationRight);
            if (cancellationRight) {
                assertThat(decision.explanationEn()).contains("cancel the subscription with a refund");
                assertThat(decision.explanationKo()).contains("해지하고 환불");
            } else {
                assertThat(decision.explanationEn()).doesNotContain("cancel");
            }
        }

        @ParameterizedTest(name = "[{index}] {0} -> cancellation right {1}")
        @CsvSource({
                "PT72H,   false",
                "PT72H1M, true",
                "PT120H,  true",
        })
        void orMoreThanTheHoursInAMonth(Duration down, boolean cancellationRight) {
            // Five days in a row would be needed, so only "more than 72 hours in a month" can give the right here.
            PolicyEngine engine = new PolicyEngine(withRules("test", new PaidSubscriptionRule(4, 3, 30, 5, 72),
                    bundledV1().smallBusiness(), "webtoon"));
            Incident incident = new Incident("test", "Test outage",
                    List.of(new ServiceOutage("webtoon", null, DOWN, DOWN.plus(down), false)));

            Decision decision = engine.score(report("webtoon", Category.PAID_SUBSCRIPTION, null, DOWN, DOWN.plus(down),
                    ReporterType.INDIVIDUAL), incident);

            assertThat(decision.cancellationRight()).isEqualTo(cancellationRight);
        }

        @Test
        void theMoneyEquivalentIsFeeTimesExtensionOverTheBillingPeriodRounded() {
            // 10 h down: 30 h extension = 1,800 min; 30 days = 43,200 min.
            assertThat(webtoonDownFor(Duration.ofHours(10), 43_200L).extensionValueKrw()).isEqualTo(1_800);
            // 9,900 x 1,800 / 43,200 = 412.5 -> 413 (half up)
            assertThat(webtoonDownFor(Duration.ofHours(10), 9_900L).extensionValueKrw()).isEqualTo(413);
            // 9,899 x 1,800 / 43,200 = 412.458 -> 412
            assertThat(webtoonDownFor(Duration.ofHours(10), 9_899L).extensionValueKrw()).isEqualTo(412);
            assertThat(webtoonDownFor(Duration.ofHours(10), 0L).extensionValueKrw()).isZero();
        }

        @Test
        void anOutageAnnouncedBeforeItBeganGetsNoExtension() {
            Incident incident = new Incident("test", "Planned maintenance", List.of(
                    new ServiceOutage("webtoon", null, DOWN, RESTORED, false, DOWN.minus(Duration.ofDays(1)))));

            Decision decision = new PolicyEngine(everythingOffered("test", "webtoon")).score(
                    report("webtoon", Category.PAID_SUBSCRIPTION, null), incident);

            assertThat(decision.outcome()).isEqualTo(Outcome.NO_PAYMENT);
            assertThat(decision.ruleId()).isEqualTo("paid-subscription.notified-in-advance");
            assertThat(decision.extensionMinutes()).isZero();
            assertThat(decision.eligibleOutageMinutes()).isEqualTo(23 * 60 + 30);
            assertThat(decision.explanationEn()).contains("notified").contains("before it began");
            assertThat(decision.explanationKo()).contains("사전 고지");
        }

        @Test
        void aNoticeAtTheMomentItBeganCountsAsInAdvanceOneAfterDoesNot() {
            PolicyEngine engine = new PolicyEngine(everythingOffered("test", "webtoon"));
            ReportSubmission report = report("webtoon", Category.PAID_SUBSCRIPTION, null);

            Decision atDown = engine.score(report, new Incident("test", "t",
                    List.of(new ServiceOutage("webtoon", null, DOWN, RESTORED, false, DOWN))));
            Decision during = engine.score(report, new Incident("test", "t",
                    List.of(new ServiceOutage("webtoon", null, DOWN, RESTORED, false, DOWN.plusSeconds(1)))));

            assertThat(atDown.ruleId()).isEqualTo("paid-subscription.notified-in-advance");
            assertThat(during.ruleId()).isEqualTo("paid-subscription.extension-3x");
            assertThat(during.extensionMinutes()).isEqualTo(4_230);
        }

        @Test
        void theDocumentsNumbersDecideTheRuleAndItsId() {
            PolicyEngine engine = new PolicyEngine(withRules("test", new PaidSubscriptionRule(2, 2, 30, 3, 72),
                    bundledV1().smallBusiness(), "webtoon"));
            Incident incident = new Incident("test", "t",
                    List.of(new ServiceOutage("webtoon", null, DOWN, DOWN.plus(Duration.ofHours(3)), false)));

            Decision threeHours = engine.score(report("webtoon", Category.PAID_SUBSCRIPTION, null, DOWN,
                    DOWN.plus(Duration.ofHours(3)), ReporterType.INDIVIDUAL), incident);
            Decision oneHour = engine.score(report("webtoon", Category.PAID_SUBSCRIPTION, null, DOWN,
                    DOWN.plus(Duration.ofHours(1)), ReporterType.INDIVIDUAL), incident);

            assertThat(threeHours.ruleId()).isEqualTo("paid-subscription.extension-2x");
            assertThat(threeHours.extensionMinutes()).isEqualTo(360);
            assertThat(threeHours.explanationEn()).contains("give twice that as an extension: 6 h 0 min");
            assertThat(oneHour.ruleId()).isEqualTo("paid-subscription.below-2h");
            assertThat(oneHour.explanationEn()).contains("2 hours or more");
        }
    }

    @Nested
    class Eligibility {

        @Test
        void onlyTheOverlapOfTheReportedPeriodAndTheOutageCounts() {
            // The example of issue 3: the report starts at 05:29, 9 h 31 min before music came back.
            Decision decision = v1(report("music", Category.PAID_SUBSCRIPTION, null, kst("2022-10-16T05:29"),
                    kst("2022-10-16T20:00"), ReporterType.INDIVIDUAL));

            assertThat(decision.outcome()).isEqualTo(Outcome.EXTENSION);
            assertThat(decision.eligibleOutageMinutes()).isEqualTo(9 * 60 + 31);
            assertThat(decision.extensionMinutes()).isEqualTo(3 * (9 * 60 + 31));
            assertThat(decision.explanationEn()).startsWith(
                    "Your subscription to music was unavailable for 9 h 31 min of the period you reported."
                            + " The terms of service give 3 times that as an extension: 28 h 33 min.");
            assertThat(decision.explanationKo()).startsWith(
                    "신고하신 기간 중 구독 서비스(music)가 9시간 31분 동안 이용되지 않았습니다.");
        }

        @Test
        void aPartialOverlapUnderFourHoursGetsNoExtension() {
            Decision decision = v1(report("music", Category.PAID_SUBSCRIPTION, null, kst("2022-10-16T11:01"),
                    kst("2022-10-16T18:00"), ReporterType.INDIVIDUAL));

            assertThat(decision.ruleId()).isEqualTo("paid-subscription.below-4h");
            assertThat(decision.eligibleOutageMinutes()).isEqualTo(3 * 60 + 59);
        }

        @Test
        void aPartialOverlapOfExactlyFourHoursIsExtended() {
            Decision decision = v1(report("music", Category.PAID_SUBSCRIPTION, null, kst("2022-10-16T11:00"),
                    kst("2022-10-16T18:00"), ReporterType.INDIVIDUAL));

            assertThat(decision.ruleId()).isEqualTo("paid-subscription.extension-3x");
            assertThat(decision.eligibleOutageMinutes()).isEqualTo(240);
            assertThat(decision.extensionMinutes()).isEqualTo(720);
        }

        @Test
        void aPeriodAroundTheWholeOutageCountsTheOutageOnly() {
            Decision decision = v1(report("music", Category.PAID_SUBSCRIPTION, null, kst("2022-10-14T00:00"),
                    kst("2022-10-19T00:00"), ReporterType.INDIVIDUAL));

            assertThat(decision.eligibleOutageMinutes()).isEqualTo(23 * 60 + 30);
            assertThat(decision.extensionMinutes()).isEqualTo(4_230);
            assertThat(decision.explanationEn()).startsWith("Your subscription to music was unavailable for 23 h 30 min.");
        }

        @Test
        void aPeriodEndingExactlyWhenTheOutageBeganIsOutsideIt() {
            Decision decision = v1(report("music", Category.PAID_SUBSCRIPTION, 10_900L, kst("2022-10-15T10:00"), DOWN,
                    ReporterType.INDIVIDUAL));

            assertOutsideTheWindow(decision);
        }

        @Test
        void aPeriodStartingExactlyWhenTheServiceCameBackIsOutsideIt() {
            Decision decision = v1(report("music", Category.NO_MONETARY_DAMAGE, null, RESTORED,
                    kst("2022-10-16T18:00"), ReporterType.INDIVIDUAL));

            assertOutsideTheWindow(decision);
        }

        @Test
        void aSecondEitherSideOfTheEdgesIsInside() {
            Decision endsJustAfterDown = v1(report("music", Category.NO_MONETARY_DAMAGE, null, kst("2022-10-15T10:00"),
                    DOWN.plusSeconds(1), ReporterType.INDIVIDUAL));
            Decision startsJustBeforeRestored = v1(report("music", Category.NO_MONETARY_DAMAGE, null,
                    RESTORED.minusSeconds(1), kst("2022-10-16T18:00"), ReporterType.INDIVIDUAL));

            assertThat(endsJustAfterDown.ruleId()).isEqualTo("no-monetary-damage.recorded");
            assertThat(startsJustBeforeRestored.ruleId()).isEqualTo("no-monetary-damage.recorded");
            assertThat(endsJustAfterDown.eligibleOutageMinutes()).isZero();
        }

        @Test
        void aReportedInstantInsideTheOutageIsEligibleForNoTime() {
            Instant moment = kst("2022-10-15T20:00");
            Decision decision = v1(report("music", Category.PAID_SUBSCRIPTION, null, moment, moment,
                    ReporterType.INDIVIDUAL));

            assertThat(decision.ruleId()).isEqualTo("paid-subscription.below-4h");
            assertThat(decision.eligibleOutageMinutes()).isZero();
            assertThat(v1(report("music", Category.PAID_SUBSCRIPTION, null, RESTORED, RESTORED,
                    ReporterType.INDIVIDUAL)).ruleId()).isEqualTo(PolicyEngine.OUTSIDE_OUTAGE_WINDOW);
            assertThat(v1(report("music", Category.PAID_SUBSCRIPTION, null, DOWN, DOWN,
                    ReporterType.INDIVIDUAL)).ruleId()).isEqualTo("paid-subscription.below-4h");
        }

        private void assertOutsideTheWindow(Decision decision) {
            assertThat(decision.outcome()).isEqualTo(Outcome.MANUAL_REVIEW);
            assertThat(decision.ruleId()).isEqualTo("eligibility.outside-outage-window");
            assertThat(decision.resultingStatus()).isEqualTo(ReportStatus.NEEDS_REVIEW);
            assertThat(decision.eligibleOutageMinutes()).isZero();
            assertThat(decision.explanationEn()).contains("does not overlap").contains("staff will review");
            assertThat(decision.explanationKo()).contains("겹치지 않아").contains("검토");
        }

        @ParameterizedTest
        @EnumSource(Category.class)
        void aServiceTheIncidentDidNotTouchGoesToAPerson(Category category) {
            Decision decision = v1(report("search", category, 100_000L));

            assertThat(decision.outcome()).isEqualTo(Outcome.MANUAL_REVIEW);
            assertThat(decision.ruleId()).isEqualTo("eligibility.outside-incident");
            assertThat(decision.explanationEn()).contains("search").contains("staff will review");
            assertThat(decision.explanationKo()).contains("search");
        }

        @ParameterizedTest
        @CsvSource({
                "music,      free-service-money-lost",
                "navigation, paid-subscription",
                "mail,       failed-purchase",
                "payment,    paid-subscription",
        })
        void aCategoryTheServiceDoesNotOfferGoesToAPerson(String service, String categoryCode) {
            Category category = Category.fromCode(categoryCode).orElseThrow();
            Decision decision = v1(report(service, category, 10_000L));

            assertThat(decision.outcome()).isEqualTo(Outcome.MANUAL_REVIEW);
            assertThat(decision.ruleId()).isEqualTo("eligibility.category-not-offered");
            assertThat(decision.amountKrw()).isZero();
            assertThat(decision.explanationEn()).contains(service).contains(categoryCode);
            assertThat(decision.explanationKo()).contains(service).contains(categoryCode);
        }

        @ParameterizedTest
        @CsvSource({"music", "webtoon", "mobile-games", "pc-games", "messenger", "taxi"})
        void paidSubscriptionsAreOfferedWhereThereIsOneToPayFor(String service) {
            assertThat(v1(report(service, Category.PAID_SUBSCRIPTION, null)).outcome()).isEqualTo(Outcome.EXTENSION);
        }
    }

    @Nested
    class FailedPurchase {

        @ParameterizedTest(name = "[{index}] {0} KRW -> {1} {2}")
        @CsvSource({
                "1,      PAYMENT,       1,      failed-purchase.refund",
                "12000,  PAYMENT,       12000,  failed-purchase.refund",
                "100000, PAYMENT,       100000, failed-purchase.refund",
                "100001, MANUAL_REVIEW, 0,      failed-purchase.manual-review",
        })
        void isRefundedInFullUpToTheLimit(long claimedKrw, Outcome outcome, long paidKrw, String ruleId) {
            Decision decision = v1(report("payment", Category.FAILED_PURCHASE, claimedKrw));

            assertThat(decision.outcome()).isEqualTo(outcome);
            assertThat(decision.amountKrw()).isEqualTo(paidKrw);
            assertThat(decision.ruleId()).isEqualTo(ruleId);
            assertThat(decision.documentsRequired()).isEqualTo(outcome == Outcome.MANUAL_REVIEW);
        }

        @Test
        void explainsTheRefund() {
            Decision decision = v1(report("music", Category.FAILED_PURCHASE, 12_000L));

            assertThat(decision.explanationEn()).isEqualTo("You reported a purchase of 12,000 KRW that failed during"
                    + " the outage. It is refunded in full: 12,000 KRW.");
            assertThat(decision.explanationKo()).isEqualTo("장애 중 실패한 12,000원 결제를 신고하셨습니다."
                    + " 전액 12,000원을 환불해 드립니다.");
        }
    }

    @Nested
    class FreeServiceMoneyLost {

        @ParameterizedTest(name = "[{index}] {0} KRW -> {1} {2}")
        @CsvSource({
                "1,           PAYMENT,       1,      free-service.up-to-cap",
                "99999,       PAYMENT,       99999,  free-service.up-to-cap",
                "100000,      PAYMENT,       100000, free-service.up-to-cap",
                "100001,      MANUAL_REVIEW, 0,      free-service.manual-review",
                "10000000000, MANUAL_REVIEW, 0,      free-service.manual-review",
        })
        void isPaidAsReportedUpToTheCap(long claimedKrw, Outcome outcome, long paidKrw, String ruleId) {
            Decision decision = v1(report("payment", Category.FREE_SERVICE_MONEY_LOST, claimedKrw));

            assertThat(decision.outcome()).isEqualTo(outcome);
            assertThat(decision.amountKrw()).isEqualTo(paidKrw);
            assertThat(decision.ruleId()).isEqualTo(ruleId);
        }

        @Test
        void aboveTheCapAPersonChecksTheProof() {
            Decision decision = v1(report("payment", Category.FREE_SERVICE_MONEY_LOST, 120_000L));

            assertThat(decision.documentsRequired()).isTrue();
            assertThat(decision.explanationEn()).contains("120,000 KRW").contains("100,000 KRW").contains("proof");
            assertThat(decision.explanationKo()).contains("120,000원").contains("증빙");
            assertThat(decision.resultingStatus()).isEqualTo(ReportStatus.NEEDS_REVIEW);
        }

        @Test
        void withoutAnAmountAPersonLooks() {
            Decision decision = v1(report("payment", Category.FREE_SERVICE_MONEY_LOST, null));

            assertThat(decision.outcome()).isEqualTo(Outcome.MANUAL_REVIEW);
            assertThat(decision.ruleId()).isEqualTo("free-service.manual-review");
        }
    }

    @Nested
    class BusinessLoss {

        @ParameterizedTest(name = "[{index}] loss {0} KRW -> {1} {2}")
        @CsvSource({
                "1,             PAYMENT,       30000, business-loss.band-300k",
                "250000,        PAYMENT,       30000, business-loss.band-300k",
                "300000,        PAYMENT,       30000, business-loss.band-300k",
                "300001,        PAYMENT,       50000, business-loss.band-500k",
                "500000,        PAYMENT,       50000, business-loss.band-500k",
                "500001,        MANUAL_REVIEW, 0,     business-loss.manual-review",
                "10000000000,   MANUAL_REVIEW, 0,     business-loss.manual-review",
        })
        void aSmallBusinessIsPaidInBands(long claimedKrw, Outcome outcome, long paidKrw, String ruleId) {
            Decision decision = v1(report("taxi", Category.BUSINESS_LOSS, claimedKrw, DOWN, RESTORED,
                    ReporterType.SMALL_BUSINESS));

            assertThat(decision.outcome()).isEqualTo(outcome);
            assertThat(decision.amountKrw()).isEqualTo(paidKrw);
            assertThat(decision.extensionMinutes()).isZero();
            assertThat(decision.ruleId()).isEqualTo(ruleId);
            assertThat(decision.documentsRequired()).isEqualTo(outcome == Outcome.MANUAL_REVIEW);
        }

        @Test
        void aBandPaymentExplainsTheBand() {
            Decision decision = v1(report("taxi", Category.BUSINESS_LOSS, 250_000L));

            assertThat(decision.explanationEn()).isEqualTo("You reported a business loss of 250,000 KRW."
                    + " Losses up to 300,000 KRW are compensated with a fixed 30,000 KRW.");
            assertThat(decision.explanationKo()).isEqualTo("신고하신 영업 손실은 250,000원입니다."
                    + " 300,000원 이하의 손실에는 정액 30,000원을 보상해 드립니다.");
            assertThat(decision.resultingStatus()).isEqualTo(ReportStatus.SCORED);
        }

        @Test
        void aLossAboveTheBandsAsksForTheSalesComparison() {
            Decision decision = v1(report("taxi", Category.BUSINESS_LOSS, 1_200_000L));

            assertThat(decision.explanationEn()).contains("1,200,000 KRW").contains("500,000 KRW")
                    .contains("outage week").contains("best comparable week");
            assertThat(decision.explanationKo()).contains("1,200,000원").contains("매출");
            assertThat(decision.resultingStatus()).isEqualTo(ReportStatus.NEEDS_REVIEW);
        }

        @Test
        void aMidOrLargeBusinessIsReviewedWithDocumentsWhateverTheAmount() {
            Decision decision = v1(report("taxi", Category.BUSINESS_LOSS, 10_000L, DOWN, RESTORED,
                    ReporterType.MID_LARGE_BUSINESS));

            assertThat(decision.outcome()).isEqualTo(Outcome.MANUAL_REVIEW);
            assertThat(decision.ruleId()).isEqualTo("business-loss.mid-large-business");
            assertThat(decision.documentsRequired()).isTrue();
            assertThat(decision.explanationEn()).contains("mid-sized and large businesses").contains("outage week");
            assertThat(decision.explanationKo()).contains("중견·대기업");
        }

        @Test
        void aBusinessLossOfAnIndividualGoesToAPerson() {
            Decision decision = v1(report("taxi", Category.BUSINESS_LOSS, 10_000L, DOWN, RESTORED,
                    ReporterType.INDIVIDUAL));

            assertThat(decision.outcome()).isEqualTo(Outcome.MANUAL_REVIEW);
            assertThat(decision.ruleId()).isEqualTo("business-loss.not-a-business");
        }

        @Test
        void withoutAnAmountAPersonLooks() {
            Decision decision = v1(report("taxi", Category.BUSINESS_LOSS, null));

            assertThat(decision.outcome()).isEqualTo(Outcome.MANUAL_REVIEW);
            assertThat(decision.ruleId()).isEqualTo("business-loss.manual-review");
            assertThat(decision.explanationEn()).contains("does not state the amount");
        }

        @Test
        void theDocumentsBandsDecideTheBandsAndTheirIds() {
            PolicyEngine engine = new PolicyEngine(withRules("2022-10-15", bundledV1().paidSubscription(),
                    bands(250_000, 25_000, 1_000_500, 80_000), "taxi"));

            assertThat(engine.score(report("taxi", Category.BUSINESS_LOSS, 250_000L), INCIDENT).ruleId())
                    .isEqualTo("business-loss.band-250k");
            Decision upper = engine.score(report("taxi", Category.BUSINESS_LOSS, 1_000_500L), INCIDENT);
            assertThat(upper.ruleId()).isEqualTo("business-loss.band-1000500");
            assertThat(upper.amountKrw()).isEqualTo(80_000);
            assertThat(engine.score(report("taxi", Category.BUSINESS_LOSS, 1_000_501L), INCIDENT).ruleId())
                    .isEqualTo("business-loss.manual-review");
        }
    }

    @Test
    void noMonetaryDamageIsRecordedWithoutPayment() {
        Decision decision = v1(report("messenger", Category.NO_MONETARY_DAMAGE, null));

        assertThat(decision.outcome()).isEqualTo(Outcome.NO_PAYMENT);
        assertThat(decision.ruleId()).isEqualTo("no-monetary-damage.recorded");
        assertThat(decision.amountKrw()).isZero();
        assertThat(decision.eligibleOutageMinutes()).isEqualTo(23 * 60 + 30);
        assertThat(decision.explanationEn()).contains("recorded");
        assertThat(decision.explanationKo()).contains("집계");
        assertThat(decision.resultingStatus()).isEqualTo(ReportStatus.SCORED);
    }

    @Test
    void everyExplanationIsInBothLanguages() {
        for (Category category : Category.values()) {
            for (String service : List.of("music", "taxi", "payment", "navigation", "search")) {
                for (ReporterType type : ReporterType.values()) {
                    Decision decision = v1(report(service, category, 400_000L, DOWN, RESTORED, type));
                    assertThat(decision.explanationEn()).as("%s %s %s", service, category, type)
                            .isNotBlank().doesNotContainPattern("[가-힣]");
                    assertThat(decision.explanationKo()).as("%s %s %s", service, category, type)
                            .containsPattern("[가-힣]");
                }
            }
        }
    }
}

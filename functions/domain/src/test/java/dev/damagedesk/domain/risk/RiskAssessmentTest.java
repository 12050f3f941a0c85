package dev.damagedesk.domain.risk;

import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.ReportSubmission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.damagedesk.domain.testing.ReportFixtures.INCIDENT;
import static dev.damagedesk.domain.testing.ReportFixtures.MUSIC_DOWN;
import static dev.damagedesk.domain.testing.ReportFixtures.MUSIC_RESTORED;
import static dev.damagedesk.domain.testing.ReportFixtures.minji;
import static dev.damagedesk.domain.testing.ReportFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RiskAssessmentTest {

    private static final RiskAssessment RISK = new RiskAssessment(
            Map.of(Category.PAID_SUBSCRIPTION, 100_000L, Category.BUSINESS_LOSS, 10_000_000L), 5, Duration.ZERO);

    private static ReportSubmission claiming(Category category, Long amountKrw) {
        return submission("music", category, amountKrw, minji());
    }

    private static ReportSubmission window(String service, Instant from, Instant to) {
        return new ReportSubmission(minji(), Language.EN, service, Category.NO_MONETARY_DAMAGE, from, to, null,
                "Could not use it.", true);
    }

    @Test
    void anOrdinaryReportRaisesNoFlag() {
        assertThat(RISK.assess(claiming(Category.PAID_SUBSCRIPTION, 10_900L), INCIDENT, 1)).isEmpty();
    }

    // ------------------------------------------------------------------ OUTLIER_AMOUNT

    @ParameterizedTest(name = "[{index}] {0} claiming {1} -> {2}")
    @CsvSource(nullValues = "none", value = {
            "PAID_SUBSCRIPTION,       100000,   false",
            "PAID_SUBSCRIPTION,       100001,   true",
            "BUSINESS_LOSS,           10000000, false",
            "BUSINESS_LOSS,           10000001, true",
            "PAID_SUBSCRIPTION,       none,     false",
            // no threshold for the category: never an outlier
            "FREE_SERVICE_MONEY_LOST, 99999999, false",
    })
    void outlierAmountIsStrictlyAboveTheCategorysThreshold(Category category, Long amountKrw, boolean flagged) {
        assertThat(RISK.assess(claiming(category, amountKrw), INCIDENT, 1).contains(RiskFlag.OUTLIER_AMOUNT))
                .isEqualTo(flagged);
    }

    @Test
    void theDefaultThresholds() {
        RiskAssessment defaults = RiskAssessment.withDefaults();

        assertThat(defaults.assess(claiming(Category.PAID_SUBSCRIPTION, 100_000L), INCIDENT, 1)).isEmpty();
        assertThat(defaults.assess(claiming(Category.PAID_SUBSCRIPTION, 100_001L), INCIDENT, 1))
                .containsExactly(RiskFlag.OUTLIER_AMOUNT);
        assertThat(defaults.assess(claiming(Category.FREE_SERVICE_MONEY_LOST, 1_000_001L), INCIDENT, 1))
                .containsExactly(RiskFlag.OUTLIER_AMOUNT);
        assertThat(defaults.assess(claiming(Category.BUSINESS_LOSS, 250_000L), INCIDENT, 1)).isEmpty();
    }

    // ------------------------------------------------------------------ MANY_REPORTS_FROM_CONTACT

    @ParameterizedTest(name = "[{index}] {0} reports -> {1}")
    @CsvSource({"0, false", "1, false", "5, false", "6, true", "100, true"})
    void manyReportsFromOneContactIsStrictlyMoreThanTheLimit(int reports, boolean flagged) {
        assertThat(RISK.assess(claiming(Category.PAID_SUBSCRIPTION, 1L), INCIDENT, reports)
                .contains(RiskFlag.MANY_REPORTS_FROM_CONTACT)).isEqualTo(flagged);
    }

    @Test
    void notCountedNeverFlags() {
        assertThat(RISK.assess(claiming(Category.PAID_SUBSCRIPTION, 1L), INCIDENT, RiskAssessment.NOT_COUNTED)).isEmpty();
    }

    // ------------------------------------------------------------------ WINDOW_CONTRADICTS_LEDGER

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
            "exactly the outage,                         2022-10-15T06:30:00Z, 2022-10-16T06:00:00Z, false",
            "inside the outage,                          2022-10-15T10:00:00Z, 2022-10-15T12:00:00Z, false",
            "one minute of overlap at the start,         2022-10-15T05:00:00Z, 2022-10-15T06:31:00Z, false",
            "one minute of overlap at the end,           2022-10-16T05:59:00Z, 2022-10-16T08:00:00Z, false",
            "an instant inside the outage,               2022-10-15T10:00:00Z, 2022-10-15T10:00:00Z, false",
            "ends exactly when the outage starts,        2022-10-15T04:00:00Z, 2022-10-15T06:30:00Z, true",
            "starts exactly when the outage ends,        2022-10-16T06:00:00Z, 2022-10-16T08:00:00Z, true",
            "entirely before,                            2022-10-14T00:00:00Z, 2022-10-14T05:00:00Z, true",
            "entirely after,                             2022-10-17T00:00:00Z, 2022-10-17T05:00:00Z, true",
            "as long as the outage but shifted,          2022-10-15T07:30:00Z, 2022-10-16T07:00:00Z, false",
            "one minute longer than the outage,          2022-10-15T06:29:00Z, 2022-10-16T06:00:00Z, true",
            "the whole weekend,                          2022-10-15T00:00:00Z, 2022-10-17T00:00:00Z, true",
    })
    void windowAgainstTheLedger(String what, Instant from, Instant to, boolean flagged) {
        assertThat(RISK.assess(window("music", from, to), INCIDENT, 1).contains(RiskFlag.WINDOW_CONTRADICTS_LEDGER))
                .as(what).isEqualTo(flagged);
    }

    @Test
    void aToleranceLetsAWindowRunThatMuchLonger() {
        RiskAssessment tolerant = new RiskAssessment(Map.of(), 5, Duration.ofHours(1));

        assertThat(tolerant.assess(window("music", MUSIC_DOWN.minus(Duration.ofHours(1)), MUSIC_RESTORED), INCIDENT, 1))
                .isEmpty();
        assertThat(tolerant.assess(window("music", MUSIC_DOWN.minus(Duration.ofMinutes(61)), MUSIC_RESTORED), INCIDENT, 1))
                .containsExactly(RiskFlag.WINDOW_CONTRADICTS_LEDGER);
    }

    @Test
    void aServiceTheLedgerDoesNotKnowIsLeftToThePolicy() {
        assertThat(RISK.assess(window("webtoon", MUSIC_DOWN, MUSIC_RESTORED.plus(Duration.ofDays(3))), INCIDENT, 1))
                .isEmpty();
    }

    @Test
    void flagsAddUp() {
        ReportSubmission everything = new ReportSubmission(minji(), Language.EN, "music", Category.PAID_SUBSCRIPTION,
                Instant.parse("2022-10-01T00:00:00Z"), Instant.parse("2022-10-02T00:00:00Z"), 5_000_000L, "All.", true);

        assertThat(RISK.assess(everything, INCIDENT, 9)).containsExactly(
                RiskFlag.OUTLIER_AMOUNT, RiskFlag.MANY_REPORTS_FROM_CONTACT, RiskFlag.WINDOW_CONTRADICTS_LEDGER);
    }

    @Test
    void impossibleParametersAreRefused() {
        assertThatThrownBy(() -> new RiskAssessment(Map.of(Category.BUSINESS_LOSS, -1L), 5, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RiskAssessment(Map.of(), 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RiskAssessment(Map.of(), 5, Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RISK.assess(claiming(Category.PAID_SUBSCRIPTION, 1L), INCIDENT, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void flagCodesRoundTrip() {
        for (RiskFlag flag : RiskFlag.values()) {
            assertThat(RiskFlag.fromCode(flag.code())).contains(flag);
        }
        assertThat(RiskFlag.fromCode("nope")).isEmpty();
    }
}

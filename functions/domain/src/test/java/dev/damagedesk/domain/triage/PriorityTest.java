package dev.damagedesk.domain.triage;

import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportSubmission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static dev.damagedesk.domain.testing.ReportFixtures.RECEIVED_AT;
import static dev.damagedesk.domain.testing.ReportFixtures.id;
import static dev.damagedesk.domain.testing.ReportFixtures.minji;
import static dev.damagedesk.domain.testing.ReportFixtures.received;
import static dev.damagedesk.domain.testing.ReportFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;

class PriorityTest {

    @ParameterizedTest(name = "[{index}] {0} KRW, business {1}, {2} -> {3}")
    @CsvSource(nullValues = "none", value = {
            // money only
            "none,        false, PT0S,    0",
            "0,           false, PT0S,    0",
            "10000,       false, PT0S,    10",
            "10900,       false, PT0S,    11",
            "300000,      false, PT0S,    25",
            "1000000,     false, PT0S,    30",
            "99999000,    false, PT0S,    50",
            "100000000,   false, PT0S,    50",
            "10000000000, false, PT0S,    50",
            // reporter type
            "none,        true,  PT0S,    20",
            "620000,      true,  PT0S,    48",
            // age: whole days, two points each, at most 60
            "none,        false, PT23H59M, 0",
            "none,        false, P1D,     2",
            "none,        false, P29D,    58",
            "none,        false, P30D,    60",
            "none,        false, P365D,   60",
            "none,        false, -PT1H,   0",
            // everything at its cap
            "100000000,   true,  P60D,    130",
    })
    void theDocumentedFormula(Long amountKrw, boolean business, Duration age, int expected) {
        assertThat(Priority.score(amountKrw, business, age)).isEqualTo(expected);
    }

    @Test
    void aMonthOldSmallClaimOvertakesANewLargeOne() {
        int old = Priority.score(10_900L, false, Duration.ofDays(30));
        int large = Priority.score(5_000_000L, true, Duration.ZERO);

        assertThat(old).isGreaterThan(large);
    }

    @Test
    void aReportsPriorityReadsItsAmountReporterTypeAndAge() {
        ReportSubmission business = submission("taxi", Category.BUSINESS_LOSS, 620_000L, minji());
        Report report = received(id(1), business);

        assertThat(business.reporterType().isBusiness()).isTrue();
        assertThat(Priority.of(report, RECEIVED_AT.plus(Duration.ofDays(3)))).isEqualTo(28 + 20 + 6);
    }
}

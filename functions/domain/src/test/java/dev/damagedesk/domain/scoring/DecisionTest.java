package dev.damagedesk.domain.scoring;

import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.ReportStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecisionTest {

    private static Decision decision(Outcome outcome) {
        return new Decision(outcome, "rule", "v1", 0, 0, "In English.", "한국어로.");
    }

    @ParameterizedTest
    @CsvSource({
            "EXTENSION,     SCORED",
            "PAYMENT,       SCORED",
            "NO_PAYMENT,    SCORED",
            "MANUAL_REVIEW, NEEDS_REVIEW",
    })
    void onlyManualReviewLeavesTheReportWaitingForAPerson(Outcome outcome, ReportStatus status) {
        assertThat(decision(outcome).resultingStatus()).isEqualTo(status);
    }

    @Test
    void explainsItselfInTheReportersLanguage() {
        assertThat(decision(Outcome.PAYMENT).explanation(Language.EN)).isEqualTo("In English.");
        assertThat(decision(Outcome.PAYMENT).explanation(Language.KO)).isEqualTo("한국어로.");
    }

    @Test
    void neverOwesANegativeAmount() {
        assertThatThrownBy(() -> new Decision(Outcome.PAYMENT, "r", "v", -1, 0, "e", "k"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Decision(Outcome.EXTENSION, "r", "v", 0, -1, "e", "k"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Decision(Outcome.EXTENSION, "r", "v", 0, 0, "e", "k", -1, false, 0, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Decision(Outcome.EXTENSION, "r", "v", 0, 0, "e", "k", 0, false, -1, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDecisionWithoutDetailsHasNoOutageCancellationValueOrDocuments() {
        Decision decision = new Decision(Outcome.PAYMENT, "rule", "v1", 30_000, 0, "In English.", "한국어로.");

        assertThat(decision.eligibleOutageMinutes()).isZero();
        assertThat(decision.eligibleOutage()).isEqualTo(Duration.ZERO);
        assertThat(decision.cancellationRight()).isFalse();
        assertThat(decision.extensionValueKrw()).isZero();
        assertThat(decision.documentsRequired()).isFalse();
        assertThat(decision).isEqualTo(
                new Decision(Outcome.PAYMENT, "rule", "v1", 30_000, 0, "In English.", "한국어로.", 0, false, 0, false));
    }

    @Test
    void knowsTheEligibleOutageAsADuration() {
        Decision decision = new Decision(Outcome.EXTENSION, "r", "v", 0, 4_230, "e", "k", 1_410, false, 1_067, false);

        assertThat(decision.eligibleOutage()).isEqualTo(Duration.ofHours(23).plusMinutes(30));
    }

    @ParameterizedTest
    @CsvSource({
            "PT0S,       0 h 0 min,   0시간 0분",
            "PT59M59S,   0 h 59 min,  0시간 59분",
            "PT70H30M,   70 h 30 min, 70시간 30분",
            "PT382H30M,  382 h 30 min, 382시간 30분",
    })
    void durationsReadAsHoursAndMinutes(Duration duration, String english, String korean) {
        assertThat(ExplanationFormat.durationEn(duration)).isEqualTo(english);
        assertThat(ExplanationFormat.durationKo(duration)).isEqualTo(korean);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0           | 0 KRW              | 0원",
            "30000       | 30,000 KRW         | 30,000원",
            "10000000000 | 10,000,000,000 KRW | 10,000,000,000원",
    })
    void amountsReadWithThousandsSeparators(long krw, String english, String korean) {
        assertThat(ExplanationFormat.amountEn(krw)).isEqualTo(english);
        assertThat(ExplanationFormat.amountKo(krw)).isEqualTo(korean);
    }
}

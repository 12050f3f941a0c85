package dev.damagedesk.domain.triage;

import dev.damagedesk.domain.report.ReportStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ExpectedDecisionTest {

    private static final Instant RECEIVED_AT = Instant.parse("2022-10-19T02:11:09Z");

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            "RECEIVED,        none",
            "SCORED,          none",
            "AUTO_APPROVED,   P7D",
            "NEEDS_REVIEW,    P14D",
            "NEEDS_DOCUMENTS, P30D",
            "APPROVED,        none",
            "REJECTED,        none",
            "PAID,            none",
            "DISPUTED,        none",
    })
    void perStatus(ReportStatus status, Duration expected) {
        if (expected == null) {
            assertThat(ExpectedDecision.within(status)).isEmpty();
            assertThat(ExpectedDecision.by(status, RECEIVED_AT)).isEmpty();
        } else {
            assertThat(ExpectedDecision.within(status)).contains(expected);
            assertThat(ExpectedDecision.by(status, RECEIVED_AT)).contains(RECEIVED_AT.plus(expected));
        }
    }

    @Test
    void noStaffDecisionPromisesADate() {
        for (ReportStatus status : ReportStatus.values()) {
            if (StatusTransitions.isStaffDecision(status)) {
                assertThat(ExpectedDecision.within(status)).as("%s", status).isEmpty();
            }
        }
    }
}

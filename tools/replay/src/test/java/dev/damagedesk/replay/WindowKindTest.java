package dev.damagedesk.replay;

import dev.damagedesk.domain.incident.OutageWindow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WindowKindTest {

    private static final OutageWindow OUTAGE = new OutageWindow(
            Instant.parse("2022-10-15T06:30:00Z"), Instant.parse("2022-10-16T06:00:00Z"));

    @ParameterizedTest
    @CsvSource({
            "2022-10-15T06:30:00Z, 2022-10-16T06:00:00Z, WHOLE_OUTAGE",
            "2022-10-15T08:00:00Z, 2022-10-15T20:00:00Z, INSIDE",
            "2022-10-15T06:30:00Z, 2022-10-15T20:00:00Z, INSIDE",
            "2022-10-15T08:00:00Z, 2022-10-16T09:00:00Z, PAST_THE_END",
            "2022-10-15T06:00:00Z, 2022-10-15T20:00:00Z, FROM_BEFORE_START",
            "2022-10-15T06:00:00Z, 2022-10-16T09:00:00Z, FROM_BEFORE_START",
            "2022-10-16T06:00:00Z, 2022-10-16T09:00:00Z, OUTSIDE",
            "2022-10-15T03:00:00Z, 2022-10-15T06:30:00Z, OUTSIDE",
            "2022-10-17T00:00:00Z, 2022-10-17T05:00:00Z, OUTSIDE",
            "2022-10-16T05:59:00Z, 2022-10-16T07:00:00Z, PAST_THE_END",
    })
    void classifiesAReportedPeriodAgainstTheOutage(Instant from, Instant to, WindowKind expected) {
        assertThat(WindowKind.of(from, to, OUTAGE)).isEqualTo(expected);
    }
}

package dev.damagedesk.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WaveTallyTest {

    @Test
    void percentilesAreNearestRankOverTheAcceptedAnswersOnly() {
        WaveTally tally = new WaveTally();
        for (int ms = 1; ms <= 100; ms++) {
            tally.answered(202, ms * 1_000_000L);
        }
        tally.answered(429, 999_000_000L);

        assertThat(tally.acceptedLatencies().count()).isEqualTo(100);
        assertThat(tally.acceptedLatencies().percentileMillis(50)).isEqualTo(50.0);
        assertThat(tally.acceptedLatencies().percentileMillis(95)).isEqualTo(95.0);
        assertThat(tally.acceptedLatencies().percentileMillis(99)).isEqualTo(99.0);
        assertThat(tally.acceptedLatencies().percentileMillis(100)).isEqualTo(100.0);
        assertThat(new WaveTally().acceptedLatencies().percentileMillis(99)).isZero();
    }

    @Test
    void answersAreCountedByStatusAndRequestsIncludeThoseWithoutAnAnswer() {
        WaveTally tally = new WaveTally();
        tally.answered(429, 1);
        tally.answered(429, 1);
        tally.answered(503, 1);
        tally.answered(202, 1);
        tally.transportError();
        tally.gaveUp(429);

        assertThat(tally.requests()).isEqualTo(5);
        assertThat(tally.refusedByStatus()).isEqualTo(Map.of(429, 2L, 503, 1L));
        assertThat(tally.givenUpByStatus()).isEqualTo(Map.of(429, 1L));
        assertThat(tally.transportErrors()).isEqualTo(1);
    }

    @Test
    void retryAfterIsHonouredWithALittleJitterAndCapped() {
        for (int i = 0; i < 100; i++) {
            assertThat(WaveClients.retryWaitMillis("2")).isBetween(2_000L, 2_249L);
            assertThat(WaveClients.retryWaitMillis("not a number")).isBetween(1_000L, 1_249L);
        }
        assertThat(WaveClients.retryWaitMillis("3600")).isEqualTo(WaveClients.MAX_RETRY_WAIT_MILLIS);
    }
}

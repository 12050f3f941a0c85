package dev.damagedesk.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.domain.surge.SurgeMode;
import dev.damagedesk.domain.surge.SurgeState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the wave stops watching the surge controller after the drain. */
class SurgeWatchTest {

    private static final Instant LAST_MINUTE_END = Instant.parse("2026-12-04T04:02:00Z");

    private static Optional<SurgeState> state(SurgeMode mode, Instant updatedAt) {
        return Optional.of(new SurgeState(mode, updatedAt.minusSeconds(120), Duration.ofMinutes(2), updatedAt));
    }

    @Test
    void itWaitsWhileSurgeIsOnAndUntilTheControllerHasReadTheWavesLastMinute() {
        Instant now = LAST_MINUTE_END.plusSeconds(30);
        assertThat(LoadWave.controllerStillToSettle(state(SurgeMode.SURGE, now), LAST_MINUTE_END, now)).isTrue();
        assertThat(LoadWave.controllerStillToSettle(state(SurgeMode.NORMAL, LAST_MINUTE_END.minusSeconds(5)),
                LAST_MINUTE_END, now)).as("its last run was before the wave's last minute ended").isTrue();
        assertThat(LoadWave.controllerStillToSettle(state(SurgeMode.NORMAL, LAST_MINUTE_END.plusSeconds(3)),
                LAST_MINUTE_END, now)).isFalse();
    }

    @Test
    void aControllerThatNeverPublishedIsAwaitedForTwoMinutesAfterTheWavesLastMinute() {
        assertThat(LoadWave.controllerStillToSettle(Optional.empty(), LAST_MINUTE_END, LAST_MINUTE_END.plusSeconds(119)))
                .isTrue();
        assertThat(LoadWave.controllerStillToSettle(Optional.empty(), LAST_MINUTE_END, LAST_MINUTE_END.plusSeconds(121)))
                .isFalse();
    }
}

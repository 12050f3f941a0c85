package dev.damagedesk.domain.surge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SurgePolicyTest {

    /** On at 5,000 waiting, 300 s, 3,000/min; off under 500, 60 s, 1,000/min for 3 minutes. */
    private static final SurgeThresholds THRESHOLDS = new SurgeThresholds(5_000, 500, Duration.ofSeconds(300),
            Duration.ofSeconds(60), 3_000, 1_000, 3);
    private final SurgePolicy policy = new SurgePolicy(THRESHOLDS);

    private static SurgeReading.Minute minute(long arrivals, long waitSeconds) {
        return new SurgeReading.Minute(arrivals, arrivals, Duration.ofSeconds(waitSeconds));
    }

    private static SurgeReading reading(long backlog, SurgeReading.Minute... minutes) {
        return new SurgeReading(backlog, List.of(minutes));
    }

    @Test
    void eachFigureOverItsUpperBoundSwitchesSurgeOnAndSaysWhich() {
        assertThat(policy.decide(SurgeMode.NORMAL, reading(5_000, minute(10, 1))).switchReason())
                .contains("backlog 5000 >= 5000");
        assertThat(policy.decide(SurgeMode.NORMAL, reading(0, minute(10, 300))).switchReason())
                .contains("oldest wait 300 s >= 300 s");
        assertThat(policy.decide(SurgeMode.NORMAL, reading(0, minute(10, 1), minute(3_000, 1))).switchReason())
                .contains("arrivals 3000/min >= 3000/min");
        assertThat(policy.decide(SurgeMode.NORMAL, reading(4_999, minute(2_999, 299))).mode())
                .isEqualTo(SurgeMode.NORMAL);
    }

    @Test
    void figuresBetweenTheBoundsChangeNeitherMode() {
        SurgeReading between = reading(4_999, minute(2_999, 299), minute(2_999, 299), minute(2_999, 299));
        assertThat(policy.decide(SurgeMode.NORMAL, between).mode()).isEqualTo(SurgeMode.NORMAL);
        assertThat(policy.decide(SurgeMode.NORMAL, between).switched()).isFalse();
        assertThat(policy.decide(SurgeMode.SURGE, between).mode()).isEqualTo(SurgeMode.SURGE);
        assertThat(policy.decide(SurgeMode.SURGE, between).switched()).isFalse();
    }

    @Test
    void surgeSwitchesOffOnlyAfterTheCalmMinutesWithTheBacklogUnderItsBound() {
        SurgeReading.Minute calm = minute(999, 59);
        assertThat(policy.decide(SurgeMode.SURGE, reading(0, calm, calm)).mode())
                .as("two calm minutes of three").isEqualTo(SurgeMode.SURGE);
        assertThat(policy.decide(SurgeMode.SURGE, reading(0, minute(1_000, 1), calm, calm)).mode())
                .as("one minute at the lower bound").isEqualTo(SurgeMode.SURGE);
        assertThat(policy.decide(SurgeMode.SURGE, reading(0, calm, minute(10, 60), calm)).mode())
                .as("one minute waiting as long as the bound").isEqualTo(SurgeMode.SURGE);
        assertThat(policy.decide(SurgeMode.SURGE, reading(500, calm, calm, calm)).mode())
                .as("the backlog at its bound").isEqualTo(SurgeMode.SURGE);

        SurgePolicy.Decision off = policy.decide(SurgeMode.SURGE, reading(499, minute(5_000, 900), calm, calm, calm));
        assertThat(off.mode()).isEqualTo(SurgeMode.NORMAL);
        assertThat(off.switchReason()).contains("for 3 minutes arrivals < 1000/min and oldest wait < 60 s;"
                + " backlog 499 < 500");
    }

    @Test
    void aRateOscillatingAroundTheUpperBoundSwitchesOnceAndNeverFlaps() {
        // a minute by minute replay: 2,900 and 3,100 per minute alternating for an hour, then calm
        List<SurgeReading.Minute> history = new ArrayList<>();
        SurgeMode mode = SurgeMode.NORMAL;
        List<SurgeMode> switches = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            history.add(i < 60 ? minute(i % 2 == 0 ? 2_900 : 3_100, 100) : minute(50, 2));
            List<SurgeReading.Minute> recent = history.subList(Math.max(0, history.size() - 5), history.size());
            SurgePolicy.Decision decision = policy.decide(mode, new SurgeReading(i < 60 ? 2_000 : 0, recent));
            if (decision.switched()) {
                switches.add(decision.mode());
            }
            mode = decision.mode();
        }
        assertThat(switches).containsExactly(SurgeMode.SURGE, SurgeMode.NORMAL);
        assertThat(Collections.frequency(switches, SurgeMode.SURGE)).isEqualTo(1);
    }

    @Test
    void thresholdsWithoutAGapBetweenTheBoundsAreRefused() {
        assertThatThrownBy(() -> new SurgeThresholds(500, 500, Duration.ofSeconds(300), Duration.ofSeconds(60), 3_000,
                1_000, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SurgeThresholds(5_000, 500, Duration.ofSeconds(60), Duration.ofSeconds(60), 3_000,
                1_000, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SurgeThresholds(5_000, 500, Duration.ofSeconds(300), Duration.ofSeconds(60), 3_000,
                1_000, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

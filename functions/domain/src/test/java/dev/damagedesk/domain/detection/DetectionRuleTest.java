package dev.damagedesk.domain.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.domain.traffic.MinuteTraffic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectionRuleTest {

    private static final Instant START = Instant.parse("2026-12-04T03:00:00Z");
    /** Three recent minutes against ten before them; five times the baseline and at least 20 a minute. */
    private final DetectionRule rule = new DetectionRule(3, 10, 5.0, 20);

    /** {@code baseline} minutes of the given arrivals, then {@code recent} ones. */
    private static List<MinuteTraffic> minutes(int baselineMinutes, Map<String, Long> baseline, Map<String, Long> recent) {
        List<MinuteTraffic> minutes = new ArrayList<>();
        for (int i = 0; i < baselineMinutes + 3; i++) {
            minutes.add(new MinuteTraffic(START.plusSeconds(60L * i), i < baselineMinutes ? baseline : recent, 0, Duration.ZERO));
        }
        return minutes;
    }

    @Test
    void aSharpRiseOverTheBaselineAndTheFloorIsASpikeWithItsRecentCounts() {
        List<ServiceSpike> spikes = rule.spikes(minutes(10, Map.of("messenger", 4L, "pay", 10L),
                Map.of("messenger", 40L, "pay", 30L)));

        // messenger: 40 >= 5 x 4 and >= 20; pay: 30 < 5 x 10.
        assertThat(spikes).extracting(ServiceSpike::service).containsExactly("messenger");
        assertThat(spikes.get(0).countsPerMinute()).containsExactly(
                Map.entry(START.plusSeconds(600), 40L), Map.entry(START.plusSeconds(660), 40L),
                Map.entry(START.plusSeconds(720), 40L));
    }

    @Test
    void aRiseFromNothingCountsOnceItReachesTheFloor() {
        assertThat(rule.spikes(minutes(10, Map.of(), Map.of("maps", 19L)))).isEmpty();
        assertThat(rule.spikes(minutes(10, Map.of(), Map.of("maps", 20L)))).extracting(ServiceSpike::service)
                .containsExactly("maps");
    }

    @Test
    void exactlyTheFactorIsARiseAndJustBelowIsNot() {
        assertThat(rule.spikes(minutes(10, Map.of("mail", 8L), Map.of("mail", 40L)))).hasSize(1);
        assertThat(rule.spikes(minutes(10, Map.of("mail", 8L), Map.of("mail", 39L)))).isEmpty();
    }

    @Test
    void aShortHistoryUsesTheBaselineMinutesItHas() {
        // Two baseline minutes of 10 a minute: 45 is not five times that, 50 is.
        assertThat(rule.spikes(minutes(2, Map.of("pay", 10L), Map.of("pay", 45L)))).isEmpty();
        assertThat(rule.spikes(minutes(2, Map.of("pay", 10L), Map.of("pay", 50L)))).hasSize(1);
        assertThat(rule.spikes(minutes(0, Map.of(), Map.of("pay", 50L)).subList(0, 2))).isEmpty();
    }

    @Test
    void onlyTheLastMinutesReadCountAsBaseline() {
        // An old busy stretch before the baseline window does not hide today's rise.
        List<MinuteTraffic> history = new ArrayList<>(minutes(10, Map.of("pay", 2L), Map.of("pay", 30L)));
        history.add(0, new MinuteTraffic(START.minusSeconds(60), Map.of("pay", 10_000L), 0, Duration.ZERO));
        assertThat(rule.spikes(history)).hasSize(1);
    }

    @Test
    void nonsenseThresholdsAreRefused() {
        assertThatThrownBy(() -> new DetectionRule(0, 10, 5, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DetectionRule(3, 10, 1.0, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DetectionRule(3, 10, 5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

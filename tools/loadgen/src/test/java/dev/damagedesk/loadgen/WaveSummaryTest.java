package dev.damagedesk.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.domain.detection.DetectedIncident;
import dev.damagedesk.domain.detection.ServiceSpike;
import dev.damagedesk.domain.surge.SurgeMode;
import dev.damagedesk.domain.surge.SurgeSwitch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WaveSummaryTest {

    private static final Instant START = Instant.parse("2026-12-04T03:00:00Z");

    private static WaveSummary summary(StorageCheck storage, Map<Integer, Long> givenUp, long accepted,
                                       List<SurgeSwitch> switches) {
        return summary(storage, givenUp, accepted, switches, List.of());
    }

    private static WaveSummary summary(StorageCheck storage, Map<Integer, Long> givenUp, long accepted,
                                       List<SurgeSwitch> switches, List<DetectedIncident> incidents) {
        return new WaveSummary(1_000, 16, Duration.ofSeconds(60), 50.0, 1_180, accepted, Map.of(429, 170L, 503, 10L),
                givenUp, 0, 12.5, 40.0, 81.25, Optional.of(Duration.ofMillis(4_200)), storage, 1_000, 0, START,
                switches, incidents);
    }

    @Test
    void lostIsAcceptedMinusFoundWithItsTokenAndDuplicatesAreItemsBeyondThem() {
        StorageCheck clean = new StorageCheck(1_000, 1_000, 0, 1_000);
        StorageCheck lossy = new StorageCheck(1_000, 997, 1, 1_001);
        StorageCheck doubled = new StorageCheck(1_000, 1_000, 0, 1_003);

        assertThat(clean.lost()).isZero();
        assertThat(clean.duplicates()).isZero();
        assertThat(lossy.lost()).isEqualTo(3);
        assertThat(lossy.duplicates()).as("997 found + 1 under another token = 998 items of 1,001").isEqualTo(3);
        assertThat(doubled.lost()).isZero();
        assertThat(doubled.duplicates()).isEqualTo(3);
        assertThat(new StorageCheck(10, 4, 0, 4).duplicates()).as("never negative").isZero();
    }

    @Test
    void theReportPassesOnlyWhenEveryReportWasAcceptedAndStoredOnceWithItsToken() {
        WaveSummary passed = summary(new StorageCheck(1_000, 1_000, 0, 1_000), Map.of(), 1_000, List.of());
        WaveSummary lost = summary(new StorageCheck(1_000, 999, 0, 999), Map.of(), 1_000, List.of());
        WaveSummary gaveUp = summary(new StorageCheck(998, 998, 0, 998), Map.of(429, 2L), 998, List.of());

        assertThat(passed.passed()).isTrue();
        assertThat(passed.acceptedPerSecond()).isEqualTo(20.0);
        assertThat(lost.passed()).isFalse();
        assertThat(gaveUp.passed()).isFalse();
        assertThat(gaveUp.givenUpTotal()).isEqualTo(2);
        assertThat(passed.text("http://127.0.0.1:3000", "wave.csv")).containsPattern("incident +none detected");
    }

    @Test
    void theTextCarriesEveryFigureAndTheSurgeSwitchesRelativeToTheStart() {
        List<SurgeSwitch> switches = List.of(
                new SurgeSwitch(START.plusSeconds(75), SurgeMode.SURGE, "backlog 5,000 over 1,000", 900, 300, 5_000,
                        Duration.ofSeconds(40), 4, 2.0),
                new SurgeSwitch(START.plusSeconds(300), SurgeMode.NORMAL, "backlog 0", 100, 400, 0, Duration.ZERO, 10,
                        14.0));
        DetectedIncident taxi = DetectedIncident.detected("2022-10-15",
                List.of(new ServiceSpike("taxi", Map.of(START.plusSeconds(60), 120L))));
        String text = summary(new StorageCheck(1_000, 999, 0, 999), Map.of(), 1_000, switches, List.of(taxi))
                .text("http://127.0.0.1:3000", "wave.csv, wave.svg");

        assertThat(text).contains("1,000 reports, 16 clients, the 2022 first-day curve over 1 min")
                .contains("429: 170, 503: 10")
                .contains("p50 12.5 ms, p95 40.0 ms, p99 81.3 ms")
                .contains("4.2 s after the last 202")
                .contains("999 of 1,000 accepted")
                .contains("surge at +75 s (backlog 5,000 over 1,000); normal at +300 s (backlog 0)")
                .contains(taxi.id() + " (taxi) first seen at +60 s, draft")
                .containsPattern("lost +1  \\(accepted, not in the table")
                .contains("FAIL");
    }
}

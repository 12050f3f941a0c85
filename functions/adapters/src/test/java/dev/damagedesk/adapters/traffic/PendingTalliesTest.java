package dev.damagedesk.adapters.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.application.memory.InMemoryTrafficTallies;
import dev.damagedesk.application.memory.ManualClock;
import dev.damagedesk.application.port.TrafficTallies;
import dev.damagedesk.domain.traffic.MinuteTraffic;
import dev.damagedesk.localaws.lambda.CapturedOutput;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A container's counts: added in bulk at most every interval, by minute, and kept when a write fails. */
class PendingTalliesTest {

    private static final Instant START = Instant.parse("2026-12-04T03:00:50Z");

    private final ManualClock clock = new ManualClock(START);
    private final InMemoryTrafficTallies stored = new InMemoryTrafficTallies();

    @Test
    void theFirstAddIsAtOnceThenAtMostEveryIntervalEachCountInTheMinuteItHappenedIn() {
        PendingTallies pending = new PendingTallies(stored, clock, Duration.ofSeconds(10));
        pending.accepted("music");
        pending.addIfDue();
        pending.accepted("music");
        pending.accepted("taxi");
        clock.advance(Duration.ofSeconds(9)); // 03:00:59: not due yet
        pending.addIfDue();
        assertThat(arrivals(START)).isEqualTo(Map.of("music", 1L));

        clock.advance(Duration.ofSeconds(2)); // 03:01:01: due
        pending.accepted("taxi");
        pending.addIfDue();

        assertThat(arrivals(START)).isEqualTo(Map.of("music", 2L, "taxi", 1L));
        assertThat(arrivals(START.plusSeconds(60))).isEqualTo(Map.of("taxi", 1L));
    }

    @Test
    void storedReportsAreCountedWithTheLongestWaitOfTheirMinute() {
        PendingTallies pending = new PendingTallies(stored, clock, Duration.ZERO);
        pending.stored(Duration.ofSeconds(4));
        pending.stored(Duration.ofSeconds(40));
        pending.stored(Duration.ofSeconds(7));
        pending.addIfDue();
        pending.addIfDue(); // nothing pending: nothing added twice

        assertThat(stored.minutes(START, START.plusSeconds(1))).containsExactly(
                new MinuteTraffic(MinuteTraffic.startOf(START), Map.of(), 3, Duration.ofSeconds(40)));
    }

    @Test
    void aFailedWriteFailsNothingLogsAWarningWithoutServicesAndIsAddedNextTime() {
        AtomicInteger failuresLeft = new AtomicInteger(1);
        TrafficTallies flaky = new TrafficTallies() {
            @Override
            public void addArrivals(Instant minute, Map<String, Long> reportsByService) {
                if (failuresLeft.getAndDecrement() > 0) {
                    throw new IllegalStateException("throttled");
                }
                stored.addArrivals(minute, reportsByService);
            }

            @Override
            public void addProcessed(Instant minute, long reports, Duration longestWait) {
                stored.addProcessed(minute, reports, longestWait);
            }

            @Override
            public List<MinuteTraffic> minutes(Instant from, Instant to) {
                return stored.minutes(from, to);
            }
        };
        PendingTallies pending = new PendingTallies(flaky, clock, Duration.ZERO);
        pending.accepted("portal-mail");
        List<Map<String, Object>> lines;
        try (CapturedOutput output = CapturedOutput.start()) {
            pending.addIfDue();
            lines = output.jsonLines();
        }
        assertThat(arrivals(START)).isEmpty();
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.get("level")).isEqualTo("WARN");
            assertThat(String.valueOf(line.get("message"))).contains("1 reports").doesNotContain("portal-mail");
        });

        pending.accepted("portal-mail");
        pending.addIfDue();
        assertThat(arrivals(START)).isEqualTo(Map.of("portal-mail", 2L));
    }

    private Map<String, Long> arrivals(Instant minute) {
        return stored.minutes(minute, minute.plusSeconds(1)).get(0).arrivalsByService();
    }
}

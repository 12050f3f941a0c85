package dev.damagedesk.adapters.traffic;

import dev.damagedesk.application.port.TrafficTallies;
import dev.damagedesk.domain.traffic.MinuteTraffic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A container's traffic counts, gathered in memory and added to {@link TrafficTallies} in bulk: the intake's accepted
 * reports by service ({@link #accepted}) and the processor's newly stored reports with the longest wait
 * ({@link #stored}), each by its minute. {@link #addIfDue} writes them at most every {@code interval} (called inside
 * an invocation: Lambda freezes a container between invocations, so no timer thread would run). A write that fails
 * never fails a report: it is logged as a WARN (counts and minutes only) and its counts wait for the next add.
 * Thread-safe: a batch's records may be processed concurrently.
 */
public final class PendingTallies {

    private static final Logger LOG = LoggerFactory.getLogger(PendingTallies.class);

    /** How often an intake container adds what it accepted. */
    public static final Duration INTAKE_INTERVAL = Duration.ofSeconds(10);

    private record Processed(long reports, Duration longestWait) {
        Processed plus(Processed other) {
            return new Processed(reports + other.reports,
                    longestWait.compareTo(other.longestWait) >= 0 ? longestWait : other.longestWait);
        }
    }

    private final TrafficTallies tallies;
    private final Clock clock;
    private final Duration interval;
    private Map<Instant, Map<String, Long>> arrivals = new TreeMap<>();
    private Map<Instant, Processed> processed = new TreeMap<>();
    private Instant lastAdded = Instant.MIN;

    /** @param interval the least time between two adds; zero adds at every call of {@link #addIfDue} */
    public PendingTallies(TrafficTallies tallies, Clock clock, Duration interval) {
        this.tallies = Objects.requireNonNull(tallies, "tallies");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    /** One report accepted now for {@code service}. */
    public synchronized void accepted(String service) {
        arrivals.computeIfAbsent(MinuteTraffic.startOf(clock.instant()), minute -> new HashMap<>())
                .merge(service, 1L, Long::sum);
    }

    /** One report stored for the first time now, {@code wait} after it was received. */
    public synchronized void stored(Duration wait) {
        processed.merge(MinuteTraffic.startOf(clock.instant()), new Processed(1, wait), Processed::plus);
    }

    /** Adds what is pending when {@code interval} has passed since the last add; never throws. */
    public void addIfDue() {
        Map<Instant, Map<String, Long>> arrivalsNow;
        Map<Instant, Processed> processedNow;
        synchronized (this) {
            Instant now = clock.instant();
            if ((arrivals.isEmpty() && processed.isEmpty()) || (lastAdded != Instant.MIN && now.isBefore(lastAdded.plus(interval)))) {
                return;
            }
            lastAdded = now;
            arrivalsNow = arrivals;
            processedNow = processed;
            arrivals = new TreeMap<>();
            processed = new TreeMap<>();
        }
        arrivalsNow.forEach((minute, byService) -> {
            try {
                tallies.addArrivals(minute, byService);
            } catch (RuntimeException e) {
                LOG.warn("Arrivals of {} not added to the traffic tallies ({} reports), kept for the next add: {}", minute,
                        byService.values().stream().mapToLong(Long::longValue).sum(), e.toString());
                synchronized (this) {
                    byService.forEach((service, count) -> arrivals.computeIfAbsent(minute, m -> new HashMap<>())
                            .merge(service, count, Long::sum));
                }
            }
        });
        processedNow.forEach((minute, stored) -> {
            try {
                tallies.addProcessed(minute, stored.reports(), stored.longestWait());
            } catch (RuntimeException e) {
                LOG.warn("Processed reports of {} not added to the traffic tallies ({} reports), kept for the next add: {}",
                        minute, stored.reports(), e.toString());
                synchronized (this) {
                    processed.merge(minute, stored, Processed::plus);
                }
            }
        });
    }
}

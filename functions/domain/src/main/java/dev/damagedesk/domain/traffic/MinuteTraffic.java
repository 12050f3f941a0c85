package dev.damagedesk.domain.traffic;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one minute of traffic came to: the reports the intake accepted in it (by service, the minute of receipt)
 * and the reports the processor stored in it (the minute of storing), with the longest wait from receipt to
 * storing among them. The surge controller reads the intake rate, the drain rate and the age of what waits from
 * these; incident detection reads the arrivals by service.
 *
 * @param minute            the minute's start (UTC, whole minute)
 * @param arrivalsByService accepted reports by the service they name
 * @param processed         reports stored for the first time in this minute
 * @param longestWait       the longest receipt-to-stored time among them; zero when none
 */
public record MinuteTraffic(Instant minute, Map<String, Long> arrivalsByService, long processed, Duration longestWait) {

    public MinuteTraffic {
        Objects.requireNonNull(minute, "minute");
        if (!minute.equals(startOf(minute))) {
            throw new IllegalArgumentException("not the start of a minute: " + minute);
        }
        arrivalsByService = Map.copyOf(new TreeMap<>(Objects.requireNonNull(arrivalsByService, "arrivalsByService")));
        if (processed < 0) {
            throw new IllegalArgumentException("processed must not be negative: " + processed);
        }
        Objects.requireNonNull(longestWait, "longestWait");
    }

    /** A minute with no traffic. */
    public static MinuteTraffic empty(Instant minute) {
        return new MinuteTraffic(minute, Map.of(), 0, Duration.ZERO);
    }

    /** The minute an instant falls in. */
    public static Instant startOf(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MINUTES);
    }

    /** Every accepted report of the minute, whatever its service. */
    public long arrivals() {
        return arrivalsByService.values().stream().mapToLong(Long::longValue).sum();
    }
}

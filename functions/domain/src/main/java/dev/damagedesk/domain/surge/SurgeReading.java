package dev.damagedesk.domain.surge;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one controller run sees: the intake queue's backlog now, and the last complete minutes of traffic, oldest
 * first (arrivals, reports stored and the longest wait of each).
 *
 * @param backlog        reports in the intake queue (visible and in flight)
 * @param recentMinutes  the last complete minutes, oldest first; the newest is the rate the run acts on
 */
public record SurgeReading(long backlog, List<Minute> recentMinutes) {

    /** One complete minute's figures. */
    public record Minute(long arrivals, long processed, Duration longestWait) {
        public Minute {
            Objects.requireNonNull(longestWait, "longestWait");
        }
    }

    public SurgeReading {
        if (backlog < 0) {
            throw new IllegalArgumentException("backlog must not be negative: " + backlog);
        }
        recentMinutes = List.copyOf(recentMinutes);
    }

    /** Arrivals in the newest complete minute; 0 when none is known. */
    public long arrivalsPerMinute() {
        return recentMinutes.isEmpty() ? 0 : recentMinutes.get(recentMinutes.size() - 1).arrivals();
    }

    /** The measured drain rate: reports stored per minute, averaged over the recent minutes (rounded down). */
    public long processedPerMinute() {
        return recentMinutes.isEmpty() ? 0
                : recentMinutes.stream().mapToLong(Minute::processed).sum() / recentMinutes.size();
    }

    /** The longest wait of the newest complete minute: how long the reports stored last had waited. */
    public Duration oldestWait() {
        return recentMinutes.isEmpty() ? Duration.ZERO : recentMinutes.get(recentMinutes.size() - 1).longestWait();
    }
}

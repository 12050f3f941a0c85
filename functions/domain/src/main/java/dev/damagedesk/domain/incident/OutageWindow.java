package dev.damagedesk.domain.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A stretch of time a service was down: from {@code start} (inclusive) to {@code end} (exclusive). */
public record OutageWindow(Instant start, Instant end) {

    public OutageWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("outage ends at " + end + " before it starts at " + start);
        }
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    /**
     * The part of a reported period that falls in this window, empty when they share no time. A period
     * that ends exactly when the outage starts, or starts exactly when it ends, shares none. A reported
     * instant ({@code from == to}) inside the window overlaps it for no time: it is in the outage, but
     * counts for nothing.
     */
    public Optional<OutageWindow> overlap(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends at " + to + " before it starts at " + from);
        }
        if (from.equals(to)) {
            return !from.isBefore(start) && from.isBefore(end)
                    ? Optional.of(new OutageWindow(from, from))
                    : Optional.empty();
        }
        Instant overlapStart = from.isAfter(start) ? from : start;
        Instant overlapEnd = to.isBefore(end) ? to : end;
        return overlapStart.isBefore(overlapEnd)
                ? Optional.of(new OutageWindow(overlapStart, overlapEnd))
                : Optional.empty();
    }
}

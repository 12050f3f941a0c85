package dev.damagedesk.domain.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** From when a service first went down to when its last function came back. */
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
}

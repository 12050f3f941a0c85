package dev.damagedesk.domain.detection;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A service whose arrivals rose sharply: its count in each minute of the recent window, oldest first. */
public record ServiceSpike(String service, Map<Instant, Long> countsPerMinute) {

    public ServiceSpike {
        Objects.requireNonNull(service, "service");
        countsPerMinute = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(countsPerMinute));
        if (countsPerMinute.isEmpty()) {
            throw new IllegalArgumentException("a spike has at least one minute");
        }
    }
}

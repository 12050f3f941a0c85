package dev.damagedesk.application.memory;

import dev.damagedesk.application.port.TrafficTallies;
import dev.damagedesk.domain.traffic.MinuteTraffic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link TrafficTallies} kept in memory, for use-case tests. */
public final class InMemoryTrafficTallies implements TrafficTallies {

    private final Map<Instant, MinuteTraffic> minutes = new TreeMap<>();

    @Override
    public synchronized void addArrivals(Instant minute, Map<String, Long> reportsByService) {
        MinuteTraffic before = minutes.getOrDefault(minute, MinuteTraffic.empty(minute));
        Map<String, Long> arrivals = new HashMap<>(before.arrivalsByService());
        reportsByService.forEach((service, count) -> arrivals.merge(service, count, Long::sum));
        minutes.put(minute, new MinuteTraffic(minute, arrivals, before.processed(), before.longestWait()));
    }

    @Override
    public synchronized void addProcessed(Instant minute, long reports, Duration longestWait) {
        MinuteTraffic before = minutes.getOrDefault(minute, MinuteTraffic.empty(minute));
        Duration longest = longestWait.compareTo(before.longestWait()) > 0 ? longestWait : before.longestWait();
        minutes.put(minute, new MinuteTraffic(minute, before.arrivalsByService(), before.processed() + reports, longest));
    }

    @Override
    public synchronized List<MinuteTraffic> minutes(Instant from, Instant to) {
        List<MinuteTraffic> result = new ArrayList<>();
        for (Instant minute = MinuteTraffic.startOf(from); minute.isBefore(to); minute = minute.plusSeconds(60)) {
            result.add(minutes.getOrDefault(minute, MinuteTraffic.empty(minute)));
        }
        return result;
    }
}

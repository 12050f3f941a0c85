package dev.damagedesk.domain.detection;

import dev.damagedesk.domain.traffic.MinuteTraffic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * When arrivals for a service rise sharply over their baseline: over the last {@code recentMinutes} complete minutes
 * the service's rate is at least {@code factor} times its rate over the {@code baselineMinutes} before them, and at
 * least {@code floorPerMinute} (so a quiet service going from 1 to 3 reports a minute is not an incident). Rates
 * are per minute; a baseline of nothing makes the floor the only bar.
 */
public record DetectionRule(int recentMinutes, int baselineMinutes, double factor, long floorPerMinute) {

    public DetectionRule {
        if (recentMinutes < 1 || baselineMinutes < 1) {
            throw new IllegalArgumentException("windows are at least a minute: recent " + recentMinutes
                    + ", baseline " + baselineMinutes);
        }
        if (!(factor > 1.0)) {
            throw new IllegalArgumentException("a rise is more than the baseline: factor " + factor);
        }
        if (floorPerMinute < 1) {
            throw new IllegalArgumentException("the floor is at least one report a minute: " + floorPerMinute);
        }
    }

    /** How many minutes the rule reads: the baseline, then the recent window. */
    public int minutesRead() {
        return baselineMinutes + recentMinutes;
    }

    /**
     * The services rising sharply, by name, with their counts in the recent window.
     *
     * @param minutes consecutive complete minutes, oldest first; the last {@link #recentMinutes()} are the recent
     *                window, up to {@link #baselineMinutes()} before them the baseline (fewer: the baseline is what
     *                there is, its rate over the minutes it has)
     */
    public List<ServiceSpike> spikes(List<MinuteTraffic> minutes) {
        if (minutes.size() < recentMinutes) {
            return List.of();
        }
        List<MinuteTraffic> recent = minutes.subList(minutes.size() - recentMinutes, minutes.size());
        List<MinuteTraffic> baseline = minutes.subList(Math.max(0, minutes.size() - minutesRead()),
                minutes.size() - recentMinutes);
        TreeSet<String> services = new TreeSet<>();
        recent.forEach(minute -> services.addAll(minute.arrivalsByService().keySet()));
        List<ServiceSpike> spikes = new ArrayList<>();
        for (String service : services) {
            double recentRate = (double) total(recent, service) / recent.size();
            double baselineRate = baseline.isEmpty() ? 0 : (double) total(baseline, service) / baseline.size();
            if (recentRate >= floorPerMinute && recentRate >= factor * baselineRate) {
                Map<java.time.Instant, Long> counts = new TreeMap<>();
                // Minutes without a report of it are left out: the spike is first seen when its reports are.
                recent.stream().filter(minute -> minute.arrivalsByService().getOrDefault(service, 0L) > 0)
                        .forEach(minute -> counts.put(minute.minute(), minute.arrivalsByService().get(service)));
                spikes.add(new ServiceSpike(service, counts));
            }
        }
        return spikes;
    }

    private static long total(List<MinuteTraffic> minutes, String service) {
        return minutes.stream().mapToLong(minute -> minute.arrivalsByService().getOrDefault(service, 0L)).sum();
    }
}

package dev.damagedesk.application.port;

import dev.damagedesk.domain.traffic.MinuteTraffic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Per-minute traffic counts, added to by every intake and processor instance at once (atomic adds, so concurrent
 * writers never lose a count). Writers add in bulk (an intake container adds what it accepted over some seconds,
 * a processor batch adds its batch), never a write per report. Counts are operational figures, not records: a
 * container that dies before adding loses a few counts, never a report.
 */
public interface TrafficTallies {

    /** Adds accepted reports, by service, to the minute they were received in. */
    void addArrivals(Instant minute, Map<String, Long> reportsByService);

    /** Adds reports stored for the first time to the minute they were stored in; keeps the longest wait. */
    void addProcessed(Instant minute, long reports, Duration longestWait);

    /** The minutes from {@code from} (inclusive) to {@code to} (exclusive), oldest first, a minute without traffic as empty. */
    List<MinuteTraffic> minutes(Instant from, Instant to);
}

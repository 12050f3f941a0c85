package dev.damagedesk.intake.submit;

import dev.damagedesk.adapters.queue.MessageQueue;
import dev.damagedesk.domain.intake.ProcessingEstimate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The expected processing time quoted to a reporter, from the intake queue's real depth and the processor's
 * configured rate. The depth is read at most every {@link #REFRESH} per container: during a surge every
 * request would otherwise add a GetQueueAttributes call. If the depth cannot be read the last figure stands.
 */
public final class ProcessingTimeQuote {

    static final Duration REFRESH = Duration.ofSeconds(15);

    private final MessageQueue queue;
    private final int reportsPerMinute;
    private final Clock clock;
    private long lastDepth;
    private Instant readAt = Instant.MIN;

    public ProcessingTimeQuote(MessageQueue queue, int reportsPerMinute, Clock clock) {
        this.queue = queue;
        this.reportsPerMinute = reportsPerMinute;
        this.clock = clock;
    }

    public synchronized Duration current() {
        Instant now = clock.instant();
        if (readAt.plus(REFRESH).isBefore(now)) {
            try {
                lastDepth = queue.approximateDepth();
            } catch (RuntimeException unreadable) {
                // A quote is advice; never fail an accepted report over it.
            }
            readAt = now;
        }
        return ProcessingEstimate.expectedProcessingTime(lastDepth, reportsPerMinute);
    }
}

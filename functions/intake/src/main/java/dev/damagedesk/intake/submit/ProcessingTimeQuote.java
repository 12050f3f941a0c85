package dev.damagedesk.intake.submit;

import dev.damagedesk.application.port.QueueBacklog;
import dev.damagedesk.application.port.SurgeStates;
import dev.damagedesk.domain.intake.ProcessingEstimate;
import dev.damagedesk.domain.surge.SurgeState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The expected processing time quoted to a reporter (the {@code 202} and the status lookup of a report still
 * queued): the surge controller's published figure, from the backlog and the measured drain rate, while it is
 * fresh (published within {@link #FRESH}); otherwise the intake queue's depth at the configured processing rate.
 * Read at most every {@link #REFRESH} per container: during a surge every request would otherwise add a read.
 * If nothing can be read the last figure stands: a quote is advice, never a reason to fail a report.
 */
public final class ProcessingTimeQuote {

    static final Duration REFRESH = Duration.ofSeconds(15);
    /** The controller runs every minute: a state older than three runs means it has stopped. */
    static final Duration FRESH = Duration.ofMinutes(3);

    private final QueueBacklog backlog;
    private final SurgeStates published;
    private final int reportsPerMinute;
    private final Clock clock;
    private Duration last;
    private Instant readAt = Instant.MIN;

    public ProcessingTimeQuote(QueueBacklog backlog, SurgeStates published, int reportsPerMinute, Clock clock) {
        this.backlog = backlog;
        this.published = published;
        this.reportsPerMinute = reportsPerMinute;
        this.clock = clock;
        this.last = ProcessingEstimate.expectedProcessingTime(0, reportsPerMinute);
    }

    public synchronized Duration current() {
        Instant now = clock.instant();
        if (readAt.plus(REFRESH).isBefore(now)) {
            last = fresh(now).orElseGet(() -> estimated().orElse(last));
            readAt = now;
        }
        return last;
    }

    private Optional<Duration> fresh(Instant now) {
        try {
            return published.current().filter(state -> state.updatedAt().plus(FRESH).isAfter(now))
                    .map(SurgeState::expectedProcessing);
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private Optional<Duration> estimated() {
        try {
            return Optional.of(ProcessingEstimate.expectedProcessingTime(backlog.reports(), reportsPerMinute));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}

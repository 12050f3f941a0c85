package dev.damagedesk.domain.surge;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One switch between modes, with the figures that made it: kept for the dashboard and the audit trail.
 *
 * @param at                 when the controller switched
 * @param to                 the mode switched to
 * @param reason             why, in a line for staff (figures and thresholds, no personal data)
 * @param arrivalsPerMinute  the intake rate it saw
 * @param processedPerMinute the drain rate it saw
 * @param backlog            reports waiting in the intake queue
 * @param oldestWait         how long the oldest waiting report had waited
 * @param processorConcurrency the processor's event-source MaximumConcurrency it set
 * @param emailsPerSecond    the email send rate it set
 */
public record SurgeSwitch(Instant at, SurgeMode to, String reason, long arrivalsPerMinute, long processedPerMinute,
                          long backlog, Duration oldestWait, int processorConcurrency, double emailsPerSecond) {

    public SurgeSwitch {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(oldestWait, "oldestWait");
    }
}

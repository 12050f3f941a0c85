package dev.damagedesk.domain.surge;

import java.time.Duration;
import java.util.Objects;

/**
 * When the channel switches to surge and back (template parameters). Each figure has an upper bound, crossing which
 * switches surge on, and a lower bound under which it must stay, with the others, for {@code calmMinutes}
 * consecutive minutes before surge switches off: the gap between the bounds and the wait are the hysteresis.
 *
 * @param backlogOn   reports waiting in the intake queue that switch surge on
 * @param backlogOff  the backlog surge may switch off under
 * @param waitOn      the oldest wait (receipt to stored) that switches surge on
 * @param waitOff     the wait surge may switch off under
 * @param arrivalsOn  reports accepted per minute that switch surge on
 * @param arrivalsOff the arrival rate surge may switch off under
 * @param calmMinutes complete minutes every figure must stay under its lower bound before surge switches off
 */
public record SurgeThresholds(long backlogOn, long backlogOff, Duration waitOn, Duration waitOff, long arrivalsOn,
                              long arrivalsOff, int calmMinutes) {

    public SurgeThresholds {
        Objects.requireNonNull(waitOn, "waitOn");
        Objects.requireNonNull(waitOff, "waitOff");
        if (backlogOff < 0 || backlogOff >= backlogOn) {
            throw new IllegalArgumentException("need 0 <= backlogOff < backlogOn: " + backlogOff + ", " + backlogOn);
        }
        if (waitOff.isNegative() || waitOff.compareTo(waitOn) >= 0) {
            throw new IllegalArgumentException("need 0 <= waitOff < waitOn: " + waitOff + ", " + waitOn);
        }
        if (arrivalsOff < 0 || arrivalsOff >= arrivalsOn) {
            throw new IllegalArgumentException("need 0 <= arrivalsOff < arrivalsOn: " + arrivalsOff + ", " + arrivalsOn);
        }
        if (calmMinutes < 1) {
            throw new IllegalArgumentException("calmMinutes must be at least 1: " + calmMinutes);
        }
    }
}

package dev.damagedesk.domain.surge;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Switches between normal and surge with hysteresis. In normal, any figure over its upper bound switches surge on
 * (backlog, oldest wait, arrival rate: whichever a wave shows first). In surge, only every figure under its lower
 * bound for {@link SurgeThresholds#calmMinutes()} consecutive complete minutes switches it off; the backlog, read
 * only now, must be under its bound now. Between the bounds nothing changes, so a rate hovering around one bound
 * cannot flap the mode.
 */
public final class SurgePolicy {

    /** The mode for the next minute and, when it changes, why (figures and thresholds, for staff). */
    public record Decision(SurgeMode mode, Optional<String> switchReason) {
        public boolean switched() {
            return switchReason.isPresent();
        }
    }

    private final SurgeThresholds thresholds;

    public SurgePolicy(SurgeThresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    public SurgeThresholds thresholds() {
        return thresholds;
    }

    public Decision decide(SurgeMode current, SurgeReading reading) {
        return current == SurgeMode.NORMAL ? whenNormal(reading) : whenSurging(reading);
    }

    private Decision whenNormal(SurgeReading reading) {
        if (reading.backlog() >= thresholds.backlogOn()) {
            return surge("backlog " + reading.backlog() + " >= " + thresholds.backlogOn());
        }
        if (reading.oldestWait().compareTo(thresholds.waitOn()) >= 0) {
            return surge("oldest wait " + reading.oldestWait().toSeconds() + " s >= " + thresholds.waitOn().toSeconds()
                    + " s");
        }
        if (reading.arrivalsPerMinute() >= thresholds.arrivalsOn()) {
            return surge("arrivals " + reading.arrivalsPerMinute() + "/min >= " + thresholds.arrivalsOn() + "/min");
        }
        return new Decision(SurgeMode.NORMAL, Optional.empty());
    }

    private Decision whenSurging(SurgeReading reading) {
        List<SurgeReading.Minute> minutes = reading.recentMinutes();
        int calm = thresholds.calmMinutes();
        boolean longEnough = minutes.size() >= calm;
        boolean calmMinutes = longEnough && minutes.subList(minutes.size() - calm, minutes.size()).stream()
                .allMatch(minute -> minute.arrivals() < thresholds.arrivalsOff()
                        && minute.longestWait().compareTo(thresholds.waitOff()) < 0);
        if (calmMinutes && reading.backlog() < thresholds.backlogOff()) {
            return new Decision(SurgeMode.NORMAL, Optional.of("for " + calm + " minutes arrivals < "
                    + thresholds.arrivalsOff() + "/min and oldest wait < " + thresholds.waitOff().toSeconds()
                    + " s; backlog " + reading.backlog() + " < " + thresholds.backlogOff()));
        }
        return new Decision(SurgeMode.SURGE, Optional.empty());
    }

    private static Decision surge(String reason) {
        return new Decision(SurgeMode.SURGE, Optional.of(reason));
    }
}

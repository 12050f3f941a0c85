package dev.damagedesk.application.notice;

import dev.damagedesk.application.port.SendingSlots;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Paces one notifier instance's sends within the rate all instances share: before each send it takes a slot of the
 * current second, and when the second's slots are gone it waits for the next second and tries again, up to
 * {@code maxWait}. A notice that gets no slot by then is deferred (its message comes back through the queue),
 * never sent over the rate and never dropped.
 */
public final class EmailPace {

    /** How a wait is spent: a real sleep in a function, the clock moved on in a test. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final SendingSlots slots;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration maxWait;

    public EmailPace(SendingSlots slots, Clock clock, Sleeper sleeper, Duration maxWait) {
        this.slots = slots;
        this.clock = clock;
        this.sleeper = sleeper;
        this.maxWait = maxWait;
    }

    /** A notifier's pace: real sleeps, waiting at most {@code maxWait} for a slot. */
    public static EmailPace sleeping(SendingSlots slots, Clock clock, Duration maxWait) {
        return new EmailPace(slots, clock, duration -> Thread.sleep(duration.toMillis()), maxWait);
    }

    /** @return true with a slot taken (send now); false when none came within the wait (defer the notice) */
    public boolean awaitSlot() {
        Instant giveUpAt = clock.instant().plus(maxWait);
        while (true) {
            Instant now = clock.instant();
            if (slots.take(now.getEpochSecond())) {
                return true;
            }
            Instant nextSecond = Instant.ofEpochSecond(now.getEpochSecond() + 1);
            if (nextSecond.isAfter(giveUpAt)) {
                return false;
            }
            try {
                sleeper.sleep(Duration.between(now, nextSecond));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}

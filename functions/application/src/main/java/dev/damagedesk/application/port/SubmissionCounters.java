package dev.damagedesk.application.port;

import java.time.Instant;

/**
 * Counters of submissions per subject and time window, shared by every intake instance (atomic adds, so concurrent
 * instances never lose a count). A counter is created at its first add and forgotten after {@code expiresAt}; its key
 * already names its window, so an old counter is never read again even before it is deleted.
 */
public interface SubmissionCounters {

    /**
     * Adds one to the counter.
     *
     * @param counterKey names the subject and the window, e.g. {@code contact#email:<hash>#<window start>}; never a
     *                   plain contact or address
     * @return the count after this add (1 for the window's first submission)
     * @throws Unavailable when the count could not be added (the store is slow, throttled or down)
     */
    long add(String counterKey, Instant expiresAt);

    /** The counters could not be reached; the caller decides what a missing count means. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

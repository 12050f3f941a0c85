package dev.damagedesk.domain.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an incident's outage ledger: one service, or one function of it, being down.
 *
 * @param function    which part of the service, e.g. "text messaging"; null when the whole service was down
 * @param approximate true when the restore time comes from press reports rather than the operator's log
 * @param notifiedAt  when users were told about the outage; null when they were not
 */
public record ServiceOutage(String service, String function, Instant down, Instant restored, boolean approximate,
                            Instant notifiedAt) {

    public ServiceOutage {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(down, "down");
        Objects.requireNonNull(restored, "restored");
        if (service.isBlank()) {
            throw new IllegalArgumentException("service must not be blank");
        }
        if (function != null && function.isBlank()) {
            throw new IllegalArgumentException(service + ": function must be null or not blank");
        }
        if (restored.isBefore(down)) {
            throw new IllegalArgumentException(service + " restored at " + restored + " before going down at " + down);
        }
    }

    /** An entry whose users were not notified. */
    public ServiceOutage(String service, String function, Instant down, Instant restored, boolean approximate) {
        this(service, function, down, restored, approximate, null);
    }

    /** The authoritative time this entry was down. */
    public OutageWindow window() {
        return new OutageWindow(down, restored);
    }

    public boolean notified() {
        return notifiedAt != null;
    }

    /**
     * Whether users were told before the outage began (at the latest when it began). Terms of service
     * spare the operator the subscription extension only for an outage announced in advance; a notice
     * posted while the service is already down does not count.
     */
    public boolean notifiedInAdvance() {
        return notifiedAt != null && !notifiedAt.isAfter(down);
    }

    /** This entry with users notified at the given time (null: not notified). */
    public ServiceOutage withNotifiedAt(Instant at) {
        return new ServiceOutage(service, function, down, restored, approximate, at);
    }
}

package dev.damagedesk.domain.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * One service, or one function of it, being down during an incident.
 *
 * @param function    which part of the service, e.g. "text messaging"; null when the whole service was down
 * @param approximate true when the restore time comes from press reports rather than the operator's log
 */
public record ServiceOutage(String service, String function, Instant down, Instant restored, boolean approximate) {

    public ServiceOutage {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(down, "down");
        Objects.requireNonNull(restored, "restored");
        if (service.isBlank()) {
            throw new IllegalArgumentException("service must not be blank");
        }
        if (restored.isBefore(down)) {
            throw new IllegalArgumentException(service + " restored at " + restored + " before going down at " + down);
        }
    }
}

package dev.damagedesk.application.port;

import dev.damagedesk.domain.report.Language;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Outage notice emails, queued for the notifier (so they are paced like every other email). The notifier sends at
 * most one per recipient and incident, however often one is queued: a reporter of three reports gets one.
 */
public interface OutageNotices {

    /**
     * @param recipientName null for a subscriber (they gave no name)
     * @param restoredAt    null while the services are not back
     */
    record OutageNotice(String incidentId, String recipientEmail, String recipientName, Language language,
                        List<String> services, Instant downFrom, Instant restoredAt) {
        public OutageNotice {
            Objects.requireNonNull(incidentId, "incidentId");
            Objects.requireNonNull(recipientEmail, "recipientEmail");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(downFrom, "downFrom");
            services = List.copyOf(services);
        }
    }

    /** Queues the notices of one page, in as few calls as the queue allows. */
    void queue(List<OutageNotice> notices);
}

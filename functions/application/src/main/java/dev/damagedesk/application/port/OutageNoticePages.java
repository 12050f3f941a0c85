package dev.damagedesk.application.port;

import java.util.Map;
import java.util.Objects;

/** Where the pages of an outage-notice fan-out wait (the staff job queue): each page queues the next. */
public interface OutageNoticePages {

    /** Whom a page notifies: the reporters of the incident's reports, or the subscribers of one of its services. */
    enum Audience { REPORTERS, SUBSCRIBERS }

    /** One page: the next recipients of one service of a confirmed detected incident, after {@code cursor} (null: first). */
    record OutageNoticePage(String incidentId, Audience audience, String service, Map<String, String> cursor) {
        public OutageNoticePage {
            Objects.requireNonNull(incidentId, "incidentId");
            Objects.requireNonNull(audience, "audience");
            Objects.requireNonNull(service, "service");
            cursor = cursor == null ? null : Map.copyOf(cursor);
        }
    }

    void queue(OutageNoticePage page);
}

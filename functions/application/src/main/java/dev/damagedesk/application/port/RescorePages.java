package dev.damagedesk.application.port;

import java.util.Map;
import java.util.Objects;

/** Where the pages of re-scoring jobs wait (the re-scoring queue): each page queues the next. */
public interface RescorePages {

    /**
     * One page of a re-scoring job: re-score the reports of one service of an incident under a policy version,
     * starting after {@code cursor} (null for the first page).
     */
    record RescorePage(String incidentId, int policyVersion, String service, Map<String, String> cursor) {
        public RescorePage {
            Objects.requireNonNull(incidentId, "incidentId");
            Objects.requireNonNull(service, "service");
            cursor = cursor == null ? null : Map.copyOf(cursor);
        }
    }

    void queue(RescorePage page);
}

package dev.damagedesk.application.port;

import dev.damagedesk.domain.report.Language;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** People who asked for outage notices about some services, without filing a report. */
public interface NoticeSubscriptions {

    record Subscription(String email, Language language, Set<String> services, Instant subscribedAt) {
        public Subscription {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(subscribedAt, "subscribedAt");
            services = Set.copyOf(services);
        }
    }

    /** Stores it for each of its services; the same email again replaces the earlier (language, services added). */
    void subscribe(Subscription subscription);

    /** One page of a service's subscribers. @param next null after the last page */
    record Page(List<Subscription> subscriptions, Map<String, String> next) {
    }

    Page page(String service, Map<String, String> cursor, int limit);
}

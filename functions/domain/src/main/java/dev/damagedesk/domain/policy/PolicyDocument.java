package dev.damagedesk.domain.policy;

import dev.damagedesk.domain.report.Category;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One version of an incident's compensation policy, as data: which kinds of damage each service can
 * have caused, and the parameters of every rule. Read and written by {@link PolicyDocuments}; applied by
 * {@link PolicyEngine}. A published version never changes: a change is a new version.
 *
 * @param services    per service of the incident, the categories it offers (e.g. paid subscriptions only
 *                    where there is something to subscribe to)
 * @param description for people (what changed in this version and why); null when there is none
 */
public record PolicyDocument(
        String incidentId,
        int version,
        String description,
        Map<String, Set<Category>> services,
        PaidSubscriptionRule paidSubscription,
        FailedPurchaseRule failedPurchase,
        FreeServiceRule freeServiceMoneyLost,
        SmallBusinessRule smallBusiness) {

    public PolicyDocument {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(paidSubscription, "paidSubscription");
        Objects.requireNonNull(failedPurchase, "failedPurchase");
        Objects.requireNonNull(freeServiceMoneyLost, "freeServiceMoneyLost");
        Objects.requireNonNull(smallBusiness, "smallBusiness");
        if (!incidentId.matches(Limits.INCIDENT_ID_PATTERN)) {
            throw new IllegalArgumentException("not an incident id: " + incidentId);
        }
        Limits.check("version", version, Limits.VERSION);
        if (services.isEmpty()) {
            throw new IllegalArgumentException("a policy must name at least one service");
        }
        SortedMap<String, Set<Category>> copy = new TreeMap<>();
        services.forEach((service, categories) -> {
            if (service.isBlank() || categories.isEmpty()) {
                throw new IllegalArgumentException("service '" + service + "' needs a name and at least one category");
            }
            copy.put(service, Collections.unmodifiableSet(EnumSet.copyOf(categories)));
        });
        services = Collections.unmodifiableSortedMap(copy);
    }

    /** What every decision under this document records: {@code <incidentId>/v<version>}, e.g. {@code 2022-10-15/v1}. */
    public String policyVersion() {
        return incidentId + "/v" + version;
    }

    /** Whether the service can have caused this kind of damage; false for a service the document does not name. */
    public boolean offers(String service, Category category) {
        Set<Category> offered = services.get(service);
        return offered != null && offered.contains(category);
    }
}

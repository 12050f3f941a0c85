package dev.damagedesk.domain.policy;

import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.incident.IncidentDocument;
import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.testing.MinimalJson;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The bundled 2022 incident and policy, and policies built in code for made-up incidents. */
final class PolicyFixtures {

    static final String V1_RESOURCE = PolicyDocuments.bundledResource(IncidentDocument.INCIDENT_2022_10_15_ID, 1);

    private PolicyFixtures() {
    }

    static Incident bundledIncident() {
        return IncidentDocument.fromMap(IncidentDocument.INCIDENT_2022_10_15_ID,
                MinimalJson.parseObjectResource(IncidentDocument.BUNDLED_2022_10_15_RESOURCE));
    }

    static Map<String, Object> bundledV1Map() {
        return MinimalJson.parseObjectResource(V1_RESOURCE);
    }

    static PolicyDocument bundledV1() {
        return PolicyDocuments.parse(bundledV1Map()).value();
    }

    /** The 2022 rules for another incident whose services offer every category. */
    static PolicyDocument everythingOffered(String incidentId, String... services) {
        return withRules(incidentId, bundledV1().paidSubscription(), bundledV1().smallBusiness(), services);
    }

    static PolicyDocument withRules(String incidentId, PaidSubscriptionRule paid, SmallBusinessRule bands,
                                    String... services) {
        PolicyDocument v1 = bundledV1();
        Map<String, java.util.Set<Category>> offered = new HashMap<>();
        for (String service : services) {
            offered.put(service, EnumSet.allOf(Category.class));
        }
        return new PolicyDocument(incidentId, 1, null, offered, paid, v1.failedPurchase(), v1.freeServiceMoneyLost(),
                bands);
    }

    static SmallBusinessRule bands(long... limitsAndPayments) {
        List<LossBand> bands = new java.util.ArrayList<>();
        for (int i = 0; i < limitsAndPayments.length; i += 2) {
            bands.add(new LossBand(limitsAndPayments[i], limitsAndPayments[i + 1]));
        }
        return new SmallBusinessRule(bands);
    }
}

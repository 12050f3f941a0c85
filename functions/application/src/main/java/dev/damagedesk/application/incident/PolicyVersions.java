package dev.damagedesk.application.incident;

import dev.damagedesk.application.port.IncidentRecords;
import dev.damagedesk.application.port.RescorePages;
import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.policy.PolicyDocument;
import dev.damagedesk.domain.policy.PolicyDocuments;
import dev.damagedesk.domain.validation.FieldError;
import dev.damagedesk.domain.validation.Validated;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validating and publishing a new version of an incident's compensation policy: the document is checked on its own
 * and against the incident's ledger, stored as the active version, and the re-scoring job is started with one first
 * page per service of the incident. Publishing the same document again is harmless: the store keeps it once and
 * re-scoring skips reports that already carry the version. The command-line tool and the admin API call this.
 */
public final class PolicyVersions {

    public sealed interface Result {
        record Invalid(List<FieldError> errors) implements Result {
        }

        record Published(String policyVersion, boolean active, List<String> servicesQueued) implements Result {
        }
    }

    private final IncidentRecords records;
    private final RescorePages rescorePages;
    private final Clock clock;

    public PolicyVersions(IncidentRecords records, RescorePages rescorePages, Clock clock) {
        this.records = records;
        this.rescorePages = rescorePages;
        this.clock = clock;
    }

    /** Checks a document without publishing it; empty when it is valid. */
    public List<FieldError> validate(Map<String, Object> document) {
        Validated<PolicyDocument> parsed = PolicyDocuments.parse(document);
        if (!parsed.isValid()) {
            return parsed.errors();
        }
        Incident incident;
        try {
            incident = records.incident(parsed.value().incidentId());
        } catch (IllegalArgumentException unknown) {
            return List.of(new FieldError("incidentId", "not_allowed",
                    "No incident " + parsed.value().incidentId() + " is imported or bundled.",
                    "사고 " + parsed.value().incidentId() + "이(가) 등록되어 있지 않습니다."));
        }
        return PolicyDocuments.checkAgainst(parsed.value(), incident);
    }

    /** @throws IllegalStateException when the version exists with different content */
    public Result publish(Map<String, Object> document) {
        List<FieldError> errors = validate(document);
        if (!errors.isEmpty()) {
            return new Result.Invalid(errors);
        }
        PolicyDocument policy = PolicyDocuments.parse(document).value();
        boolean active = records.publishPolicy(policy.incidentId(), policy.version(), document, clock.instant());
        List<String> queued = new ArrayList<>();
        if (!active) {
            // A later version is already active: re-scoring under this one would step back.
            return new Result.Published(policy.policyVersion(), false, queued);
        }
        for (String service : records.incident(policy.incidentId()).services()) {
            rescorePages.queue(new RescorePages.RescorePage(policy.incidentId(), policy.version(), service, null));
            queued.add(service);
        }
        return new Result.Published(policy.policyVersion(), true, queued);
    }

    /** A version of an incident's policy. @param publishedAt null for a version bundled with the functions */
    public record Listed(int version, String policyVersion, boolean active, Instant publishedAt) {
    }

    /**
     * An incident's policy versions, oldest first, the one new reports are scored under marked active.
     *
     * @throws IllegalArgumentException when the incident is not known
     */
    public List<Listed> versions(String incidentId) {
        records.incident(incidentId);
        Integer active = records.activePolicyVersion(incidentId).orElse(null);
        return records.policyVersions(incidentId).stream()
                .map(policy -> new Listed(policy.version(), incidentId + "/v" + policy.version(),
                        active != null && active == policy.version(), policy.publishedAt()))
                .toList();
    }
}

package dev.damagedesk.adapters.incident;

import dev.damagedesk.adapters.message.RescorePageMessage;
import dev.damagedesk.adapters.queue.MessageQueue;
import dev.damagedesk.adapters.repository.IncidentStore;
import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.policy.PolicyDocument;
import dev.damagedesk.domain.policy.PolicyDocuments;
import dev.damagedesk.domain.validation.FieldError;
import dev.damagedesk.domain.validation.Validated;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Publishes a new version of an incident's compensation policy: validates the document (on its own and against
 * the incident's ledger), stores it as the active version, and starts the re-scoring job: one first page per
 * service of the incident on the re-scoring queue. The command-line tool calls it now, the staff API later.
 * Publishing the same document again is harmless: the store keeps it once and re-scoring skips reports that
 * already carry the version.
 */
public final class PolicyPublisher {

    public sealed interface Result {
        record Invalid(List<FieldError> errors) implements Result {
        }

        record Published(String policyVersion, boolean active, List<String> servicesQueued) implements Result {
        }
    }

    private final IncidentStore store;
    private final IncidentDirectory directory;
    private final MessageQueue rescoreQueue;
    private final Clock clock;

    public PolicyPublisher(IncidentStore store, IncidentDirectory directory, MessageQueue rescoreQueue, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.rescoreQueue = rescoreQueue;
        this.clock = clock;
    }

    /** Checks a document without publishing it. */
    public List<FieldError> validate(Map<String, Object> document) {
        Validated<PolicyDocument> parsed = PolicyDocuments.parse(document);
        if (!parsed.isValid()) {
            return parsed.errors();
        }
        Incident incident;
        try {
            incident = directory.incident(parsed.value().incidentId());
        } catch (IllegalArgumentException unknown) {
            return List.of(new FieldError("incidentId", "not_allowed",
                    "No incident " + parsed.value().incidentId() + " is imported or bundled.",
                    "사고 " + parsed.value().incidentId() + "이(가) 등록되어 있지 않습니다."));
        }
        return PolicyDocuments.checkAgainst(parsed.value(), incident);
    }

    /**
     * @throws IncidentStore.PolicyVersionConflict when the version exists with different content
     */
    public Result publish(Map<String, Object> document) {
        List<FieldError> errors = validate(document);
        if (!errors.isEmpty()) {
            return new Result.Invalid(errors);
        }
        PolicyDocument policy = PolicyDocuments.parse(document).value();
        boolean active = store.publishPolicy(policy.incidentId(), policy.version(), document, clock.instant());
        List<String> queued = new ArrayList<>();
        if (!active) {
            // A later version is already active: re-scoring under this one would step back.
            return new Result.Published(policy.policyVersion(), false, queued);
        }
        for (String service : directory.incident(policy.incidentId()).services()) {
            rescoreQueue.send(new RescorePageMessage(policy.incidentId(), policy.version(), service, null).toJson());
            queued.add(service);
        }
        return new Result.Published(policy.policyVersion(), active, queued);
    }
}

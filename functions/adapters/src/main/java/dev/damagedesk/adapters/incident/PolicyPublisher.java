package dev.damagedesk.adapters.incident;

import dev.damagedesk.adapters.queue.MessageQueue;
import dev.damagedesk.adapters.queue.SqsRescorePages;
import dev.damagedesk.adapters.repository.IncidentStore;
import dev.damagedesk.application.incident.PolicyVersions;
import dev.damagedesk.domain.validation.FieldError;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@link PolicyVersions} wired to the table and the re-scoring queue, for callers that hold the adapters (the
 * end-to-end tests). The logic is the use case's; this class only connects it.
 */
public final class PolicyPublisher {

    public sealed interface Result {
        record Invalid(List<FieldError> errors) implements Result {
        }

        record Published(String policyVersion, boolean active, List<String> servicesQueued) implements Result {
        }
    }

    private final PolicyVersions versions;

    public PolicyPublisher(IncidentStore store, IncidentDirectory directory, MessageQueue rescoreQueue, Clock clock) {
        this.versions = new PolicyVersions(new StoredIncidentRecords(store, directory),
                new SqsRescorePages(rescoreQueue), clock);
    }

    /** Checks a document without publishing it. */
    public List<FieldError> validate(Map<String, Object> document) {
        return versions.validate(document);
    }

    /** @throws IncidentStore.PolicyVersionConflict when the version exists with different content */
    public Result publish(Map<String, Object> document) {
        PolicyVersions.Result result = versions.publish(document);
        if (result instanceof PolicyVersions.Result.Invalid invalid) {
            return new Result.Invalid(invalid.errors());
        }
        PolicyVersions.Result.Published published = (PolicyVersions.Result.Published) result;
        return new Result.Published(published.policyVersion(), published.active(), published.servicesQueued());
    }
}

package dev.damagedesk.localruntime.poller;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a function's partial batch response the way Lambda does for an SQS event source with
 * {@code ReportBatchItemFailures}: a null or empty response or {@code batchItemFailures} means every message succeeded;
 * an entry without an {@code itemIdentifier}, with an empty one, or naming a message not in the batch, and a response
 * that is not JSON, mean the whole batch failed.
 */
final class BatchItemFailures {

    private BatchItemFailures() {
    }

    /**
     * @return the ids of the failed messages, or empty when the whole batch counts as failed
     */
    static Optional<Set<String>> failedMessageIds(String response, Set<String> batchMessageIds) {
        if (response == null || response.isBlank()) {
            return Optional.of(Set.of());
        }
        Object parsed;
        try {
            parsed = JSON.std.anyFrom(response);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (parsed == null) {
            return Optional.of(Set.of());
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            return Optional.empty();
        }
        Object failures = map.get("batchItemFailures");
        if (failures == null) {
            return Optional.of(Set.of());
        }
        if (!(failures instanceof List<?> list)) {
            return Optional.empty();
        }
        Set<String> failed = new HashSet<>();
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?> failure) || !(failure.get("itemIdentifier") instanceof String id)
                    || id.isEmpty() || !batchMessageIds.contains(id)) {
                return Optional.empty();
            }
            failed.add(id);
        }
        return Optional.of(failed);
    }
}

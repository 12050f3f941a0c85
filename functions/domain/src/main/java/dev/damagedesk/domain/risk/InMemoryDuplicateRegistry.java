package dev.damagedesk.domain.risk;

import dev.damagedesk.domain.report.ReportId;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link DuplicateRegistry} in memory, for tests and the replay tool: one JVM, nothing kept. Thread-safe. */
public final class InMemoryDuplicateRegistry implements DuplicateRegistry {

    private record Claim(String incidentId, String service, String identityKey) {
    }

    private final ConcurrentMap<Claim, ReportId> firstClaims = new ConcurrentHashMap<>();

    @Override
    public Optional<ReportId> claim(String incidentId, String service, String identityKey, ReportId reportId) {
        Objects.requireNonNull(reportId, "reportId");
        Claim claim = new Claim(Objects.requireNonNull(incidentId, "incidentId"),
                Objects.requireNonNull(service, "service"), Objects.requireNonNull(identityKey, "identityKey"));
        ReportId first = firstClaims.putIfAbsent(claim, reportId);
        return first == null || first.equals(reportId) ? Optional.empty() : Optional.of(first);
    }

    /** Removes the key's claim if {@code reportId} holds it (an erased reporter's report); else does nothing. */
    public void release(String incidentId, String service, String identityKey, ReportId reportId) {
        firstClaims.remove(new Claim(incidentId, service, identityKey), reportId);
    }

    /** Whether a report holds the key's claim for the service. */
    public boolean isClaimed(String incidentId, String service, String identityKey) {
        return firstClaims.containsKey(new Claim(incidentId, service, identityKey));
    }

    /** How many identity keys have been claimed. */
    public int size() {
        return firstClaims.size();
    }
}

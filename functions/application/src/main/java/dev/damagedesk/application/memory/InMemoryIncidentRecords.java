package dev.damagedesk.application.memory;

import dev.damagedesk.application.port.IncidentRecords;
import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.incident.IncidentDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * {@link IncidentRecords} in maps, with the store's rules: the ledgers given at construction play the bundled ones
 * (their policy version 1 bundled too), an import replaces a ledger, a published version never changes and becomes
 * active unless a later one is.
 */
public final class InMemoryIncidentRecords implements IncidentRecords {

    private final Map<String, Incident> bundled = new ConcurrentSkipListMap<>();
    private final Map<String, Incident> imported = new ConcurrentSkipListMap<>();
    private final Map<String, TreeMap<Integer, Published>> published = new ConcurrentSkipListMap<>();

    private record Published(Map<String, Object> document, Instant at) {
    }

    public InMemoryIncidentRecords(Incident... bundledIncidents) {
        for (Incident incident : bundledIncidents) {
            bundled.put(incident.id(), incident);
        }
    }

    @Override
    public Incident incident(String incidentId) {
        Incident incident = imported.getOrDefault(incidentId, bundled.get(incidentId));
        if (incident == null) {
            throw new IllegalArgumentException("Unknown incident " + incidentId);
        }
        return incident;
    }

    @Override
    public void putLedger(String incidentId, Map<String, Object> document, Instant importedAt) {
        imported.put(incidentId, IncidentDocument.fromMap(incidentId, document));
    }

    @Override
    public synchronized boolean publishPolicy(String incidentId, int version, Map<String, Object> document, Instant at) {
        TreeMap<Integer, Published> versions = published.computeIfAbsent(incidentId, id -> new TreeMap<>());
        Published existing = versions.putIfAbsent(version, new Published(Map.copyOf(document), at));
        if (existing != null && !existing.document().equals(document)) {
            throw new IllegalStateException("Version " + version + " of " + incidentId + " exists with other content");
        }
        return versions.lastKey() == version;
    }

    @Override
    public List<String> incidentIds() {
        TreeMap<String, Boolean> ids = new TreeMap<>();
        bundled.keySet().forEach(id -> ids.put(id, true));
        imported.keySet().forEach(id -> ids.put(id, true));
        return List.copyOf(ids.keySet());
    }

    @Override
    public synchronized List<PolicyRecord> policyVersions(String incidentId) {
        TreeMap<Integer, PolicyRecord> versions = new TreeMap<>();
        if (bundled.containsKey(incidentId)) {
            versions.put(1, new PolicyRecord(1, null));
        }
        published.getOrDefault(incidentId, new TreeMap<>())
                .forEach((version, stored) -> versions.put(version, new PolicyRecord(version, stored.at())));
        return new ArrayList<>(versions.values());
    }

    @Override
    public synchronized Optional<Integer> activePolicyVersion(String incidentId) {
        TreeMap<Integer, Published> versions = published.get(incidentId);
        if (versions != null && !versions.isEmpty()) {
            return Optional.of(versions.lastKey());
        }
        return bundled.containsKey(incidentId) ? Optional.of(1) : Optional.empty();
    }
}

package dev.damagedesk.adapters.incident;

import dev.damagedesk.adapters.repository.IncidentStore;
import dev.damagedesk.application.port.IncidentRecords;
import dev.damagedesk.domain.incident.Incident;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** {@link IncidentRecords} on the table: ledgers and policy versions in {@link IncidentStore}, read through the directory. */
public final class StoredIncidentRecords implements IncidentRecords {

    private final IncidentStore store;
    private final IncidentDirectory directory;
    private final IncidentCatalog bundledIncidents;
    private final PolicyCatalog bundledPolicies;

    public StoredIncidentRecords(IncidentStore store, IncidentDirectory directory) {
        this(store, directory, new IncidentCatalog(), new PolicyCatalog());
    }

    StoredIncidentRecords(IncidentStore store, IncidentDirectory directory, IncidentCatalog bundledIncidents,
                          PolicyCatalog bundledPolicies) {
        this.store = store;
        this.directory = directory;
        this.bundledIncidents = bundledIncidents;
        this.bundledPolicies = bundledPolicies;
    }

    @Override
    public Incident incident(String incidentId) {
        return directory.incident(incidentId);
    }

    @Override
    public void putLedger(String incidentId, Map<String, Object> document, Instant importedAt) {
        store.putLedger(incidentId, document, importedAt);
    }

    @Override
    public boolean publishPolicy(String incidentId, int version, Map<String, Object> document, Instant publishedAt) {
        return store.publishPolicy(incidentId, version, document, publishedAt);
    }

    @Override
    public List<String> incidentIds() {
        TreeSet<String> ids = new TreeSet<>(bundledIncidents.ids());
        ids.addAll(store.importedIncidentIds());
        return List.copyOf(ids);
    }

    @Override
    public List<PolicyRecord> policyVersions(String incidentId) {
        TreeMap<Integer, PolicyRecord> versions = new TreeMap<>();
        bundledPolicies.versions(incidentId).forEach(version -> versions.put(version, new PolicyRecord(version, null)));
        store.publishedVersions(incidentId).forEach(published ->
                versions.put(published.version(), new PolicyRecord(published.version(), published.publishedAt())));
        return List.copyOf(versions.values());
    }

    @Override
    public Optional<Integer> activePolicyVersion(String incidentId) {
        return store.activeVersion(incidentId).or(() -> {
            List<Integer> bundled = bundledPolicies.versions(incidentId);
            return bundled.isEmpty() ? Optional.empty() : Optional.of(bundled.get(bundled.size() - 1));
        });
    }
}

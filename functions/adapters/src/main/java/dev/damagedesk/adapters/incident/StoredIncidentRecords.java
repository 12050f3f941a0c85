package dev.damagedesk.adapters.incident;

import dev.damagedesk.adapters.repository.IncidentStore;
import dev.damagedesk.application.port.IncidentRecords;
import dev.damagedesk.domain.incident.Incident;
import java.time.Instant;
import java.util.Map;

/** {@link IncidentRecords} on the table: ledgers and policy versions in {@link IncidentStore}, read through the directory. */
public final class StoredIncidentRecords implements IncidentRecords {

    private final IncidentStore store;
    private final IncidentDirectory directory;

    public StoredIncidentRecords(IncidentStore store, IncidentDirectory directory) {
        this.store = store;
        this.directory = directory;
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
}

package dev.damagedesk.application.port;

import dev.damagedesk.domain.incident.Incident;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Incidents' outage ledgers and published policy versions, as documents of the import/export format (the domain
 * parses and validates them).
 */
public interface IncidentRecords {

    /** The incident as functions see it: the imported ledger, else the bundled one. */
    Incident incident(String incidentId);

    /** Imports (or replaces) an incident's ledger document. */
    void putLedger(String incidentId, Map<String, Object> document, Instant importedAt);

    /**
     * Stores a policy version and makes it the active one unless a later version already is; the same version with
     * the same document again changes nothing.
     *
     * @return true if this version is now active
     * @throws IllegalStateException when the version exists with other content (published versions never change)
     */
    boolean publishPolicy(String incidentId, int version, Map<String, Object> document, Instant publishedAt);

    /** A policy version an incident has. @param publishedAt null for a version bundled with the functions */
    record PolicyRecord(int version, Instant publishedAt) {
    }

    /** Every incident functions know (imported and bundled), sorted by id; never a table scan. */
    List<String> incidentIds();

    /** An incident's policy versions (published and bundled), by version; a published one wins over a bundled one. */
    List<PolicyRecord> policyVersions(String incidentId);

    /** The version new reports are scored under: the latest published, else the latest bundled; empty when none. */
    Optional<Integer> activePolicyVersion(String incidentId);
}

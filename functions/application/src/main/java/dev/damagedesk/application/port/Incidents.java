package dev.damagedesk.application.port;

import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.scoring.CompensationPolicy;
import java.util.Optional;

/** Incidents (their outage ledger) and their compensation policy versions, as the use cases read them. */
public interface Incidents {

    /** @throws IllegalArgumentException when the incident is not known */
    Incident incident(String incidentId);

    /** The policy new reports are scored under. */
    CompensationPolicy activePolicy(String incidentId);

    /** One published version exactly; empty when the incident has no such version. */
    Optional<CompensationPolicy> policy(String incidentId, int version);
}

package dev.damagedesk.domain.incident;

import java.util.Optional;

/** Where an incident is in its life; written in documents by name ({@code "ACTIVE"}). */
public enum IncidentStatus {
    /** Being prepared by staff: its ledger may still change and no reports are taken for it. */
    DRAFT,
    /** Reports are taken and scored against it. */
    ACTIVE,
    /** No longer taking reports; kept for what was decided under it. */
    CLOSED;

    /** Exact match on the name, as documents write it. */
    public static Optional<IncidentStatus> fromName(String name) {
        for (IncidentStatus status : values()) {
            if (status.name().equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}

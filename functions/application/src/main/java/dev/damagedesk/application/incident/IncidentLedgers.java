package dev.damagedesk.application.incident;

import dev.damagedesk.application.port.IncidentRecords;
import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.incident.IncidentDocument;
import dev.damagedesk.domain.validation.ErrorCodes;
import dev.damagedesk.domain.validation.FieldError;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Importing and exporting an incident's outage ledger: the command-line tool and the admin API call this. */
public final class IncidentLedgers {

    public sealed interface Imported {
        record Done(Incident incident) implements Imported {
        }

        record Invalid(List<FieldError> errors) implements Imported {
        }
    }

    private final IncidentRecords records;
    private final Clock clock;

    public IncidentLedgers(IncidentRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** Validates the document as the incident's ledger and stores it, normalised, in place of any earlier one. */
    public Imported importLedger(String incidentId, Map<String, Object> document) {
        Incident incident;
        try {
            incident = IncidentDocument.fromMap(incidentId, document);
        } catch (IllegalArgumentException invalid) {
            return new Imported.Invalid(List.of(new FieldError("ledger", ErrorCodes.INVALID_FORMAT, invalid.getMessage(),
                    "사고 원장 문서가 올바르지 않습니다: " + invalid.getMessage())));
        }
        records.putLedger(incidentId, IncidentDocument.toMap(incident), clock.instant());
        return new Imported.Done(incident);
    }

    /**
     * The ledger in the import format.
     *
     * @throws IllegalArgumentException when no such incident is imported or bundled
     */
    public Map<String, Object> exportLedger(String incidentId) {
        return IncidentDocument.toMap(records.incident(incidentId));
    }

    /** An incident as the list shows it. @param activePolicyVersion null when it has no policy yet */
    public record Listed(Incident incident, Integer activePolicyVersion) {
    }

    /** Every incident functions know, sorted by id, with the policy version its new reports are scored under. */
    public List<Listed> list() {
        return records.incidentIds().stream()
                .map(id -> new Listed(records.incident(id), records.activePolicyVersion(id).orElse(null)))
                .toList();
    }
}

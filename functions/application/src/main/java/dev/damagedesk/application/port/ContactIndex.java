package dev.damagedesk.application.port;

import dev.damagedesk.domain.report.ReportId;
import java.util.Set;

/**
 * The reports each reporter identity key ({@code IdentityKeys.of}: keyed HMACs of the normalised email, phone,
 * account reference) sent to an incident: counted for the risk flags, and looked up by staff searching by email or
 * phone without ever scanning the reports.
 */
public interface ContactIndex {

    /**
     * Records that the identity key sent this report to the incident (idempotent: a redelivery is not counted
     * twice).
     *
     * @return how many reports the key has sent to the incident, this one included
     */
    int recordReport(String incidentId, String identityKey, ReportId reportId);

    /** The reports the key sent to the incident; empty when none. */
    Set<ReportId> reportsOf(String incidentId, String identityKey);
}

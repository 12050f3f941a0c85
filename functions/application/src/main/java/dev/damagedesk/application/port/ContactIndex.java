package dev.damagedesk.application.port;

import dev.damagedesk.domain.report.ReportId;
import java.util.List;

/**
 * The reports each reporter identity sent to an incident, keyed by the identity's hashed keys
 * ({@link dev.damagedesk.domain.risk.ReporterIdentity#keys()}): how staff find a reporter's reports by email or
 * phone without a scan, and how a report finds the duplicates linked to it.
 */
public interface ContactIndex {

    /** The ids of the reports sent to the incident under this identity key; empty when none. */
    List<ReportId> reportsOf(String incidentId, String identityKey);
}

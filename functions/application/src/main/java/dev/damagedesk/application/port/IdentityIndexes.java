package dev.damagedesk.application.port;

import dev.damagedesk.domain.report.ReportId;

/**
 * Where a report is reachable from its reporter's identity keys ({@code IdentityKeys.of}): the contact index
 * ({@link ContactIndex}: staff search, the many-reports flag) and the duplicate claims
 * ({@code DuplicateRegistry}: the first report of an identity for a service). Erasing a reporter's personal data
 * cuts these links, since each one ties the contact (by its key) to the report.
 */
public interface IdentityIndexes {

    /**
     * Removes {@code reportId} from the key's reports in the incident, and the key's duplicate claim for the service
     * when this report holds it (a claim held by another report is left alone). Idempotent: forgetting what is
     * gone does nothing.
     */
    void forget(String incidentId, String service, String identityKey, ReportId reportId);
}

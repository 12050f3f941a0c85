package dev.damagedesk.domain.risk;

import dev.damagedesk.domain.report.ReportId;

import java.util.List;
import java.util.Optional;

/**
 * Remembers which report first claimed a reporter identity for a service of an incident, so that a second report
 * of the same damage is linked to the first and never paid twice. Implementations must make a claim atomic (two
 * reports claiming at once: exactly one is first) and durable across deliveries of the same message.
 */
public interface DuplicateRegistry {

    /**
     * Claims one identity key for a report.
     *
     * @return the report that claimed the key first, if it is another report; empty when this report is the first
     * (also when this report claims the same key again: claiming is idempotent)
     */
    Optional<ReportId> claim(String incidentId, String service, String identityKey, ReportId reportId);

    /**
     * Claims every key of an identity ({@link IdentityKeys#of}), so that later reports find this one by any of them,
     * and answers the first report found, in the keys' order (email, phone, account). A redelivery claims the same
     * keys and gets the same answer.
     */
    default Optional<ReportId> claimAll(String incidentId, String service, List<String> identityKeys, ReportId reportId) {
        Optional<ReportId> first = Optional.empty();
        for (String key : identityKeys) {
            Optional<ReportId> claimedBy = claim(incidentId, service, key, reportId);
            if (first.isEmpty()) {
                first = claimedBy;
            }
        }
        return first;
    }
}

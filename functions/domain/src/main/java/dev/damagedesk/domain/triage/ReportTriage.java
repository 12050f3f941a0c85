package dev.damagedesk.domain.triage;

import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.risk.DuplicateRegistry;
import dev.damagedesk.domain.risk.IdentityKeys;
import dev.damagedesk.domain.risk.ReporterIdentity;
import dev.damagedesk.domain.risk.RiskAssessment;
import dev.damagedesk.domain.risk.RiskFlag;
import dev.damagedesk.domain.scoring.CompensationPolicy;
import dev.damagedesk.domain.scoring.Decision;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The whole way of a received report to its first triaged status: score it under the policy, raise its risk
 * flags, claim its reporter identity to find a duplicate, and triage. Safe to repeat for the same report (a
 * redelivered message): scoring and risk are pure, and claims are idempotent.
 */
public final class ReportTriage {

    private final RiskAssessment risk;
    private final DuplicateRegistry duplicates;
    private final Triage triage;
    private final IdentityKeys identityKeys;

    /** @param identityKeys what the reporter's identity is claimed under (the same secret as the contact index's) */
    public ReportTriage(RiskAssessment risk, DuplicateRegistry duplicates, Triage triage, IdentityKeys identityKeys) {
        this.risk = Objects.requireNonNull(risk, "risk");
        this.duplicates = Objects.requireNonNull(duplicates, "duplicates");
        this.triage = Objects.requireNonNull(triage, "triage");
        this.identityKeys = Objects.requireNonNull(identityKeys, "identityKeys");
    }

    /**
     * @param received           a report in {@code RECEIVED}
     * @param policy             the incident's policy in force
     * @param reportsFromContact reports in the incident from the reporter's identity, this one included;
     *                           {@link RiskAssessment#NOT_COUNTED} when unknown
     */
    public Report scoreAndTriage(Report received, Incident incident, CompensationPolicy policy, int reportsFromContact) {
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(policy, "policy");
        ReportSubmission submission = received.submission();
        Decision decision = policy.score(submission, incident);
        Set<RiskFlag> flags = risk.assess(submission, incident, reportsFromContact);
        Optional<ReportId> first = duplicates.claimAll(received.incidentId(), submission.service(),
                identityKeys.of(ReporterIdentity.of(submission.reporter())), received.id());
        return received.triaged(triage.triage(received.id(), submission, decision, flags, first));
    }
}

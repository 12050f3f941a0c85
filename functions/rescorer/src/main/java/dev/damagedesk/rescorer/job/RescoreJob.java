package dev.damagedesk.rescorer.job;

import dev.damagedesk.adapters.incident.IncidentDirectory;
import dev.damagedesk.adapters.message.MessageFormatException;
import dev.damagedesk.adapters.message.RescorePageMessage;
import dev.damagedesk.adapters.queue.MessageQueue;
import dev.damagedesk.adapters.repository.ReportRepository;
import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.policy.PolicyEngine;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.rescoring.Rescoring;
import java.time.Clock;
import java.time.Duration;

/**
 * Re-scores one page of an incident's reports of one service under a policy version, then queues the next page.
 * The cursor travels in the messages, so the job resumes where it stopped; every report's change is conditional
 * on the report being as it was read and the domain leaves a report alone once it carries the version, so a
 * page processed twice (a redelivery) changes nothing more. Staff decisions are never overwritten: the domain
 * only flags them when the new policy would decide otherwise.
 */
public final class RescoreJob {

    /** Small enough that a page finishes well within the function's timeout. */
    static final int PAGE_SIZE = 25;

    /** What one page did. */
    public record PageResult(int read, int rescored, int flagged, int unchanged, int changedMeanwhile, boolean morePages) {
    }

    private final IncidentDirectory directory;
    private final Rescoring rescoring;
    private final ReportRepository reports;
    private final MessageQueue rescoreQueue;
    private final Duration retention;
    private final Clock clock;

    public RescoreJob(IncidentDirectory directory, Rescoring rescoring, ReportRepository reports, MessageQueue rescoreQueue,
                      Duration retention, Clock clock) {
        this.directory = directory;
        this.rescoring = rescoring;
        this.reports = reports;
        this.rescoreQueue = rescoreQueue;
        this.retention = retention;
        this.clock = clock;
    }

    public PageResult processPage(RescorePageMessage page) {
        PolicyEngine policy = directory.policy(page.incidentId(), page.policyVersion()).orElseThrow(() ->
                new MessageFormatException("Incident " + page.incidentId() + " has no policy version " + page.policyVersion()));
        Incident incident = directory.incident(page.incidentId());
        ReportRepository.Page reportsOfPage = reports.pageOfService(page.incidentId(), page.service(), page.cursor(), PAGE_SIZE);
        int rescored = 0;
        int flagged = 0;
        int unchanged = 0;
        int changedMeanwhile = 0;
        for (Report report : reportsOfPage.reports()) {
            if (report.decision() == null) {
                unchanged++;
                continue;
            }
            Rescoring.Result result = rescoring.rescore(report, policy, incident, clock.instant());
            if (result instanceof Rescoring.Unchanged) {
                unchanged++;
                continue;
            }
            Report after = result instanceof Rescoring.Rescored rescoredReport ? rescoredReport.report()
                    : ((Rescoring.Flagged) result).report();
            if (!reports.replaceIfUnchanged(report, after, report.receivedAt().plus(retention))) {
                // Changed since it was read (a staff decision, another page run): the next run sees the new state.
                changedMeanwhile++;
            } else if (result instanceof Rescoring.Rescored) {
                rescored++;
            } else {
                flagged++;
            }
        }
        if (reportsOfPage.hasNext()) {
            rescoreQueue.send(new RescorePageMessage(page.incidentId(), page.policyVersion(), page.service(),
                    reportsOfPage.next()).toJson());
        }
        return new PageResult(reportsOfPage.reports().size(), rescored, flagged, unchanged, changedMeanwhile,
                reportsOfPage.hasNext());
    }
}

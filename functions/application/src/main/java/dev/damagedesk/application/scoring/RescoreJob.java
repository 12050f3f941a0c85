package dev.damagedesk.application.scoring;

import dev.damagedesk.application.PermanentFailureException;
import dev.damagedesk.application.audit.ReportChanges;
import dev.damagedesk.application.port.Incidents;
import dev.damagedesk.application.port.RescorePages;
import dev.damagedesk.application.port.RescorePages.RescorePage;
import dev.damagedesk.application.port.ReportStore;
import dev.damagedesk.application.port.StaleReportException;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.rescoring.Rescoring;
import dev.damagedesk.domain.scoring.CompensationPolicy;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.staff.Actor;
import java.time.Clock;
import java.util.Objects;

/**
 * Re-scores one page of an incident's reports of one service under a policy version, then queues the next page.
 * The cursor travels in the pages, so the job resumes where it stopped; every report's change is conditional on
 * its version as read, and the domain leaves a report alone once it carries the version, so a page processed
 * twice (a redelivery) changes nothing more. Staff decisions are never overwritten: the domain only flags them
 * when the new policy would decide otherwise. Each change is a {@code RESCORED} or {@code FLAGGED} audit entry.
 */
public final class RescoreJob {

    /** Who re-scores reports, in their audit entries. */
    public static final Actor RESCORER = Actor.function("RescoreFunction");

    /** Small enough that a page finishes well within the function's timeout. */
    public static final int PAGE_SIZE = 25;

    /** What one page did. */
    public record PageResult(int read, int rescored, int flagged, int unchanged, int changedMeanwhile,
                             boolean morePages) {
    }

    private final Incidents incidents;
    private final Rescoring rescoring;
    private final ReportStore reports;
    private final ReportChanges changes;
    private final RescorePages pages;
    private final Clock clock;

    public RescoreJob(Incidents incidents, Rescoring rescoring, ReportStore reports, ReportChanges changes,
                      RescorePages pages, Clock clock) {
        this.incidents = Objects.requireNonNull(incidents, "incidents");
        this.rescoring = Objects.requireNonNull(rescoring, "rescoring");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @throws PermanentFailureException when the incident has no such policy version */
    public PageResult processPage(RescorePage page) {
        CompensationPolicy policy = incidents.policy(page.incidentId(), page.policyVersion()).orElseThrow(() ->
                new PermanentFailureException("Incident " + page.incidentId() + " has no policy version "
                        + page.policyVersion()));
        Incident incident;
        try {
            incident = incidents.incident(page.incidentId());
        } catch (IllegalArgumentException unknown) {
            throw new PermanentFailureException(unknown.getMessage());
        }
        ReportStore.ServicePage reportsOfPage = reports.pageOfService(page.incidentId(), page.service(),
                page.cursor(), PAGE_SIZE);
        int rescored = 0;
        int flagged = 0;
        int unchanged = 0;
        int changedMeanwhile = 0;
        for (StoredReport stored : reportsOfPage.reports()) {
            if (stored.report().decision() == null) {
                unchanged++;
                continue;
            }
            Rescoring.Result result = rescoring.rescore(stored.report(), policy, incident, clock.instant());
            try {
                if (result instanceof Rescoring.Rescored rescoredReport) {
                    changes.change(stored, rescoredReport.report(), RESCORER, AuditAction.RESCORED, null,
                            "policy " + policy.version());
                    rescored++;
                } else if (result instanceof Rescoring.Flagged flaggedReport) {
                    changes.change(stored, flaggedReport.report(), RESCORER, AuditAction.FLAGGED, null,
                            "policy " + policy.version() + " would decide " + award(flaggedReport.newDecision()));
                    flagged++;
                } else {
                    unchanged++;
                }
            } catch (StaleReportException changedSinceRead) {
                // A staff decision or another page run came first: the next run sees the new state.
                changedMeanwhile++;
            }
        }
        if (reportsOfPage.hasNext()) {
            pages.queue(new RescorePage(page.incidentId(), page.policyVersion(), page.service(), reportsOfPage.next()));
        }
        return new PageResult(reportsOfPage.reports().size(), rescored, flagged, unchanged, changedMeanwhile,
                reportsOfPage.hasNext());
    }

    private static String award(Decision decision) {
        return decision.outcome().name() + " " + decision.amountKrw() + " KRW " + decision.extensionMinutes()
                + " min (" + decision.ruleId() + ")";
    }
}

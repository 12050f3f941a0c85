package dev.damagedesk.application.staff;

import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffDecision;

/**
 * Decides one report as a staff member: the seam through which bulk decisions call {@code DecideReport}, so that
 * each report of a bulk job gets its own checks, audit entry and email exactly as a single decision does.
 */
@FunctionalInterface
public interface ReportDecider {

    /**
     * @throws dev.damagedesk.application.port.StaleReportException when the report is no longer at that version
     * @throws dev.damagedesk.domain.staff.StaffNotAllowedException when the role or the amount limit refuses it
     * @throws dev.damagedesk.domain.triage.IllegalTransitionException when the transition table refuses it
     * @throws java.util.NoSuchElementException when there is no such report
     */
    StoredReport decide(Actor actor, ReportId reportId, long expectedVersion, StaffDecision decision);
}

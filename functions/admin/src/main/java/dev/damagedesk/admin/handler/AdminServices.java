package dev.damagedesk.admin.handler;

import dev.damagedesk.application.audit.AuditOperations;
import dev.damagedesk.application.audit.VerifyAuditChain;
import dev.damagedesk.application.incident.DecideDetectedIncident;
import dev.damagedesk.application.incident.OutageNoticeFanOut;
import dev.damagedesk.application.incident.IncidentLedgers;
import dev.damagedesk.application.incident.PolicyVersions;
import dev.damagedesk.application.port.StaffJobs;
import dev.damagedesk.application.staff.BulkDecisions;
import dev.damagedesk.application.staff.DashboardFigures;
import dev.damagedesk.application.staff.DeadLetters;
import dev.damagedesk.application.staff.EraseReporterData;
import dev.damagedesk.application.staff.ExportJobs;
import dev.damagedesk.application.staff.ReportDecider;
import dev.damagedesk.application.staff.ReportDetails;
import dev.damagedesk.application.staff.StaffQueue;
import java.time.Clock;

/**
 * The use cases the admin function calls, wired once per container (AWS adapters in production, in-memory
 * ports in handler tests).
 *
 * @param decisionLimitKrw what a reviewer may decide at most (template parameter {@code ReviewerDecisionLimitKrw})
 * @param activeIncidentId the incident a search or a dashboard is about when the request names none
 * @param detections       detected incidents and a supervisor's decision on them
 * @param outageNotices    the outage-notice fan-out a confirmation starts (its pages run in the job worker)
 * @param erasure          a supervisor's erasure of a reporter's personal data
 */
record AdminServices(StaffQueue queue, ReportDetails details, VerifyAuditChain auditChains, ReportDecider decider, BulkDecisions bulk,
                     ExportJobs exports, StaffJobs jobs, DeadLetters deadLetters, DashboardFigures dashboard,
                     IncidentLedgers ledgers, PolicyVersions policies, Clock clock, long decisionLimitKrw, String activeIncidentId,
                     DecideDetectedIncident detections, OutageNoticeFanOut outageNotices, AuditOperations operations,
                     EraseReporterData erasure) {

    StaffJobWork jobWork() {
        return new StaffJobWork(jobs, bulk, exports, outageNotices);
    }
}

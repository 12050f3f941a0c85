package dev.damagedesk.admin.handler;

import dev.damagedesk.application.incident.OutageNoticeFanOut;
import dev.damagedesk.application.port.StaffJobs;
import dev.damagedesk.application.staff.BulkDecisions;
import dev.damagedesk.application.staff.ExportJobs;

/**
 * The use cases {@code StaffJobFunction} runs a page of: fewer than the admin API's, so its IAM policy stays small.
 * {@code outageNotices}: the pages of a confirmed incident's outage-notice fan-out.
 */
record StaffJobWork(StaffJobs jobs, BulkDecisions bulk, ExportJobs exports, OutageNoticeFanOut outageNotices) {
}

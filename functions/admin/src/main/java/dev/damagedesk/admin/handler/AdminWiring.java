package dev.damagedesk.admin.handler;

import dev.damagedesk.adapters.config.AwsClients;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.incident.IncidentDirectory;
import dev.damagedesk.adapters.incident.StoredIncidentRecords;
import dev.damagedesk.adapters.queue.MessageQueue;
import dev.damagedesk.adapters.queue.SqsMessageQueues;
import dev.damagedesk.adapters.queue.SqsNotifications;
import dev.damagedesk.adapters.queue.SqsRescorePages;
import dev.damagedesk.adapters.queue.SqsStaffJobQueue;
import dev.damagedesk.adapters.repository.DynamoDbAuditTrail;
import dev.damagedesk.adapters.repository.DynamoDbDuplicateRegistry;
import dev.damagedesk.adapters.repository.DynamoDbReportStore;
import dev.damagedesk.adapters.repository.DynamoDbStaffJobs;
import dev.damagedesk.adapters.repository.IncidentStore;
import dev.damagedesk.adapters.storage.S3ExportFiles;
import dev.damagedesk.application.audit.ReportChanges;
import dev.damagedesk.application.audit.VerifyAuditChain;
import dev.damagedesk.application.incident.IncidentLedgers;
import dev.damagedesk.application.incident.PolicyVersions;
import dev.damagedesk.application.port.AuditTrail;
import dev.damagedesk.application.port.ContactIndex;
import dev.damagedesk.application.port.ExportFiles;
import dev.damagedesk.application.port.Measurements;
import dev.damagedesk.application.port.MessageQueues;
import dev.damagedesk.application.port.ReportStore;
import dev.damagedesk.application.port.StaffJobQueue;
import dev.damagedesk.application.port.StaffJobs;
import dev.damagedesk.application.port.StaleReportException;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.application.staff.BulkDecisions;
import dev.damagedesk.application.staff.DashboardFigures;
import dev.damagedesk.application.staff.DeadLetters;
import dev.damagedesk.application.staff.DecideReport;
import dev.damagedesk.application.staff.ExportJobs;
import dev.damagedesk.application.staff.ReportDecider;
import dev.damagedesk.application.staff.ReportDetails;
import dev.damagedesk.application.staff.StaffQueue;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.staff.StaffDecisions;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the admin function's use cases on AWS, once per container. */
final class AdminWiring {

    private AdminWiring() {
    }

    /** What the admin API needs: the job worker's parts plus the queue monitor, the ledgers and the policy pages. */
    static AdminServices services(FunctionEnvironment environment, Measurements measurements) {
        Shared shared = shared(environment, measurements);
        DynamoDbClient dynamoDb = shared.clients.dynamoDb();
        ContactIndex contacts = new DynamoDbDuplicateRegistry(dynamoDb, shared.table, shared.retention, shared.clock);
        MessageQueues queues = new SqsMessageQueues(shared.clients.sqs(), SqsMessageQueues.parse(environment.required("MONITORED_QUEUES")));
        StoredIncidentRecords records = new StoredIncidentRecords(new IncidentStore(dynamoDb, shared.table), shared.incidents);
        SqsRescorePages rescorePages = new SqsRescorePages(new MessageQueue(shared.clients.sqs(), environment.required("RESCORE_QUEUE_URL")));
        ReportDetails.AllowedActions allowed = (actor, stored) -> shared.rules.allowedActions(stored.report(), actor);
        StaffJobWork work = shared.work;
        return new AdminServices(new StaffQueue(shared.reports, contacts), new ReportDetails(shared.reports, shared.changes, contacts, allowed),
                new VerifyAuditChain(shared.reports, shared.trail, shared.incidents),
                shared.decider, work.bulk(), work.exports(), work.jobs(),
                new DeadLetters(queues, (actor, id, detail) -> redriven(shared.reports, shared.changes, actor, id, detail), shared.clock),
                new DashboardFigures(records, shared.reports, shared.clock),
                new IncidentLedgers(records, shared.clock), new PolicyVersions(records, rescorePages, shared.clock),
                shared.clock, shared.limit, environment.required("ACTIVE_INCIDENT_ID"));
    }

    /** What {@code StaffJobFunction} needs, and so only what its IAM policy allows: reports, the trail, its queue, exports. */
    static StaffJobWork jobWork(FunctionEnvironment environment, Measurements measurements) {
        return shared(environment, measurements).work;
    }

    private record Shared(Clock clock, AwsClients clients, String table, Duration retention, AuditTrail trail,
                          DynamoDbReportStore reports, ReportChanges changes, IncidentDirectory incidents,
                          StaffDecisions rules, long limit, ReportDecider decider, StaffJobWork work) {
    }

    private static Shared shared(FunctionEnvironment environment, Measurements measurements) {
        Clock clock = Clock.systemUTC();
        AwsClients clients = new AwsClients(environment);
        DynamoDbClient dynamoDb = clients.dynamoDb();
        String table = environment.required("REPORTS_TABLE");
        Duration retention = Duration.ofDays(environment.intValue("REPORT_RETENTION_DAYS", 1095));
        AuditTrail trail = new DynamoDbAuditTrail(dynamoDb, environment.required("AUDIT_TABLE"));
        DynamoDbReportStore reports = new DynamoDbReportStore(dynamoDb, table, trail);
        ReportChanges changes = new ReportChanges(reports, trail, retention, clock);
        StaffJobs jobs = new DynamoDbStaffJobs(dynamoDb, table);
        StaffJobQueue jobQueue = new SqsStaffJobQueue(new MessageQueue(clients.sqs(), environment.required("STAFF_JOB_QUEUE_URL")));
        ExportFiles files = new S3ExportFiles(clients.s3(), clients.s3Presigner(), environment.required("EXPORT_BUCKET"));
        long limit = environment.intValue("REVIEWER_DECISION_LIMIT_KRW", 100_000);
        IncidentDirectory incidents = IncidentDirectory.forFunction(dynamoDb, table, clock);
        StaffDecisions rules = new StaffDecisions(limit);
        ReportDecider decider = new DecideReport(reports, changes, rules, incidents,
                new SqsNotifications(new MessageQueue(clients.sqs(), environment.required("NOTIFICATION_QUEUE_URL"))),
                clock, measurements).asDecider();
        StaffJobWork work = new StaffJobWork(jobs, new BulkDecisions(reports, jobs, jobQueue, decider, clock),
                new ExportJobs(reports, jobs, jobQueue, files, clock));
        return new Shared(clock, clients, table, retention, trail, reports, changes, incidents, rules, limit, decider, work);
    }

    /** A REDRIVEN entry: the report unchanged at its next version; another writer in between means read again. */
    private static void redriven(ReportStore reports, ReportChanges changes, dev.damagedesk.domain.staff.Actor actor,
                                 dev.damagedesk.domain.report.ReportId id, String detail) {
        for (int attempt = 0; ; attempt++) {
            Optional<StoredReport> stored = reports.find(id);
            if (stored.isEmpty()) {
                return; // a message about a report never stored (an intake message): nothing to record it on
            }
            try {
                changes.change(stored.get(), stored.get().report(), actor, AuditAction.REDRIVEN, null, detail);
                return;
            } catch (StaleReportException changedMeanwhile) {
                if (attempt == 2) {
                    throw changedMeanwhile;
                }
            }
        }
    }
}

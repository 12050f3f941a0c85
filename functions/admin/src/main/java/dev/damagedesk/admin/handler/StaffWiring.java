package dev.damagedesk.admin.handler;

import dev.damagedesk.adapters.config.AwsClients;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.incident.IncidentDirectory;
import dev.damagedesk.adapters.queue.MessageQueue;
import dev.damagedesk.adapters.queue.SqsNotifications;
import dev.damagedesk.adapters.queue.SqsStaffJobQueue;
import dev.damagedesk.adapters.queue.SqsOutageNotices;
import dev.damagedesk.adapters.repository.DynamoDbAuditTrail;
import dev.damagedesk.adapters.repository.DynamoDbDetectedIncidents;
import dev.damagedesk.adapters.repository.DynamoDbNoticeSubscriptions;
import dev.damagedesk.application.incident.OutageNoticeFanOut;
import dev.damagedesk.application.port.DetectedIncidents;
import dev.damagedesk.adapters.repository.DynamoDbReportStore;
import dev.damagedesk.adapters.repository.DynamoDbStaffJobs;
import dev.damagedesk.adapters.storage.S3ExportFiles;
import dev.damagedesk.application.audit.ReportChanges;
import dev.damagedesk.application.port.AuditTrail;
import dev.damagedesk.application.port.ExportFiles;
import dev.damagedesk.application.port.Measurements;
import dev.damagedesk.application.port.StaffJobQueue;
import dev.damagedesk.application.port.StaffJobs;
import dev.damagedesk.application.staff.BulkDecisions;
import dev.damagedesk.application.staff.DecideReport;
import dev.damagedesk.application.staff.ExportJobs;
import dev.damagedesk.application.staff.ReportDecider;
import dev.damagedesk.domain.staff.StaffDecisions;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What both staff functions are built from, once per container: the clients, the report store and its audit trail,
 * the decisions and the job use cases. {@code StaffJobFunction} gets only this (and so only the settings and the
 * IAM it needs); {@link AdminWiring} adds the admin API's own parts.
 */
final class StaffWiring {

    private StaffWiring() {
    }

    /** What {@code StaffJobFunction} needs, and so only what its IAM policy allows: reports, the trail, its queue, exports. */
    static StaffJobWork jobWork(FunctionEnvironment environment, Measurements measurements) {
        return shared(environment, measurements).work();
    }

    /** Each SDK client once per container: the admin API's own parts use the same ones. */
    record Shared(Clock clock, DynamoDbClient dynamoDb, SqsClient sqs, String table, Duration retention, AuditTrail trail,
                          DynamoDbReportStore reports, ReportChanges changes, IncidentDirectory incidents,
                          StaffDecisions rules, long limit, ReportDecider decider, StaffJobWork work,
                          DetectedIncidents detected) {
    }

    static Shared shared(FunctionEnvironment environment, Measurements measurements) {
        Clock clock = Clock.systemUTC();
        AwsClients clients = new AwsClients(environment);
        DynamoDbClient dynamoDb = clients.dynamoDb();
        SqsClient sqs = clients.sqs();
        String table = environment.required("REPORTS_TABLE");
        Duration retention = Duration.ofDays(environment.intValue("REPORT_RETENTION_DAYS", 1095));
        AuditTrail trail = new DynamoDbAuditTrail(dynamoDb, environment.required("AUDIT_TABLE"));
        DynamoDbReportStore reports = new DynamoDbReportStore(dynamoDb, table, trail);
        ReportChanges changes = new ReportChanges(reports, trail, retention, clock);
        StaffJobs jobs = new DynamoDbStaffJobs(dynamoDb, table);
        StaffJobQueue jobQueue = new SqsStaffJobQueue(new MessageQueue(sqs, environment.required("STAFF_JOB_QUEUE_URL")));
        ExportFiles files = new S3ExportFiles(clients.s3(), clients.s3Presigner(), environment.required("EXPORT_BUCKET"));
        long limit = environment.intValue("REVIEWER_DECISION_LIMIT_KRW", 100_000);
        IncidentDirectory incidents = IncidentDirectory.forFunction(dynamoDb, table, clock);
        StaffDecisions rules = new StaffDecisions(limit);
        ReportDecider decider = new DecideReport(reports, changes, rules, incidents,
                new SqsNotifications(new MessageQueue(sqs, environment.required("NOTIFICATION_QUEUE_URL"))),
                clock, measurements).asDecider();
        DetectedIncidents detected = new DynamoDbDetectedIncidents(dynamoDb, table);
        SqsOutageNotices outageQueues = new SqsOutageNotices(
                new MessageQueue(sqs, environment.required("NOTIFICATION_QUEUE_URL")),
                new MessageQueue(sqs, environment.required("STAFF_JOB_QUEUE_URL")));
        OutageNoticeFanOut outageNotices = new OutageNoticeFanOut(detected, reports,
                new DynamoDbNoticeSubscriptions(dynamoDb, table), outageQueues, outageQueues);
        StaffJobWork work = new StaffJobWork(jobs, new BulkDecisions(reports, jobs, jobQueue, decider, clock),
                new ExportJobs(reports, jobs, jobQueue, files, clock), outageNotices);
        return new Shared(clock, dynamoDb, sqs, table, retention, trail, reports, changes, incidents, rules, limit, decider,
                work, detected);
    }
}

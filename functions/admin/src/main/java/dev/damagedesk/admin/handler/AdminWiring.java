package dev.damagedesk.admin.handler;

import dev.damagedesk.adapters.config.AwsClients;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.incident.IncidentDirectory;
import dev.damagedesk.adapters.incident.StoredIncidentRecords;
import dev.damagedesk.adapters.message.RescorePageMessage;
import dev.damagedesk.adapters.queue.MessageQueue;
import dev.damagedesk.adapters.repository.IncidentStore;
import dev.damagedesk.application.incident.IncidentLedgers;
import dev.damagedesk.application.incident.PolicyVersions;
import dev.damagedesk.adapters.queue.SqsMessageQueues;
import dev.damagedesk.adapters.queue.SqsStaffJobQueue;
import dev.damagedesk.adapters.repository.DynamoDbStaffJobs;
import dev.damagedesk.adapters.storage.S3ExportFiles;
import dev.damagedesk.application.port.ExportFiles;
import dev.damagedesk.application.port.MessageQueues;
import dev.damagedesk.application.port.StaffJobQueue;
import dev.damagedesk.application.port.StaffJobs;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the admin function's use cases on AWS, once per container. */
final class AdminWiring {

    private AdminWiring() {
    }

    static AdminServices services(FunctionEnvironment environment) {
        AwsClients clients = new AwsClients(environment);
        DynamoDbClient dynamoDb = clients.dynamoDb();
        String table = environment.required("REPORTS_TABLE");
        StaffJobs jobs = new DynamoDbStaffJobs(dynamoDb, table);
        StaffJobQueue jobQueue = new SqsStaffJobQueue(new MessageQueue(clients.sqs(), environment.required("STAFF_JOB_QUEUE_URL")));
        ExportFiles files = new S3ExportFiles(clients.s3(), clients.s3Presigner(), environment.required("EXPORT_BUCKET"));
        MessageQueues queues = new SqsMessageQueues(clients.sqs(), SqsMessageQueues.parse(environment.required("MONITORED_QUEUES")));
        IncidentStore store = new IncidentStore(dynamoDb, table);
        StoredIncidentRecords records = new StoredIncidentRecords(store, IncidentDirectory.forFunction(dynamoDb, table, Clock.systemUTC()));
        MessageQueue rescoreQueue = new MessageQueue(clients.sqs(), environment.required("RESCORE_QUEUE_URL"));
        IncidentLedgers ledgers = new IncidentLedgers(records, Clock.systemUTC());
        PolicyVersions policies = new PolicyVersions(records, page -> rescoreQueue.send(new RescorePageMessage(
                page.incidentId(), page.policyVersion(), page.service(), page.cursor()).toJson()), Clock.systemUTC());
        long limit = environment.intValue("REVIEWER_DECISION_LIMIT_KRW", 100_000);
        String incident = environment.required("ACTIVE_INCIDENT_ID");
        Clock clock = Clock.systemUTC();
        // The versioned report store, the audit trail, the contact index and DecideReport are the core's
        // (DynamoDbReportStore, DynamoDbAuditTrail, DecideReport): wired here when they are merged.
        throw new IllegalStateException("AdminFunction needs the core's DynamoDB ReportStore and DecideReport, not merged yet"
                + " (jobs " + jobs.getClass().getSimpleName() + ", queue " + jobQueue.getClass().getSimpleName()
                + ", files " + files.getClass().getSimpleName() + ", queues " + queues.getClass().getSimpleName()
                + ", incidents " + ledgers.getClass().getSimpleName() + "/" + policies.getClass().getSimpleName() + ", limit " + limit + ", incident " + incident + ", " + clock + ")");
    }
}

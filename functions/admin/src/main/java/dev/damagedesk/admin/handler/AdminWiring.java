package dev.damagedesk.admin.handler;

import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.config.IdentityKeySecret;
import dev.damagedesk.adapters.incident.StoredIncidentRecords;
import dev.damagedesk.adapters.queue.MessageQueue;
import dev.damagedesk.adapters.queue.SqsMessageQueues;
import dev.damagedesk.adapters.queue.SqsRescorePages;
import dev.damagedesk.adapters.repository.DynamoDbDuplicateRegistry;
import dev.damagedesk.adapters.repository.DynamoDbOperationsTrail;
import dev.damagedesk.adapters.repository.DynamoDbSurgeStates;
import dev.damagedesk.adapters.repository.IncidentStore;
import dev.damagedesk.application.audit.AuditOperations;
import dev.damagedesk.application.audit.ReportChanges;
import dev.damagedesk.application.audit.VerifyAuditChain;
import dev.damagedesk.application.incident.DecideDetectedIncident;
import dev.damagedesk.application.incident.IncidentLedgers;
import dev.damagedesk.application.incident.PolicyVersions;
import dev.damagedesk.application.port.Measurements;
import dev.damagedesk.application.port.MessageQueues;
import dev.damagedesk.application.port.ReportStore;
import dev.damagedesk.application.port.StaleReportException;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.application.staff.DashboardFigures;
import dev.damagedesk.application.staff.DeadLetters;
import dev.damagedesk.application.staff.EraseReporterData;
import dev.damagedesk.application.staff.ReportDetails;
import dev.damagedesk.application.staff.StaffQueue;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.risk.IdentityKeys;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the admin function's use cases on AWS, once per container. */
final class AdminWiring {

    private AdminWiring() {
    }

    /** What the admin API needs: the job worker's parts plus the queue monitor, the ledgers and the policy pages. */
    static AdminServices services(FunctionEnvironment environment, Measurements measurements) {
        StaffWiring.Shared shared = StaffWiring.shared(environment, measurements);
        DynamoDbClient dynamoDb = shared.dynamoDb();
        DynamoDbDuplicateRegistry contacts = new DynamoDbDuplicateRegistry(dynamoDb, shared.table(), shared.retention(),
                shared.clock());
        MessageQueues queues = new SqsMessageQueues(shared.sqs(), SqsMessageQueues.parse(environment.required("MONITORED_QUEUES")));
        StoredIncidentRecords records = new StoredIncidentRecords(new IncidentStore(dynamoDb, shared.table()), shared.incidents());
        SqsRescorePages rescorePages = new SqsRescorePages(new MessageQueue(shared.sqs(), environment.required("RESCORE_QUEUE_URL")));
        ReportDetails.AllowedActions allowed = (actor, stored) -> shared.rules().allowedActions(stored.report(), actor);
        StaffJobWork work = shared.work();
        AuditOperations operations = new AuditOperations(new DynamoDbOperationsTrail(dynamoDb, environment.required("AUDIT_TABLE")));
        // Staff search and a report's duplicates: the processor's keys, under the same secret (none: the init fails)
        IdentityKeys identityKeys = IdentityKeySecret.identityKeys(environment.optional("IDENTITY_KEY_SECRET"));
        return new AdminServices(new StaffQueue(shared.reports(), contacts, identityKeys),
                new ReportDetails(shared.reports(), shared.changes(), contacts, identityKeys, allowed),
                new VerifyAuditChain(shared.reports(), shared.trail(), shared.incidents()),
                shared.decider(), work.bulk(), work.exports(), work.jobs(),
                new DeadLetters(queues, (actor, id, detail) -> redriven(shared.reports(), shared.changes(), actor, id, detail), shared.clock()),
                new DashboardFigures(records, shared.reports(), new DynamoDbSurgeStates(dynamoDb, shared.table()),
                        shared.clock()),
                new IncidentLedgers(records, shared.clock()), new PolicyVersions(records, rescorePages, shared.clock()),
                shared.clock(), shared.limit(), environment.required("ACTIVE_INCIDENT_ID"),
                new DecideDetectedIncident(shared.detected(), records, id -> shared.incidents().activePolicy(id).policy(),
                        work.outageNotices(), shared.clock(), operations),
                work.outageNotices(), operations, new EraseReporterData(shared.reports(), shared.changes(), contacts,
                identityKeys));
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

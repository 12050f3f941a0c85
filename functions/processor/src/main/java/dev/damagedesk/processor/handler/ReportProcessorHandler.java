package dev.damagedesk.processor.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.damagedesk.adapters.config.AwsClients;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.incident.IncidentDirectory;
import dev.damagedesk.adapters.lambda.LogKeys;
import dev.damagedesk.adapters.lambda.PowertoolsTelemetry;
import dev.damagedesk.adapters.lambda.SnapStartPriming;
import dev.damagedesk.adapters.lambda.SqsBatch;
import dev.damagedesk.adapters.message.ReportSubmittedMessage;
import dev.damagedesk.adapters.queue.MessageQueue;
import dev.damagedesk.adapters.queue.SqsNotifications;
import dev.damagedesk.adapters.repository.DynamoDbAuditTrail;
import dev.damagedesk.adapters.repository.DynamoDbDuplicateRegistry;
import dev.damagedesk.adapters.repository.DynamoDbReportStore;
import dev.damagedesk.application.audit.ReportChanges;
import dev.damagedesk.application.scoring.ProcessReport;
import dev.damagedesk.domain.risk.RiskAssessment;
import dev.damagedesk.domain.triage.ReportTriage;
import dev.damagedesk.domain.triage.Triage;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** SQS event source of the intake queue: each record is one report for {@link ProcessReport}. */
public final class ReportProcessorHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final PowertoolsTelemetry telemetry;
    private final SqsBatch<ReportSubmittedMessage> batch;
    private final Runnable warmUpReads;
    private final SnapStartPriming priming;

    public ReportProcessorHandler() {
        this(FunctionEnvironment.system(), Clock.systemUTC());
    }

    ReportProcessorHandler(FunctionEnvironment environment, Clock clock) {
        this.telemetry = PowertoolsTelemetry.forFunction(environment);
        AwsClients clients = new AwsClients(environment);
        DynamoDbClient dynamoDb = clients.dynamoDb();
        String table = environment.required("REPORTS_TABLE");
        Duration retention = Duration.ofDays(environment.intValue("REPORT_RETENTION_DAYS", 1095));
        // The published ledger (re-read once a minute per container) and active policy, else the bundled ones.
        IncidentDirectory incidents = IncidentDirectory.forFunction(dynamoDb, table, clock);
        DynamoDbDuplicateRegistry identities = new DynamoDbDuplicateRegistry(dynamoDb, table, retention, clock);
        DynamoDbAuditTrail trail = new DynamoDbAuditTrail(dynamoDb, environment.required("AUDIT_TABLE"));
        MessageQueue notifications = new MessageQueue(clients.sqs(), environment.required("NOTIFICATION_QUEUE_URL"));
        ProcessReport processor = new ProcessReport(
                incidents,
                identities,
                new ReportTriage(RiskAssessment.withDefaults(), identities, Triage.withDefaults()),
                new ReportChanges(new DynamoDbReportStore(dynamoDb, table, trail), trail, retention, clock),
                new SqsNotifications(notifications),
                clock,
                telemetry);
        this.batch = new SqsBatch<>("report", ReportSubmittedMessage::fromJson, message -> {
            LogKeys.reportId(message.reportId().value());
            return SqsBatch.Result.done(processor.process(message.submitted()) ? "stored"
                    : "already stored; acknowledgement queued again");
        });
        // SnapStart: the incident's ledger and active policy read and compiled, a report looked up, a notice send that
        // SQS refuses (nothing stored, nothing queued).
        String incidentId = environment.required("ACTIVE_INCIDENT_ID");
        DynamoDbReportStore lookups = DynamoDbReportStore.readOnly(dynamoDb, table);
        this.warmUpReads = () -> {
            incidents.incident(incidentId);
            incidents.activePolicy(incidentId);
            lookups.find(SnapStartPriming.ABSENT_REPORT);
            notifications.refusedSend();
        };
        this.priming = SnapStartPriming.register("processor", warmUpReads);
    }

    /** SnapStart's warm-up (see the constructor); reads only. */
    void warmUp() {
        warmUpReads.run();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return telemetry.invoke(context, () -> batch.handle(event));
    }
}

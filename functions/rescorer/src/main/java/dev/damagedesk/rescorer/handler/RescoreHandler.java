package dev.damagedesk.rescorer.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.damagedesk.adapters.config.AwsClients;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.incident.IncidentDirectory;
import dev.damagedesk.adapters.lambda.PowertoolsTelemetry;
import dev.damagedesk.adapters.lambda.SnapStartPriming;
import dev.damagedesk.adapters.lambda.SqsBatch;
import dev.damagedesk.adapters.message.RescorePageMessage;
import dev.damagedesk.adapters.queue.MessageQueue;
import dev.damagedesk.adapters.queue.SqsRescorePages;
import dev.damagedesk.adapters.repository.DynamoDbAuditTrail;
import dev.damagedesk.adapters.repository.DynamoDbReportStore;
import dev.damagedesk.application.audit.ReportChanges;
import dev.damagedesk.application.scoring.RescoreJob;
import dev.damagedesk.domain.rescoring.Rescoring;
import dev.damagedesk.domain.triage.Triage;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SQS event source of the re-scoring queue: each message is one page of a re-scoring job ({@link RescoreJob}).
 * A page that keeps failing is parked in the dead-letter queue with its cursor, from where the job can be resumed.
 */
public final class RescoreHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final PowertoolsTelemetry telemetry;
    private final SqsBatch<RescorePageMessage> batch;
    private final Runnable warmUpReads;
    private final SnapStartPriming priming;

    public RescoreHandler() {
        this(FunctionEnvironment.system(), Clock.systemUTC());
    }

    RescoreHandler(FunctionEnvironment environment, Clock clock) {
        this.telemetry = PowertoolsTelemetry.forFunction(environment);
        AwsClients clients = new AwsClients(environment);
        DynamoDbClient dynamoDb = clients.dynamoDb();
        String table = environment.required("REPORTS_TABLE");
        IncidentDirectory directory = IncidentDirectory.forFunction(dynamoDb, table, clock);
        DynamoDbAuditTrail trail = new DynamoDbAuditTrail(dynamoDb, environment.required("AUDIT_TABLE"));
        DynamoDbReportStore reports = new DynamoDbReportStore(dynamoDb, table, trail);
        ReportChanges changes = new ReportChanges(reports, trail,
                Duration.ofDays(environment.intValue("REPORT_RETENTION_DAYS", 1095)), clock);
        RescoreJob job = new RescoreJob(directory, new Rescoring(Triage.withDefaults()), reports, changes,
                new SqsRescorePages(new MessageQueue(clients.sqs(), environment.required("RESCORE_QUEUE_URL"))), clock);
        this.batch = new SqsBatch<>("re-scoring page", RescorePageMessage::fromJson, page -> SqsBatch.Result.done(
                page.incidentId() + "/v" + page.policyVersion() + " " + page.service() + ": "
                        + job.processPage(page.page())));
        // SnapStart: the incident's ledger and active policy read and compiled, a report looked up (reads only).
        String incidentId = environment.required("ACTIVE_INCIDENT_ID");
        this.warmUpReads = () -> {
            directory.incident(incidentId);
            directory.activePolicy(incidentId);
            reports.find(SnapStartPriming.ABSENT_REPORT);
        };
        this.priming = SnapStartPriming.register("rescorer", warmUpReads);
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

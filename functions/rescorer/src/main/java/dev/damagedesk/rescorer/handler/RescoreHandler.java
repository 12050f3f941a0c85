package dev.damagedesk.rescorer.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.damagedesk.adapters.config.AwsClients;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.incident.IncidentDirectory;
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
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SQS event source of the re-scoring queue: each message is one page of a re-scoring job (see {@link RescoreJob}).
 * A page that fails is returned as a batch item failure and retried; one that keeps failing is parked in the
 * dead-letter queue with its cursor, from where the job can be resumed.
 */
public final class RescoreHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final RescoreJob job;

    public RescoreHandler() {
        this(FunctionEnvironment.system(), Clock.systemUTC());
    }

    RescoreHandler(FunctionEnvironment environment, Clock clock) {
        AwsClients clients = new AwsClients(environment);
        DynamoDbClient dynamoDb = clients.dynamoDb();
        String table = environment.required("REPORTS_TABLE");
        IncidentDirectory directory = IncidentDirectory.forFunction(dynamoDb, table, clock);
        DynamoDbAuditTrail trail = new DynamoDbAuditTrail(dynamoDb, environment.required("AUDIT_TABLE"));
        DynamoDbReportStore reports = new DynamoDbReportStore(dynamoDb, table, trail);
        ReportChanges changes = new ReportChanges(reports, trail,
                Duration.ofDays(environment.intValue("REPORT_RETENTION_DAYS", 1095)), clock);
        this.job = new RescoreJob(directory, new Rescoring(Triage.withDefaults()), reports, changes,
                new SqsRescorePages(new MessageQueue(clients.sqs(), environment.required("RESCORE_QUEUE_URL"))), clock);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                RescorePageMessage page = RescorePageMessage.fromJson(message.getBody());
                RescoreJob.PageResult result = job.processPage(page.page());
                context.getLogger().log("Re-scoring " + page.incidentId() + "/v" + page.policyVersion() + " "
                        + page.service() + ": " + result, LogLevel.INFO);
            } catch (RuntimeException failed) {
                context.getLogger().log("Re-scoring page in message " + message.getMessageId() + " failed, will retry: "
                        + failed, LogLevel.WARN);
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}

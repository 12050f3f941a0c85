package dev.damagedesk.processor.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.damagedesk.adapters.config.AwsClients;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.incident.IncidentDirectory;
import dev.damagedesk.adapters.message.ReportSubmittedMessage;
import dev.damagedesk.adapters.queue.MessageQueue;
import dev.damagedesk.adapters.queue.SqsNotifications;
import dev.damagedesk.adapters.repository.DynamoDbAuditTrail;
import dev.damagedesk.adapters.repository.DynamoDbDuplicateRegistry;
import dev.damagedesk.adapters.repository.DynamoDbReportStore;
import dev.damagedesk.application.PermanentFailureException;
import dev.damagedesk.application.audit.ReportChanges;
import dev.damagedesk.application.scoring.ProcessReport;
import dev.damagedesk.domain.risk.RiskAssessment;
import dev.damagedesk.domain.triage.ReportTriage;
import dev.damagedesk.domain.triage.Triage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SQS event source of the intake queue. Each record is processed on its own; the ones that fail are returned
 * as batch item failures (the event source has ReportBatchItemFailures), so one bad report never holds back
 * or repeats the others. A record that keeps failing reaches the dead-letter queue through the redrive policy.
 */
public final class ReportProcessorHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final ProcessReport processor;

    public ReportProcessorHandler() {
        this(FunctionEnvironment.system(), Clock.systemUTC());
    }

    ReportProcessorHandler(FunctionEnvironment environment, Clock clock) {
        AwsClients clients = new AwsClients(environment);
        DynamoDbClient dynamoDb = clients.dynamoDb();
        String table = environment.required("REPORTS_TABLE");
        Duration retention = Duration.ofDays(environment.intValue("REPORT_RETENTION_DAYS", 1095));
        // The published ledger (re-read once a minute per container) and active policy, else the bundled ones.
        IncidentDirectory incidents = IncidentDirectory.forFunction(dynamoDb, table, clock);
        DynamoDbDuplicateRegistry identities = new DynamoDbDuplicateRegistry(dynamoDb, table, retention, clock);
        DynamoDbAuditTrail trail = new DynamoDbAuditTrail(dynamoDb, environment.required("AUDIT_TABLE"));
        this.processor = new ProcessReport(
                incidents,
                identities,
                new ReportTriage(RiskAssessment.withDefaults(), identities, Triage.withDefaults()),
                new ReportChanges(new DynamoDbReportStore(dynamoDb, table, trail), trail, retention, clock),
                new SqsNotifications(new MessageQueue(clients.sqs(), environment.required("NOTIFICATION_QUEUE_URL"))),
                clock);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                boolean stored = processor.process(ReportSubmittedMessage.fromJson(message.getBody()).submitted());
                context.getLogger().log((stored ? "Stored" : "Already stored; re-queued acknowledgement for")
                        + " message " + message.getMessageId(), LogLevel.INFO);
            } catch (PermanentFailureException unprocessable) {
                context.getLogger().log("Unprocessable message " + message.getMessageId() + " (receive "
                        + receiveCount(message) + "): " + unprocessable.getMessage(), LogLevel.ERROR);
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            } catch (RuntimeException transientOrBug) {
                context.getLogger().log("Processing failed for message " + message.getMessageId() + " (receive "
                        + receiveCount(message) + "), will retry: " + transientOrBug, LogLevel.WARN);
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    private static String receiveCount(SQSEvent.SQSMessage message) {
        return message.getAttributes() == null ? "?" : message.getAttributes().getOrDefault("ApproximateReceiveCount", "?");
    }
}

package dev.damagedesk.processor.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.damagedesk.adapters.config.AwsClients;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.config.IdentityKeySecret;
import dev.damagedesk.adapters.incident.IncidentDirectory;
import dev.damagedesk.adapters.lambda.LogKeys;
import dev.damagedesk.adapters.lambda.PowertoolsTelemetry;
import dev.damagedesk.adapters.lambda.SnapStartPriming;
import dev.damagedesk.adapters.lambda.SqsBatch;
import dev.damagedesk.adapters.lambda.SynchronizedMeasurements;
import dev.damagedesk.adapters.message.ReportSubmittedMessage;
import dev.damagedesk.adapters.queue.MessageQueue;
import dev.damagedesk.adapters.queue.BatchedAcknowledgements;
import dev.damagedesk.adapters.repository.DynamoDbAuditTrail;
import dev.damagedesk.adapters.repository.DynamoDbDuplicateRegistry;
import dev.damagedesk.adapters.repository.DynamoDbReportStore;
import dev.damagedesk.adapters.repository.DynamoDbTrafficTallies;
import dev.damagedesk.adapters.traffic.PendingTallies;
import dev.damagedesk.application.audit.ReportChanges;
import dev.damagedesk.application.scoring.ProcessReport;
import dev.damagedesk.domain.risk.RiskAssessment;
import dev.damagedesk.domain.triage.ReportTriage;
import dev.damagedesk.domain.triage.Triage;
import dev.damagedesk.domain.risk.IdentityKeys;
import dev.damagedesk.domain.risk.ReporterIdentity;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SQS event source of the intake queue: each record is one report for {@link ProcessReport}. The records of a batch
 * are processed at once ({@link #RECORD_THREADS}), except reports of one reporter (same email, phone or account):
 * those one after the other in the batch's order, so that the earlier one claims the identity and the later one is
 * linked to it as a duplicate, as without threads. Acknowledgements are queued together after the batch
 * ({@link BatchedAcknowledgements}: one SendMessageBatch per ten); a record whose acknowledgement SQS refused is failed. Every write of a report is safe against a concurrent one
 * (conditional puts, atomic ADDs), as it must be against another container's. After the batch, the reports it stored for the first time are added to the minute's traffic tallies (one write).
 */
public final class ReportProcessorHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** The event source's BatchSize: every record of a batch on its own thread. */
    static final int RECORD_THREADS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(ReportProcessorHandler.class);

    private final PowertoolsTelemetry telemetry;
    private final SqsBatch<ReportSubmittedMessage> batch;
    private final Runnable warmUpReads;
    private final SnapStartPriming priming;
    private final PendingTallies tallies;
    private final BatchedAcknowledgements acknowledgements;

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
        // Duplicate claims and contact counts under the same keyed HMACs (no secret: the init fails here)
        IdentityKeys identityKeys = IdentityKeySecret.identityKeys(environment.optional("IDENTITY_KEY_SECRET"));
        DynamoDbDuplicateRegistry identities = new DynamoDbDuplicateRegistry(dynamoDb, table, retention, clock);
        DynamoDbAuditTrail trail = new DynamoDbAuditTrail(dynamoDb, environment.required("AUDIT_TABLE"));
        MessageQueue notifications = new MessageQueue(clients.sqs(), environment.required("NOTIFICATION_QUEUE_URL"));
        this.tallies = new PendingTallies(new DynamoDbTrafficTallies(dynamoDb, table), clock, Duration.ZERO);
        this.acknowledgements = new BatchedAcknowledgements(notifications);
        ProcessReport processor = new ProcessReport(
                incidents,
                identities,
                new ReportTriage(RiskAssessment.withDefaults(), identities, Triage.withDefaults(), identityKeys),
                new ReportChanges(new DynamoDbReportStore(dynamoDb, table, trail), trail, retention, clock),
                acknowledgements,
                clock,
                new SynchronizedMeasurements(telemetry),
                identityKeys);
        this.batch = SqsBatch.concurrently("report", ReportSubmittedMessage::fromJson, message -> {
            LogKeys.reportId(message.reportId().value());
            if (processor.process(message.submitted())) {
                tallies.stored(Duration.between(message.receivedAt(), clock.instant()));
                return SqsBatch.Result.done("stored");
            }
            return SqsBatch.Result.done("already stored; acknowledgement queued again");
        }, ReportProcessorHandler::reporterKeys, RECORD_THREADS);
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

    /**
     * What makes two queued reports dependent: the reporter's contacts, normalised as the identity keys are. In memory
     * for the batch only (never stored, never logged), so the normalised values themselves, not their keys.
     */
    static Collection<String> reporterKeys(ReportSubmittedMessage message) {
        List<String> keys = new ArrayList<>(3);
        if (message.submission().get("reporter") instanceof Map<?, ?> reporter) {
            if (reporter.get("email") instanceof String email) {
                keys.add("email:" + ReporterIdentity.normaliseEmail(email));
            }
            if (reporter.get("phone") instanceof String phone) {
                ReporterIdentity.normalisePhone(phone).ifPresent(digits -> keys.add("phone:" + digits));
            }
            if (reporter.get("accountRef") instanceof String account) {
                keys.add("account:" + account.strip().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return keys;
    }

    /** SnapStart's warm-up (see the constructor); reads only. */
    void warmUp() {
        warmUpReads.run();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return telemetry.invoke(context, () -> {
            SQSBatchResponse response = withUnacknowledgedFailed(batch.handle(event), event, acknowledgements.send());
            tallies.addIfDue();
            return response;
        });
    }

    /** A stored report whose acknowledgement SQS did not take is retried: its redelivery queues it again. */
    private static SQSBatchResponse withUnacknowledgedFailed(SQSBatchResponse response, SQSEvent event, Set<String> unsent) {
        if (unsent.isEmpty()) {
            return response;
        }
        LOG.warn("{} acknowledgements not queued; their records are retried", unsent.size());
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>(response.getBatchItemFailures());
        Set<String> failed = new HashSet<>();
        failures.forEach(failure -> failed.add(failure.getItemIdentifier()));
        for (SQSEvent.SQSMessage record : event.getRecords()) {
            String reportId;
            try {
                reportId = ReportSubmittedMessage.fromJson(record.getBody()).reportId().value();
            } catch (RuntimeException unreadable) {
                continue; // failed already: it never got as far as an acknowledgement
            }
            if (unsent.contains(reportId) && failed.add(record.getMessageId())) {
                failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}

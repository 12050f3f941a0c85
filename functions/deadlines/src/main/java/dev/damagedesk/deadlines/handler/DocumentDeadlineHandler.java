package dev.damagedesk.deadlines.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.damagedesk.adapters.config.AwsClients;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.lambda.PowertoolsTelemetry;
import dev.damagedesk.adapters.lambda.SnapStartPriming;
import dev.damagedesk.adapters.repository.DynamoDbAuditTrail;
import dev.damagedesk.adapters.repository.DynamoDbReportStore;
import dev.damagedesk.application.audit.ReportChanges;
import dev.damagedesk.application.staff.ExpireDocumentRequests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The template's hourly {@code Schedule} event: moves on the document requests whose deadline passed
 * ({@link ExpireDocumentRequests}, docs/triage.md). A run that fails or runs out of time is simply continued by
 * the next one (the event carries nothing to lose); a failure raises the function's errors alarm.
 */
public final class DocumentDeadlineHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    /** Kept free at the end of the invocation for the write in flight and the answer. */
    static final Duration SAFETY_MARGIN = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(DocumentDeadlineHandler.class);

    private final PowertoolsTelemetry telemetry;
    private final ExpireDocumentRequests expire;
    private final Clock clock;
    private final Runnable warmUpReads;
    private final SnapStartPriming priming;

    public DocumentDeadlineHandler() {
        this(FunctionEnvironment.system(), Clock.systemUTC());
    }

    DocumentDeadlineHandler(FunctionEnvironment environment, Clock clock) {
        this.telemetry = PowertoolsTelemetry.forFunction(environment);
        DynamoDbClient dynamoDb = new AwsClients(environment).dynamoDb();
        DynamoDbAuditTrail trail = new DynamoDbAuditTrail(dynamoDb, environment.required("AUDIT_TABLE"));
        DynamoDbReportStore reports = new DynamoDbReportStore(dynamoDb, environment.required("REPORTS_TABLE"), trail);
        ReportChanges changes = new ReportChanges(reports, trail,
                Duration.ofDays(environment.intValue("REPORT_RETENTION_DAYS", 1095)), clock);
        this.expire = new ExpireDocumentRequests(reports, changes, clock);
        this.clock = clock;
        // SnapStart: the client built, a report looked up (a GetItem that finds nothing); nothing moved.
        this.warmUpReads = () -> reports.find(SnapStartPriming.ABSENT_REPORT);
        this.priming = SnapStartPriming.register("deadlines", warmUpReads);
    }

    /** SnapStart's warm-up (see the constructor); reads only. */
    void warmUp() {
        warmUpReads.run();
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        return telemetry.invoke(context, () -> run(event, context));
    }

    private Map<String, Object> run(ScheduledEvent event, Context context) {
        Instant stopBy = clock.instant().plusMillis(context.getRemainingTimeInMillis()).minus(SAFETY_MARGIN);
        ExpireDocumentRequests.Outcome outcome = expire.run(stopBy);
        LOG.info("Document deadlines (scheduled {}): {} waiting for documents, {} overdue, {} moved back to review,"
                + " {} changed meanwhile{}", event.getTime(), outcome.examined(), outcome.overdue(), outcome.moved(),
                outcome.skipped(), outcome.finished() ? "" : "; the rest is left to the next run");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("examined", outcome.examined());
        answer.put("overdue", outcome.overdue());
        answer.put("moved", outcome.moved());
        answer.put("skipped", outcome.skipped());
        answer.put("finished", outcome.finished());
        return answer;
    }
}

package dev.damagedesk.notifier.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.damagedesk.adapters.config.AwsClients;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.lambda.PowertoolsTelemetry;
import dev.damagedesk.adapters.lambda.SnapStartPriming;
import dev.damagedesk.adapters.lambda.SqsBatch;
import dev.damagedesk.adapters.repository.DynamoDbReportStore;
import dev.damagedesk.adapters.repository.DynamoDbSendingSlots;
import dev.damagedesk.adapters.repository.NoticeLedger;
import dev.damagedesk.application.notice.EmailPace;
import dev.damagedesk.notifier.email.EmailSender;
import dev.damagedesk.notifier.email.MediationRoute;
import dev.damagedesk.notifier.send.NoticeDelivery;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SQS event source of the notification queue: sends each notice email (acknowledgement, decision, document
 * request) at most once. A send that fails
 * (SES throttling, an outage) is returned as a batch item failure and retried by SQS; after the redrive
 * policy's receives it is parked in the dead-letter queue, where an alarm fires. Nothing is dropped but a notice
 * about a report whose personal data was erased, which is never sent.
 */
public final class NotificationHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /**
     * How long a notice waits in the invocation for a slot of the shared rate before it is deferred to the queue:
     * long enough that deferrals (each one a receive of the message's maxReceiveCount) are rare while the instances
     * share the rate, short against the function's timeout.
     */
    static final Duration SLOT_WAIT = Duration.ofSeconds(5);

    private final PowertoolsTelemetry telemetry;
    private final SqsBatch<String> batch;
    private final Runnable warmUpReads;
    private final SnapStartPriming priming;

    public NotificationHandler() {
        this(FunctionEnvironment.system(), Clock.systemUTC());
    }

    NotificationHandler(FunctionEnvironment environment, Clock clock) {
        this.telemetry = PowertoolsTelemetry.forFunction(environment);
        AwsClients clients = new AwsClients(environment);
        DynamoDbClient dynamoDb = clients.dynamoDb();
        String table = environment.required("REPORTS_TABLE");
        DynamoDbReportStore lookups = DynamoDbReportStore.readOnly(dynamoDb, table);
        NoticeDelivery delivery = new NoticeDelivery(
                new NoticeLedger(dynamoDb, table),
                new EmailSender(clients.sesV2(), environment.required("SENDER_EMAIL")),
                new MediationRoute(environment.required("MEDIATION_ROUTE_KO"), environment.required("MEDIATION_ROUTE_EN")),
                Duration.ofDays(environment.intValue("REPORT_RETENTION_DAYS", 1095)),
                clock,
                telemetry,
                EmailPace.sleeping(new DynamoDbSendingSlots(dynamoDb, table,
                        environment.intValue("EMAIL_SEND_RATE_PER_SECOND", 14)), clock, SLOT_WAIT),
                lookups::personalDataErased);
        // The delivery reads its own message format; another delivery holding the claim means: retry later.
        this.batch = new SqsBatch<>("notice", body -> body, body -> {
            NoticeDelivery.Outcome outcome = delivery.deliver(body);
            return outcome == NoticeDelivery.Outcome.BUSY || outcome == NoticeDelivery.Outcome.DEFERRED
                    ? SqsBatch.Result.retryLater(outcome.name()) : SqsBatch.Result.done(outcome.name());
        });
        // SnapStart: both clients built; a report looked up (a GetItem that finds nothing). No email is sent.
        this.warmUpReads = () -> lookups.find(SnapStartPriming.ABSENT_REPORT);
        this.priming = SnapStartPriming.register("notifier", warmUpReads);
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

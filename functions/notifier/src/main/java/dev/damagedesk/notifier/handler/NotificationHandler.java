package dev.damagedesk.notifier.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.damagedesk.adapters.config.AwsClients;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.repository.NoticeLedger;
import dev.damagedesk.notifier.email.EmailSender;
import dev.damagedesk.notifier.email.MediationRoute;
import dev.damagedesk.notifier.send.NoticeDelivery;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * SQS event source of the notification queue: sends each notice email (acknowledgement, decision, document
 * request) at most once. Logs name the message and the outcome, never an address, a name or a reason. A send that fails
 * (SES throttling, an outage) is returned as a batch item failure and retried by SQS; after the redrive
 * policy's receives it is parked in the dead-letter queue, where an alarm fires. Nothing is dropped.
 */
public final class NotificationHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final NoticeDelivery delivery;

    public NotificationHandler() {
        this(FunctionEnvironment.system(), Clock.systemUTC());
    }

    NotificationHandler(FunctionEnvironment environment, Clock clock) {
        AwsClients clients = new AwsClients(environment);
        this.delivery = new NoticeDelivery(
                new NoticeLedger(clients.dynamoDb(), environment.required("REPORTS_TABLE")),
                new EmailSender(clients.sesV2(), environment.required("SENDER_EMAIL")),
                new MediationRoute(environment.required("MEDIATION_ROUTE_KO"), environment.required("MEDIATION_ROUTE_EN")),
                Duration.ofDays(environment.intValue("REPORT_RETENTION_DAYS", 1095)),
                clock);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                NoticeDelivery.Outcome outcome = delivery.deliver(message.getBody());
                context.getLogger().log("Notice in message " + message.getMessageId() + ": " + outcome, LogLevel.INFO);
                if (outcome == NoticeDelivery.Outcome.BUSY) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            } catch (RuntimeException failed) {
                context.getLogger().log("Notice in message " + message.getMessageId() + " not sent, will retry: "
                        + whatFailed(failed), LogLevel.WARN);
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    /**
     * The kind of failure without its message: SES's rejections quote the recipient's address, and a malformed
     * notice's message may quote what it carries.
     */
    static String whatFailed(RuntimeException failed) {
        if (failed instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return failed.getClass().getSimpleName() + " (" + service.awsErrorDetails().errorCode() + ", HTTP "
                    + service.statusCode() + ")";
        }
        return failed.getClass().getSimpleName();
    }
}

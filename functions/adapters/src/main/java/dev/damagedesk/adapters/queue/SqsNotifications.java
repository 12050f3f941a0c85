package dev.damagedesk.adapters.queue;

import dev.damagedesk.adapters.message.NoticeMessage;
import dev.damagedesk.application.port.Notifications;
import dev.damagedesk.application.port.StoredReport;
import java.time.Instant;
import java.util.Objects;

/**
 * {@link Notifications} as messages on the notification queue, one per notice, for the notifier to send. A
 * notice queued twice (a retried use case, a redelivered message) is still sent once: the notifier's ledger
 * keys it by report, kind and report version ({@link NoticeMessage#ledgerKey()}).
 *
 * @throws MessageQueue.QueueUnavailableException (from every method) when SQS did not take the message, so the
 *                                                caller's retry queues it again
 */
public final class SqsNotifications implements Notifications {

    private final MessageQueue notificationQueue;

    public SqsNotifications(MessageQueue notificationQueue) {
        this.notificationQueue = Objects.requireNonNull(notificationQueue, "notificationQueue");
    }

    @Override
    public void acknowledge(StoredReport report) {
        notificationQueue.send(NoticeMessage.acknowledgementOf(report.report()).toJson());
    }

    /** The decision is the one of the report's last audit entry, the change that brought it to its version. */
    @Override
    public void decided(StoredReport report) {
        notificationQueue.send(NoticeMessage.decisionOf(report.report(), report.version(), report.lastEntry()).toJson());
    }

    @Override
    public void documentsRequested(StoredReport report, Instant deadline, String whatIsNeeded) {
        notificationQueue.send(NoticeMessage.documentRequestOf(report.report(), report.version(),
                report.lastEntry().at(), deadline, whatIsNeeded).toJson());
    }
}

package dev.damagedesk.adapters.queue;

import dev.damagedesk.adapters.message.NoticeMessage;
import dev.damagedesk.application.port.Notifications;
import dev.damagedesk.application.port.StoredReport;
import java.time.Instant;

/** Notices queued for the notifier on the notification queue, one {@link NoticeMessage} each. */
public final class SqsNotifications implements Notifications {

    private final MessageQueue notificationQueue;

    public SqsNotifications(MessageQueue notificationQueue) {
        this.notificationQueue = notificationQueue;
    }

    @Override
    public void acknowledge(StoredReport report) {
        notificationQueue.send(NoticeMessage.acknowledgementOf(report.report()).toJson());
    }

    /** Decision notices: written with the notifier's decision email (not part of this step). */
    @Override
    public void decided(StoredReport report) {
        throw new UnsupportedOperationException("decision notices are not queued yet");
    }

    /** Document-request notices: written with the notifier's document-request email (not part of this step). */
    @Override
    public void documentsRequested(StoredReport report, Instant deadline, String whatIsNeeded) {
        throw new UnsupportedOperationException("document-request notices are not queued yet");
    }
}

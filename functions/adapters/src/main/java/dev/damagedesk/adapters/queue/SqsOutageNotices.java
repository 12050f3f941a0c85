package dev.damagedesk.adapters.queue;

import dev.damagedesk.adapters.message.OutageNoticeMessage;
import dev.damagedesk.adapters.message.OutageNoticePageMessage;
import dev.damagedesk.application.port.OutageNoticePages;
import dev.damagedesk.application.port.OutageNotices;
import java.util.List;
import java.util.Objects;

/**
 * The outage-notice fan-out on SQS: its notices on the notification queue (the notifier paces and sends them, once
 * per recipient), its pages on the staff job queue (the job worker runs them).
 */
public final class SqsOutageNotices implements OutageNotices, OutageNoticePages {

    private final MessageQueue notificationQueue;
    private final MessageQueue staffJobQueue;

    public SqsOutageNotices(MessageQueue notificationQueue, MessageQueue staffJobQueue) {
        this.notificationQueue = Objects.requireNonNull(notificationQueue, "notificationQueue");
        this.staffJobQueue = Objects.requireNonNull(staffJobQueue, "staffJobQueue");
    }

    @Override
    public void queue(List<OutageNotice> notices) {
        notificationQueue.sendAll(notices.stream().map(OutageNoticeMessage::toJson).toList());
    }

    @Override
    public void queue(OutageNoticePage page) {
        staffJobQueue.send(OutageNoticePageMessage.toJson(page));
    }
}

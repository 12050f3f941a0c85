package dev.damagedesk.adapters.queue;

import dev.damagedesk.adapters.message.JobPageMessage;
import dev.damagedesk.application.port.StaffJobQueue;
import dev.damagedesk.application.staff.JobPage;

/** The staff job queue on SQS. */
public final class SqsStaffJobQueue implements StaffJobQueue {

    private final MessageQueue queue;

    public SqsStaffJobQueue(MessageQueue queue) {
        this.queue = queue;
    }

    @Override
    public void send(JobPage page) {
        queue.send(JobPageMessage.toJson(page));
    }
}

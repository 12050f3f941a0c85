package dev.damagedesk.application.port;

import dev.damagedesk.application.staff.JobPage;

/** The queue the job worker reads: one message per page of a job; the worker queues the next page itself. */
public interface StaffJobQueue {

    void send(JobPage page);
}

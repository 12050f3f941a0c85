package dev.damagedesk.application.port;

/** The intake queue's backlog, as the surge controller reads it (GetQueueAttributes). */
public interface QueueBacklog {

    /** Reports waiting plus reports being processed. */
    long reports();
}

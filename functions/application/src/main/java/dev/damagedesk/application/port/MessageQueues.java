package dev.damagedesk.application.port;

import java.util.List;

/**
 * The system's SQS queues as staff see them: their depth, and moving a dead-letter queue's messages back to the
 * queue they came from. Queues are named by their template logical id ({@code IntakeQueue}, ...).
 */
public interface MessageQueues {

    /**
     * @param dead             a dead-letter queue
     * @param source           for a dead-letter queue, the queue whose failures it keeps; null for a source queue
     * @param oldestAgeSeconds the age of the oldest message; null where the queue's API cannot tell it (SQS answers it
     *                         as a CloudWatch metric only, docs/admin-api.md)
     */
    record Depth(String queue, boolean dead, String source, long visible, long inFlight, long delayed,
                 Long oldestAgeSeconds) {
    }

    /** A message taken from a dead-letter queue and already sent to its source queue, not yet deleted. */
    record Moved(String messageId, String body, String receipt) {
    }

    /** Every queue, sources first, each followed by its dead-letter queue. */
    List<Depth> depths();

    /** Whether this is one of the dead-letter queues. */
    boolean isDeadLetterQueue(String queue);

    /** Receives up to 10 messages of the dead-letter queue and sends each to its source queue. */
    List<Moved> moveBatch(String deadLetterQueue);

    /** Deletes a moved message from the dead-letter queue, once it is recorded. */
    void delete(String deadLetterQueue, Moved moved);
}

package dev.damagedesk.adapters.queue;

import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Sends messages to one SQS queue and reads its depth. */
public final class MessageQueue {

    private final SqsClient sqs;
    private final String queueUrl;

    public MessageQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /**
     * @return the SQS message id
     * @throws QueueUnavailableException when SQS did not take the message (after the SDK's own retries)
     */
    public String send(String body) {
        try {
            return sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(body)).messageId();
        } catch (SdkException e) {
            throw new QueueUnavailableException(queueUrl, e);
        }
    }

    /** Messages waiting plus messages being processed: what a new message queues behind. */
    public long approximateDepth() {
        var attributes = sqs.getQueueAttributes(get -> get.queueUrl(queueUrl).attributeNames(List.of(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))).attributes();
        return Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"))
                + Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
    }

    public static final class QueueUnavailableException extends RuntimeException {
        public QueueUnavailableException(String queueUrl, Throwable cause) {
            super("Queue " + queueUrl + " did not accept the message", cause);
        }
    }
}

package dev.damagedesk.adapters.queue;

import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

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
     * @throws MessageRefusedException   when SQS refuses this message's contents: sending it again cannot help
     * @throws QueueUnavailableException when SQS did not take the message (after the SDK's own retries)
     */
    public String send(String body) {
        try {
            return sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(body)).messageId();
        } catch (SqsException e) {
            if (refusesContents(e)) {
                throw new MessageRefusedException(queueUrl, e);
            }
            throw new QueueUnavailableException(queueUrl, e);
        } catch (SdkException e) {
            throw new QueueUnavailableException(queueUrl, e);
        }
    }

    /**
     * SQS's answer to characters it does not carry (U+FFFE, ...): a property of the message, not of the queue. SQS
     * names it in the error code; ElasticMQ answers {@code InvalidAttributeValue} with it as the message.
     */
    private static boolean refusesContents(SqsException e) {
        if (e.awsErrorDetails() == null) {
            return false;
        }
        String code = String.valueOf(e.awsErrorDetails().errorCode());
        String message = String.valueOf(e.awsErrorDetails().errorMessage());
        return code.endsWith("InvalidMessageContents") || message.startsWith("InvalidMessageContents");
    }

    /**
     * For SnapStart warm-ups: a SendMessage with an empty body, which SQS refuses (400, "must contain the parameter
     * MessageBody") and queues nothing. The send path (marshalling, signing, the connection, reading the answer) is
     * loaded before the snapshot instead of on a reporter's first request.
     *
     * @throws IllegalStateException if SQS ever took it: nothing else may be sent by a warm-up
     */
    public void refusedSend() {
        try {
            sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(""));
        } catch (SqsException refused) {
            if (refused.statusCode() == 400) {
                return;
            }
            throw refused;
        }
        throw new IllegalStateException("SQS queued an empty message on " + queueUrl + "; a warm-up must send nothing");
    }

    /** Messages waiting plus messages being processed: what a new message queues behind. */
    public long approximateDepth() {
        var attributes = sqs.getQueueAttributes(get -> get.queueUrl(queueUrl).attributeNames(List.of(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))).attributes();
        return Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"))
                + Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
    }

    /** SQS refused the message itself; the same message would be refused again. */
    public static final class MessageRefusedException extends RuntimeException {
        public MessageRefusedException(String queueUrl, Throwable cause) {
            super("Queue " + queueUrl + " refused the message's contents", cause);
        }
    }

    public static final class QueueUnavailableException extends RuntimeException {
        public QueueUnavailableException(String queueUrl, Throwable cause) {
            super("Queue " + queueUrl + " did not accept the message", cause);
        }
    }
}

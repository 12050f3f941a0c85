package dev.damagedesk.adapters.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
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

    /** The most messages one SendMessageBatch carries. */
    public static final int MAX_BATCH = 10;

    /**
     * Sends up to {@link #MAX_BATCH} messages in one SendMessageBatch call.
     *
     * @return the indexes of the bodies SQS did not take: all of them when the call itself failed (after the SDK's
     * retries), so the caller retries exactly those
     */
    public Set<Integer> sendBatch(List<String> bodies) {
        if (bodies.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " messages a batch, not " + bodies.size());
        }
        Set<Integer> refused = new TreeSet<>();
        if (bodies.isEmpty()) {
            return refused;
        }
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(bodies.get(i)).build());
        }
        try {
            sqs.sendMessageBatch(send -> send.queueUrl(queueUrl).entries(entries)).failed()
                    .forEach(failed -> refused.add(Integer.parseInt(failed.id())));
        } catch (SdkException e) {
            for (int i = 0; i < bodies.size(); i++) {
                refused.add(i);
            }
        }
        return refused;
    }

    /**
     * Sends the bodies in batches of ten (SendMessageBatch), for a page of work that queues many messages at once.
     *
     * @throws QueueUnavailableException when SQS did not take one of them (the caller's retry sends the page again)
     */
    public void sendAll(List<String> bodies) {
        for (int from = 0; from < bodies.size(); from += 10) {
            List<String> batch = bodies.subList(from, Math.min(bodies.size(), from + 10));
            List<SendMessageBatchRequestEntry> entries = new java.util.ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(batch.get(i)).build());
            }
            try {
                var answer = sqs.sendMessageBatch(send -> send.queueUrl(queueUrl).entries(entries));
                if (!answer.failed().isEmpty()) {
                    throw new QueueUnavailableException(queueUrl, new IllegalStateException(answer.failed().size()
                            + " of " + entries.size() + " refused: " + answer.failed().get(0).code()));
                }
            } catch (SdkException e) {
                throw new QueueUnavailableException(queueUrl, e);
            }
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

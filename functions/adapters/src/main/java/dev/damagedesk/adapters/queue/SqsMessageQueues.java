package dev.damagedesk.adapters.queue;

import dev.damagedesk.application.port.MessageQueues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The system's queues on SQS. Depths are {@code GetQueueAttributes}; the age of the oldest message is not among the
 * attributes SQS answers (it is the CloudWatch metric {@code ApproximateAgeOfOldestMessage}, whose read,
 * {@code cloudwatch:GetMetricData}, cannot be limited to a resource), so it is answered as unknown and the template
 * alarms on the metric instead.
 */
public final class SqsMessageQueues implements MessageQueues {

    /** A source queue and its dead-letter queue, by logical id and URL. */
    public record QueuePair(String source, String sourceUrl, String dead, String deadUrl) {
    }

    /** Seconds a message being redriven stays invisible in the dead-letter queue before it is deleted. */
    private static final int REDRIVE_VISIBILITY_SECONDS = 60;

    private final SqsClient sqs;
    private final List<QueuePair> pairs;

    public SqsMessageQueues(SqsClient sqs, List<QueuePair> pairs) {
        this.sqs = sqs;
        this.pairs = List.copyOf(pairs);
    }

    /**
     * Reads the template's queue list: entries separated by white space, each
     * {@code SourceQueue=<url>>DeadLetterQueue=<url>}.
     */
    public static List<QueuePair> parse(String spec) {
        List<QueuePair> pairs = new ArrayList<>();
        for (String entry : spec.strip().split("\\s+")) {
            String[] halves = entry.split(">", 2);
            String[] source = halves[0].split("=", 2);
            String[] dead = halves.length == 2 ? halves[1].split("=", 2) : new String[0];
            if (source.length != 2 || dead.length != 2) {
                throw new IllegalStateException("Queue entry must be Source=url>DeadLetter=url: " + entry);
            }
            pairs.add(new QueuePair(source[0], source[1], dead[0], dead[1]));
        }
        return pairs;
    }

    @Override
    public List<Depth> depths() {
        List<Depth> depths = new ArrayList<>();
        for (QueuePair pair : pairs) {
            depths.add(depth(pair.source(), pair.sourceUrl(), false, null));
            depths.add(depth(pair.dead(), pair.deadUrl(), true, pair.source()));
        }
        return depths;
    }

    @Override
    public boolean isDeadLetterQueue(String queue) {
        return pairs.stream().anyMatch(pair -> pair.dead().equals(queue));
    }

    @Override
    public List<Moved> moveBatch(String deadLetterQueue) {
        QueuePair pair = pairOf(deadLetterQueue);
        List<Message> received = sqs.receiveMessage(receive -> receive.queueUrl(pair.deadUrl()).maxNumberOfMessages(10)
                .waitTimeSeconds(0).visibilityTimeout(REDRIVE_VISIBILITY_SECONDS).messageAttributeNames("All")).messages();
        List<Moved> moved = new ArrayList<>();
        for (Message message : received) {
            sqs.sendMessage(send -> send.queueUrl(pair.sourceUrl()).messageBody(message.body())
                    .messageAttributes(message.messageAttributes()));
            moved.add(new Moved(message.messageId(), message.body(), message.receiptHandle()));
        }
        return moved;
    }

    @Override
    public void delete(String deadLetterQueue, Moved moved) {
        sqs.deleteMessage(delete -> delete.queueUrl(pairOf(deadLetterQueue).deadUrl()).receiptHandle(moved.receipt()));
    }

    private QueuePair pairOf(String deadLetterQueue) {
        return pairs.stream().filter(pair -> pair.dead().equals(deadLetterQueue)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a dead-letter queue: " + deadLetterQueue));
    }

    private Depth depth(String name, String url, boolean dead, String source) {
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>(sqs.getQueueAttributes(get -> get.queueUrl(url)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes());
        return new Depth(name, dead, source, count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
                count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED), null);
    }

    private static long count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
        return Long.parseLong(attributes.getOrDefault(name, "0"));
    }
}

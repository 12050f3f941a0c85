package dev.damagedesk.localruntime.poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.localaws.SharedLocalCloud;
import dev.damagedesk.localaws.template.SqsEventSource;
import dev.damagedesk.localruntime.fixtures.Deliveries;
import dev.damagedesk.localruntime.fixtures.Deliveries.Delivery;
import dev.damagedesk.localruntime.fixtures.RecordingSqsHandler;
import dev.damagedesk.localruntime.fixtures.Specs;
import dev.damagedesk.localruntime.fixtures.ThrowingSqsHandler;
import dev.damagedesk.localruntime.function.LocalFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The poller against ElasticMQ, with queues made for each test: a main queue whose redrive policy moves a message to
 * its dead-letter queue after two receives, and a visibility timeout as short as the test function's timeout.
 */
class SqsEventSourcePollerTest {

    private static final int FUNCTION_TIMEOUT_SECONDS = 2;
    private static final Duration DELIVERY_LIMIT = Duration.ofSeconds(45);

    private final SqsClient sqs = SharedLocalCloud.get().aws().sqs();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private String marker;
    private String queueUrl;
    private String queueArn;
    private String deadLetterQueueUrl;

    @BeforeEach
    void createQueues() {
        marker = "m" + UUID.randomUUID().toString().substring(0, 8);
        deadLetterQueueUrl = sqs.createQueue(create -> create.queueName(marker + "-dlq")).queueUrl();
        String deadLetterArn = sqs.getQueueAttributes(get -> get.queueUrl(deadLetterQueueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        queueUrl = sqs.createQueue(create -> create.queueName(marker).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(FUNCTION_TIMEOUT_SECONDS),
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + deadLetterArn + "\",\"maxReceiveCount\":\"2\"}"))).queueUrl();
        queueArn = sqs.getQueueAttributes(get -> get.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        sqs.deleteQueue(delete -> delete.queueUrl(queueUrl));
        sqs.deleteQueue(delete -> delete.queueUrl(deadLetterQueueUrl));
    }

    @Test
    void aPartialBatchFailureDeletesTheRestAndTheFailedMessageIsRetriedThenDeadLettered() {
        sendBatch(marker + " ok-1", marker + " fail", marker + " ok-2");
        startPoller(RecordingSqsHandler.class, Specs.sqs("TestQueue", 10, 0, true), OptionalInt.of(0));

        List<Message> deadLettered = awaitDeadLetters(1);

        assertThat(deadLettered).extracting(Message::body).containsExactly(marker + " fail");
        assertThat(Deliveries.countsByBody(marker)).containsEntry(marker + " ok-1", 1L).containsEntry(marker + " ok-2", 1L);
        assertThat(Deliveries.containing(marker + " fail")).extracting(Delivery::receiveCount).containsExactly(1, 2);
        awaitEmpty(queueUrl);
    }

    @Test
    void theEventCarriesWhatLambdaPutsInAnSqsEvent() {
        sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(marker + " attributes")
                .messageAttributes(Map.of("origin", MessageAttributeValue.builder().dataType("String").stringValue("intake").build())));
        startPoller(RecordingSqsHandler.class, Specs.sqs("TestQueue", 10, 0, true), OptionalInt.empty());

        await("the message to be delivered", () -> !Deliveries.containing(marker).isEmpty());

        var message = Deliveries.containing(marker).get(0).message();
        assertThat(message.getEventSource()).isEqualTo("aws:sqs");
        assertThat(message.getEventSourceArn()).isEqualTo(queueArn);
        assertThat(message.getAwsRegion()).isEqualTo("us-east-1");
        assertThat(message.getMessageId()).isNotBlank();
        assertThat(message.getReceiptHandle()).isNotBlank();
        assertThat(message.getMd5OfBody()).hasSize(32);
        assertThat(message.getAttributes()).containsKeys("ApproximateReceiveCount", "SentTimestamp", "SenderId",
                "ApproximateFirstReceiveTimestamp");
        assertThat(message.getMessageAttributes().get("origin").getStringValue()).isEqualTo("intake");
        assertThat(message.getMessageAttributes().get("origin").getDataType()).isEqualTo("String");
        awaitEmpty(queueUrl);
    }

    @Test
    void withoutReportBatchItemFailuresAThrowingHandlerLosesNoMessage() {
        sendBatch(marker + " a", marker + " b", marker + " c");
        startPoller(ThrowingSqsHandler.class, Specs.sqs("TestQueue", 10, 0, false), OptionalInt.empty());

        List<Message> deadLettered = awaitDeadLetters(3);

        assertThat(deadLettered).extracting(Message::body).containsExactlyInAnyOrder(marker + " a", marker + " b", marker + " c");
        assertThat(Deliveries.countsByBody(marker)).containsOnlyKeys(marker + " a", marker + " b", marker + " c")
                .allSatisfy((body, count) -> assertThat(count).isEqualTo(2L));
    }

    @Test
    void aResponseNamingAMessageOutsideTheBatchFailsTheWholeBatch() {
        sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(marker + " bogus"));
        startPoller(RecordingSqsHandler.class, Specs.sqs("TestQueue", 10, 0, true), OptionalInt.of(0));

        List<Message> deadLettered = awaitDeadLetters(1);

        assertThat(deadLettered).extracting(Message::body).containsExactly(marker + " bogus");
        assertThat(Deliveries.containing(marker)).hasSize(2);
    }

    @Test
    void aBatchSizeOverTenIsGatheredFromSeveralReceivesWithinTheWindow() {
        List<String> bodies = IntStream.range(0, 15).mapToObj(i -> marker + " n" + i).toList();
        sendBatch(bodies.subList(0, 10).toArray(String[]::new));
        sendBatch(bodies.subList(10, 15).toArray(String[]::new));
        startPoller(RecordingSqsHandler.class, Specs.sqs("TestQueue", 20, 3, true), OptionalInt.empty(), 1);

        await("all 15 messages", () -> Deliveries.containing(marker).size() >= 15);

        assertThat(Deliveries.containing(marker)).extracting(Delivery::batchSize).allSatisfy(size -> assertThat(size).isGreaterThan(10));
        awaitEmpty(queueUrl);
    }

    @Test
    void aQueueWhoseVisibilityTimeoutIsShorterThanTheFunctionTimeoutIsRefusedAsLambdaRefusesIt() {
        LocalFunction function = new LocalFunction(Specs.function("SlowConsumer", RecordingSqsHandler.class, FUNCTION_TIMEOUT_SECONDS + 5), 1);
        toClose.add(function);
        SqsEventSourcePoller poller = new SqsEventSourcePoller(sqs, Specs.sqs("TestQueue", 10, 0, true), queueUrl, queueArn,
                function, OptionalInt.empty(), 2);

        assertThatThrownBy(poller::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Queue visibility timeout: 2 seconds is less than Function timeout: 7 seconds");
    }

    private void startPoller(Class<?> handler, SqsEventSource source, OptionalInt failedMessageVisibility) {
        startPoller(handler, source, failedMessageVisibility, 2);
    }

    private void startPoller(Class<?> handler, SqsEventSource source, OptionalInt failedMessageVisibility, int concurrency) {
        LocalFunction function = new LocalFunction(Specs.function("Consumer", handler, FUNCTION_TIMEOUT_SECONDS), concurrency);
        SqsEventSourcePoller poller = new SqsEventSourcePoller(sqs, source, queueUrl, queueArn, function, failedMessageVisibility,
                concurrency);
        toClose.add(function);
        toClose.add(0, poller); // stop polling before the function goes
        poller.start();
    }

    private void sendBatch(String... bodies) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody(bodies[i]).build());
        }
        assertThat(sqs.sendMessageBatch(send -> send.queueUrl(queueUrl).entries(entries)).failed()).isEmpty();
    }

    private List<Message> awaitDeadLetters(int count) {
        List<Message> received = new ArrayList<>();
        await(count + " message(s) in the dead-letter queue", () -> {
            received.addAll(sqs.receiveMessage(receive -> receive.queueUrl(deadLetterQueueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).visibilityTimeout(600)).messages());
            return received.size() >= count;
        });
        return received;
    }

    private void awaitEmpty(String url) {
        await("the queue to be empty", () -> {
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(get -> get.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            return attributes.values().stream().allMatch("0"::equals);
        });
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DELIVERY_LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Gave up waiting for " + what + " after " + DELIVERY_LIMIT.toSeconds() + " s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}

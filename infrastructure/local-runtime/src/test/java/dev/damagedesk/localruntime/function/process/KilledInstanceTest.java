package dev.damagedesk.localruntime.function.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.localaws.SharedLocalCloud;
import dev.damagedesk.localaws.template.SqsEventSource;
import dev.damagedesk.localruntime.fixtures.lambda.InterruptibleSqsHandler;
import dev.damagedesk.localruntime.function.FunctionLogLines;
import dev.damagedesk.localruntime.poller.SqsEventSourcePoller;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Killing a function's process while it works on an SQS message loses nothing: the message is not deleted, comes back
 * after its visibility timeout and is processed once by a fresh instance. ElasticMQ and the real poller; the consumer
 * is the test function jar's {@link InterruptibleSqsHandler} in its own process.
 */
class KilledInstanceTest {

    private static final int FUNCTION_TIMEOUT_SECONDS = 30;

    @TempDir
    Path scratch;

    private final SqsClient sqs = SharedLocalCloud.get().aws().sqs();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final FunctionLogLines listener = (function, line) -> lines.add(line);
    private String queueUrl;
    private ProcessFunction function;
    private SqsEventSourcePoller poller;

    @AfterEach
    void stop() {
        if (poller != null) {
            poller.close();
        }
        if (function != null) {
            function.close();
        }
        if (queueUrl != null) {
            sqs.deleteQueue(delete -> delete.queueUrl(queueUrl));
        }
    }

    @Test
    void aMessageWhoseProcessIsKilledMidBatchIsRedeliveredAndProcessedOnce() {
        String body = "m" + UUID.randomUUID().toString().substring(0, 8);
        queueUrl = sqs.createQueue(create -> create.queueName(body).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(FUNCTION_TIMEOUT_SECONDS)))).queueUrl();
        String queueArn = sqs.getQueueAttributes(get -> get.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        function = new ProcessFunction(ProcessFunctionTest.launch("Consumer", InterruptibleSqsHandler.class,
                FUNCTION_TIMEOUT_SECONDS, Map.of(), scratch), 1, List.of(listener));
        // failed messages come back after 1 s instead of the queue's 30 s (the local runtime's --failed-message-visibility)
        poller = new SqsEventSourcePoller(sqs, new SqsEventSource("Queue", "TestQueue", 1, 0, false, 2), queueUrl, queueArn,
                function, OptionalInt.of(1), 1);
        poller.start();

        sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(body));
        ProcessFunctionTest.await("the first delivery to be in progress",
                () -> lines.stream().anyMatch(line -> line.startsWith("processing " + body + " receive 1 pid ")));
        long firstPid = Long.parseLong(lines.stream().filter(line -> line.startsWith("processing " + body + " receive 1 pid "))
                .findFirst().orElseThrow().replaceAll(".* pid ", ""));
        assertThat(function.instancePids()).containsExactly(firstPid);
        ProcessHandle.of(firstPid).orElseThrow().destroyForcibly(); // as a crash or an OOM kill would

        ProcessFunctionTest.await("the message to be processed", () -> lines.contains("processed " + body));
        ProcessFunctionTest.await("the queue to be empty", () -> sqs.getQueueAttributes(get -> get.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes().values().stream().allMatch("0"::equals));

        assertThat(lines).filteredOn(line -> line.equals("processed " + body)).hasSize(1);
        assertThat(lines).filteredOn(line -> line.startsWith("processing " + body + " receive 2 pid "))
                .hasSize(1).noneMatch(line -> line.endsWith(" pid " + firstPid));
        assertThat(lines).anyMatch(line -> line.contains("Error: Runtime exited with error: signal: killed"));
        assertThat(function.coldStarts()).isEqualTo(2);
    }
}

package dev.damagedesk.localaws.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * ElasticMQ on a data directory: queues and messages, in-flight ones included, survive a SIGKILL of the JVM that
 * runs it, and the provisioner's CreateQueue on the restored database finds the queue as it was.
 */
class ElasticMqPersistenceTest {

    /** Longer than a child JVM's restart, so that the in-flight messages are still in flight after it. */
    private static final int IN_FLIGHT_VISIBILITY_SECONDS = 15;

    @TempDir
    Path tempDir;

    @Test
    void acceptedMessagesSurviveAKilledJvmExactlyOnceAndInFlightOnesComeBackAfterTheirTimeout() throws Exception {
        Path dataDir = tempDir.resolve("sqs");
        int sent = 310;
        Set<String> deletedBeforeTheKill = new HashSet<>();
        Set<String> inFlightAtTheKill = new HashSet<>();
        String queueUrl;
        long inFlightSince;

        Child first = Child.start(dataDir, tempDir.resolve("first.log"));
        try (SqsClient sqs = LocalAws.sqsClient(first.endpoint)) {
            queueUrl = createQueues(sqs);
            for (int i = 0; i < 200; i++) {
                String body = body(i);
                sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(body));
            }
            for (int batch = 0; batch < 10; batch++) {
                List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                for (int j = 0; j < 10; j++) {
                    entries.add(SendMessageBatchRequestEntry.builder().id("m" + j)
                            .messageBody(body(200 + batch * 10 + j)).build());
                }
                assertThat(sqs.sendMessageBatch(request -> request.queueUrl(queueUrl).entries(entries)).failed())
                        .isEmpty();
            }
            // received and deleted: must not come back
            while (deletedBeforeTheKill.size() < 10) {
                for (Message message : receive(sqs, queueUrl, 10 - deletedBeforeTheKill.size(), 30)) {
                    sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                    deletedBeforeTheKill.add(message.body());
                }
            }
            // received, not deleted, when the JVM dies: must come back once their visibility timeout is over
            inFlightSince = System.nanoTime();
            while (inFlightAtTheKill.size() < 20) {
                receive(sqs, queueUrl, Math.min(10, 20 - inFlightAtTheKill.size()), IN_FLIGHT_VISIBILITY_SECONDS)
                        .forEach(message -> inFlightAtTheKill.add(message.body()));
            }
            // accepted a moment before the kill: no time for a delayed write to catch up
            for (int i = 300; i < sent; i++) {
                String body = body(i);
                sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(body));
            }
        }
        first.kill();

        Child second = Child.start(dataDir, tempDir.resolve("second.log"));
        try (SqsClient sqs = LocalAws.sqsClient(second.endpoint)) {
            assertThat(URI.create(createQueues(sqs)).getPath())
                    .as("CreateQueue with the same attributes on the restored queue (on a new port)")
                    .isEqualTo(URI.create(queueUrl).getPath());
            String restoredUrl = sqs.getQueueUrl(request -> request.queueName("KeptQueue")).queueUrl();
            assertThat(Duration.ofNanos(System.nanoTime() - inFlightSince))
                    .as("restart within the in-flight messages' visibility timeout")
                    .isLessThan(Duration.ofSeconds(IN_FLIGHT_VISIBILITY_SECONDS));
            Map<String, String> counts = counts(sqs, restoredUrl);
            assertThat(counts).containsEntry("ApproximateNumberOfMessages", Integer.toString(sent - 10 - 20))
                    .containsEntry("ApproximateNumberOfMessagesNotVisible", "20");

            Map<String, Long> receivedAfterStart = new HashMap<>();
            List<String> bodies = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(IN_FLIGHT_VISIBILITY_SECONDS + 30);
            while (bodies.size() < sent - 10 && System.nanoTime() < deadline) {
                for (Message message : receive(sqs, restoredUrl, 10, 30)) {
                    bodies.add(message.body());
                    receivedAfterStart.put(message.body(), System.nanoTime());
                    sqs.deleteMessage(request -> request.queueUrl(restoredUrl).receiptHandle(message.receiptHandle()));
                }
            }
            Set<String> expected = new HashSet<>();
            IntStream.range(0, sent).mapToObj(ElasticMqPersistenceTest::body).forEach(expected::add);
            expected.removeAll(deletedBeforeTheKill);
            assertThat(bodies).as("every accepted, undeleted message, once").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(expected);
            long visibleAgainAt = inFlightSince + TimeUnit.SECONDS.toNanos(IN_FLIGHT_VISIBILITY_SECONDS);
            for (String inFlight : inFlightAtTheKill) {
                assertThat(receivedAfterStart.get(inFlight)).as("%s received again after its timeout", inFlight)
                        .isGreaterThanOrEqualTo(visibleAgainAt - TimeUnit.MILLISECONDS.toNanos(500));
            }
            assertThat(counts(sqs, restoredUrl)).containsEntry("ApproximateNumberOfMessages", "0")
                    .containsEntry("ApproximateNumberOfMessagesNotVisible", "0");
        } finally {
            second.stop();
        }
        assertThat(dataDir.resolve(ElasticMq.DATABASE_NAME + ".mv.db")).isRegularFile();
    }

    @Test
    void closedAndStartedAgainInOneJvmOnlyTheSameDirectoryHasTheQueues() {
        Path kept = tempDir.resolve("kept");
        try (ElasticMq elasticMq = ElasticMq.start(Optional.of(kept));
             SqsClient sqs = LocalAws.sqsClient(elasticMq.endpoint())) {
            String url = createQueues(sqs);
            for (int i = 0; i < 5; i++) {
                String body = body(i);
                sqs.sendMessage(request -> request.queueUrl(url).messageBody(body));
            }
            assertThatThrownBy(() -> ElasticMq.start(Optional.of(tempDir.resolve("other"))))
                    .as("a second persistent ElasticMQ in this JVM")
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already running");
        }
        try (ElasticMq elasticMq = ElasticMq.start(Optional.of(kept));
             SqsClient sqs = LocalAws.sqsClient(elasticMq.endpoint())) {
            String url = sqs.getQueueUrl(request -> request.queueName("KeptQueue")).queueUrl();
            assertThat(counts(sqs, url)).containsEntry("ApproximateNumberOfMessages", "5");
        }
        try (ElasticMq elasticMq = ElasticMq.start(Optional.of(tempDir.resolve("other")));
             SqsClient sqs = LocalAws.sqsClient(elasticMq.endpoint())) {
            assertThat(sqs.listQueues().queueUrls()).as("queues in a fresh data directory").isEmpty();
        }
        try (ElasticMq elasticMq = ElasticMq.start(); SqsClient sqs = LocalAws.sqsClient(elasticMq.endpoint())) {
            assertThat(sqs.listQueues().queueUrls()).as("queues in memory").isEmpty();
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The queues as the provisioner creates them: a dead-letter queue first, then a queue that redrives to it. */
    private static String createQueues(SqsClient sqs) {
        Map<QueueAttributeName, String> dlqAttributes = new LinkedHashMap<>();
        dlqAttributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, "30");
        dlqAttributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600");
        dlqAttributes.put(QueueAttributeName.DELAY_SECONDS, "0");
        String dlqUrl = sqs.createQueue(request -> request.queueName("KeptDeadLetterQueue").attributes(dlqAttributes))
                .queueUrl();
        String dlqArn = sqs.getQueueAttributes(request -> request.queueUrl(dlqUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, "180");
        attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600");
        attributes.put(QueueAttributeName.DELAY_SECONDS, "0");
        attributes.put(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":5}");
        return sqs.createQueue(request -> request.queueName("KeptQueue").attributes(attributes)).queueUrl();
    }

    private static List<Message> receive(SqsClient sqs, String queueUrl, int max, int visibilitySeconds) {
        return sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(max)
                .visibilityTimeout(visibilitySeconds).waitTimeSeconds(1)).messages();
    }

    private static Map<String, String> counts(SqsClient sqs, String queueUrl) {
        return sqs.getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNamesWithStrings(
                "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings();
    }

    private static String body(int i) {
        return "{\"report\":" + i + "}";
    }

    /** ElasticMQ in a JVM of its own ({@link ElasticMqChildProcess}), on this test's class path. */
    private record Child(Process process, URI endpoint) {

        static Child start(Path dataDir, Path log) throws IOException, InterruptedException {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", ElasticMqChildProcess.class.getName(),
                    dataDir.toString())
                    .redirectError(log.toFile())
                    .start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(ElasticMqChildProcess.READY)) {
                    return new Child(process, URI.create(line.substring(ElasticMqChildProcess.READY.length())));
                }
            }
            process.waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("ElasticMQ child JVM exited without an endpoint:\n" + Files.readString(log));
        }

        /** SIGKILL: no shutdown hook, no graceful close of the database. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("exit status of a SIGKILLed JVM").isEqualTo(128 + 9);
        }

        void stop() throws IOException, InterruptedException {
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}

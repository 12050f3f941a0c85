package dev.damagedesk.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A kept data directory: DynamoDB items, queued messages and secrets survive a restart (the provisioner's CreateQueue
 * on the restored queues included); close() leaves nothing running.
 */
class LocalCloudDataDirTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestartAndCloseStopsEverything() throws Exception {
        Path root = RepositoryRoot.find();
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("REPORT#kept"),
                "sk", AttributeValue.fromS("META"));
        String secret;
        URI dynamoDb;
        URI ses;
        URI sqs;
        long dynalitePid;
        long sesPid;
        try (LocalCloud first = LocalCloud.start(root, Optional.of(dataDir), Map.of())) {
            System.out.println("LocalCloud start-up (data dir, first): " + first.startupTime().toMillis() + " ms");
            Map<String, AttributeValue> item = new java.util.HashMap<>(key);
            item.put("status", AttributeValue.fromS("RECEIVED"));
            first.aws().dynamoDb().putItem(request -> request.tableName("ReportsTable").item(item));
            String intakeQueue = first.resources().queueUrl("IntakeQueue");
            first.aws().sqs().sendMessage(request -> request.queueUrl(intakeQueue).messageBody("{\"kept\":true}"));
            secret = first.resources().secretValue("TrackingTokenSecret");
            dynamoDb = first.aws().dynamoDbEndpoint();
            ses = first.aws().sesEndpoint();
            sqs = first.aws().sqsEndpoint();
            dynalitePid = first.aws().dynalite().pid();
            sesPid = first.aws().sesLocal().pid();
            assertThatThrownBy(() -> LocalCloud.start(root, Optional.of(dataDir), Map.of()))
                    .as("a second LocalCloud on the same data directory")
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("in use");
        }

        assertThat(answers(dynamoDb)).as("dynalite port after close").isFalse();
        assertThat(answers(ses)).as("ses-local port after close").isFalse();
        assertThat(answers(sqs)).as("ElasticMQ port after close").isFalse();
        assertThat(ProcessHandle.of(dynalitePid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(ProcessHandle.of(sesPid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(dataDir.resolve("secrets.properties")).exists();
        assertThat(dataDir.resolve("dynamodb")).isDirectory();
        assertThat(dataDir.resolve("sqs").resolve("elasticmq.mv.db")).isRegularFile();
        assertThat(dataDir.resolve("logs").resolve("dynalite.log")).exists();

        try (LocalCloud second = LocalCloud.start(root, Optional.of(dataDir), Map.of())) {
            System.out.println("LocalCloud start-up (data dir, restart): " + second.startupTime().toMillis() + " ms");
            Map<String, AttributeValue> kept = second.aws().dynamoDb()
                    .getItem(request -> request.tableName("ReportsTable").key(key).consistentRead(true)).item();
            assertThat(kept).containsEntry("status", AttributeValue.fromS("RECEIVED"));
            assertThat(second.resources().secretValue("TrackingTokenSecret")).isEqualTo(secret);
            String intakeQueue = second.resources().queueUrl("IntakeQueue");
            assertThat(second.aws().sqs().receiveMessage(request -> request.queueUrl(intakeQueue).waitTimeSeconds(1))
                    .messages()).extracting(message -> message.body()).containsExactly("{\"kept\":true}");
            assertThat(second.functionEnvironment("IntakeFunction")).containsEntry("TRACKING_TOKEN_SECRET", secret);
            assertThat(second.aws().dynamoDb().describeTable(r -> r.tableName("ReportsTable")).table()
                    .globalSecondaryIndexes()).hasSize(3);
        }
    }

    @Test
    void withoutADataDirNothingIsKept() {
        Path root = RepositoryRoot.find();
        String firstSecret;
        try (LocalCloud first = LocalCloud.start(root, Optional.empty(), Map.of("SenderEmail", "desk@example.org"))) {
            firstSecret = first.resources().secretValue("TrackingTokenSecret");
            assertThat(first.functionEnvironment("NotifierFunction")).containsEntry("SENDER_EMAIL", "desk@example.org");
            first.aws().dynamoDb().putItem(request -> request.tableName("ReportsTable").item(Map.of(
                    "pk", AttributeValue.fromS("REPORT#gone"), "sk", AttributeValue.fromS("META"))));
            String intakeQueue = first.resources().queueUrl("IntakeQueue");
            first.aws().sqs().sendMessage(request -> request.queueUrl(intakeQueue).messageBody("{\"gone\":true}"));
        }
        try (LocalCloud second = LocalCloud.start(root, Optional.empty(), Map.of())) {
            assertThat(second.resources().secretValue("TrackingTokenSecret")).isNotEqualTo(firstSecret);
            assertThat(second.aws().dynamoDb().getItem(request -> request.tableName("ReportsTable").key(Map.of(
                    "pk", AttributeValue.fromS("REPORT#gone"), "sk", AttributeValue.fromS("META")))).hasItem()).isFalse();
            String intakeQueue = second.resources().queueUrl("IntakeQueue");
            assertThat(second.aws().sqs().receiveMessage(request -> request.queueUrl(intakeQueue)).messages()).isEmpty();
        }
    }

    static boolean answers(URI endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 300);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}

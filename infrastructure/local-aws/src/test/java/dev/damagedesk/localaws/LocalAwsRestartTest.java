package dev.damagedesk.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.localaws.emulator.LocalAws;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The fault injection's restarts: each emulator stopped and started again on the same port and data, so that the clients
 * built before it keep working and nothing it held is lost; the mailbox kept in the data directory across runs too.
 */
class LocalAwsRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void eachEmulatorComesBackOnItsPortWithItsDataAndTheMailboxOutlivesTheRuntime() throws Exception {
        Path root = RepositoryRoot.find();
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("REPORT#restart"), "sk", AttributeValue.fromS("REPORT"));
        try (LocalCloud cloud = LocalCloud.start(root, Optional.of(dataDir), Map.of())) {
            LocalAws aws = cloud.aws();
            String queue = cloud.resources().queueUrl("IntakeQueue");
            URI sqs = aws.sqsEndpoint();
            URI dynamoDb = aws.dynamoDbEndpoint();
            URI ses = aws.sesEndpoint();
            aws.dynamoDb().putItem(put -> put.tableName("ReportsTable").item(Map.of("pk", key.get("pk"), "sk", key.get("sk"),
                    "status", AttributeValue.fromS("RECEIVED"))));
            aws.sqs().sendMessage(send -> send.queueUrl(queue).messageBody("{\"kept\":true}"));
            assertThat(sendEmail(ses, "before@example.com")).isEqualTo(200);

            aws.restart(LocalAws.Restartable.DYNAMODB, Duration.ofMillis(500));
            aws.restart(LocalAws.Restartable.SQS, Duration.ofMillis(500));
            aws.restart(LocalAws.Restartable.SES, Duration.ofMillis(500));

            assertThat(aws.sqsEndpoint()).isEqualTo(sqs);
            assertThat(aws.dynamoDbEndpoint()).isEqualTo(dynamoDb);
            assertThat(aws.sesEndpoint()).isEqualTo(ses);
            assertThat(aws.dynamoDb().getItem(get -> get.tableName("ReportsTable").key(key).consistentRead(true)).item())
                    .containsEntry("status", AttributeValue.fromS("RECEIVED"));
            assertThat(aws.sqs().receiveMessage(receive -> receive.queueUrl(queue).waitTimeSeconds(2)).messages())
                    .extracting(message -> message.body()).containsExactly("{\"kept\":true}");
            assertThat(aws.mailbox().sentTo("before@example.com")).as("sent before SES restarted").hasSize(1);
            assertThat(sendEmail(ses, "after@example.com")).isEqualTo(200);
        }
        try (LocalCloud again = LocalCloud.start(root, Optional.of(dataDir), Map.of())) {
            assertThat(again.aws().mailbox().sentTo("before@example.com")).as("after the whole runtime restarted").hasSize(1);
            assertThat(again.aws().mailbox().sentTo("after@example.com")).hasSize(1);
        }
    }

    @Test
    void withoutADataDirectoryARestartIsRefusedForItWouldLoseEverything() {
        try (LocalAws aws = LocalAws.start(RepositoryRoot.find(), Optional.empty())) {
            assertThatThrownBy(() -> aws.restart(LocalAws.Restartable.DYNAMODB, Duration.ZERO))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("--data-dir");
            assertThat(aws.dynamoDb().listTables().tableNames()).as("still running").isNotNull();
        }
    }

    /** SES v2's SendEmail as plain HTTP (this module has no SES client; the emulator wants an AWS Authorization, not a valid one). */
    private static int sendEmail(URI ses, String to) throws Exception {
        String body = "{\"FromEmailAddress\":\"desk@example.com\",\"Destination\":{\"ToAddresses\":[\"" + to + "\"]},"
                + "\"Content\":{\"Simple\":{\"Subject\":{\"Data\":\"kept\"},\"Body\":{\"Text\":{\"Data\":\"kept\"}}}}}";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(ses.resolve("/v2/email/outbound-emails"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "AWS4-HMAC-SHA256 Credential=S3RVER/20261204/us-east-1/ses/aws4_request")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

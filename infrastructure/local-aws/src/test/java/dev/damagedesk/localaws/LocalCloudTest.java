package dev.damagedesk.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.localaws.emulator.LocalAws;
import dev.damagedesk.localaws.template.TemplateValues;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The shared LocalCloud that other modules' tests use: everything in template.yaml is provisioned and reachable. */
class LocalCloudTest {

    private static LocalCloud cloud;

    @BeforeAll
    static void start() {
        cloud = SharedLocalCloud.get();
        System.out.println("LocalCloud start-up (SharedLocalCloud, in memory): " + cloud.startupTime().toMillis() + " ms");
    }

    @Test
    void sharedCloudIsOnePerJvm() {
        assertThat(SharedLocalCloud.get()).isSameAs(cloud);
    }

    @Test
    void provisionsTheFourQueuesWithRedrive() {
        List<String> urls = cloud.aws().sqs().listQueues().queueUrls();
        assertThat(urls).extracting(url -> url.substring(url.lastIndexOf('/') + 1)).contains("IntakeQueue",
                "IntakeDeadLetterQueue", "NotificationQueue", "NotificationDeadLetterQueue");
        Map<QueueAttributeName, String> intake = cloud.aws().sqs().getQueueAttributes(request -> request
                .queueUrl(cloud.resources().queueUrl("IntakeQueue")).attributeNames(QueueAttributeName.ALL)).attributes();
        assertThat(intake).containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "180")
                .containsEntry(QueueAttributeName.QUEUE_ARN, "arn:aws:sqs:us-east-1:000000000000:IntakeQueue");
        assertThat(intake.get(QueueAttributeName.REDRIVE_POLICY))
                .contains("arn:aws:sqs:us-east-1:000000000000:IntakeDeadLetterQueue").contains("5");
        assertThat(cloud.resources().queueArn("NotificationDeadLetterQueue"))
                .isEqualTo("arn:aws:sqs:us-east-1:000000000000:NotificationDeadLetterQueue");
    }

    @Test
    void aMessageReceivedMaxReceiveCountTimesLandsInTheDeadLetterQueue() {
        SqsClient sqs = cloud.aws().sqs();
        String queue = cloud.resources().queueUrl("IntakeQueue");
        String deadLetters = cloud.resources().queueUrl("IntakeDeadLetterQueue");
        String body = "poison-" + UUID.randomUUID();
        sqs.sendMessage(request -> request.queueUrl(queue).messageBody(body));

        int receives = 0;
        for (int attempt = 0; attempt < 20 && receives < 5; attempt++) {
            // visibility 0: the message is visible again at once, as after a failed invocation
            List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(queue).maxNumberOfMessages(10)
                    .visibilityTimeout(0).waitTimeSeconds(1)).messages();
            receives += (int) messages.stream().filter(m -> m.body().equals(body)).count();
        }
        assertThat(receives).isEqualTo(5);

        List<Message> afterLimit = sqs.receiveMessage(request -> request.queueUrl(queue).maxNumberOfMessages(10)
                .waitTimeSeconds(1)).messages();
        assertThat(afterLimit).extracting(Message::body).doesNotContain(body);
        List<Message> parked = sqs.receiveMessage(request -> request.queueUrl(deadLetters).maxNumberOfMessages(10)
                .waitTimeSeconds(2)).messages();
        assertThat(parked).extracting(Message::body).contains(body);
    }

    @Test
    void provisionsTheReportsTableWithItsIndexes() {
        TableDescription table = cloud.aws().dynamoDb().describeTable(request -> request.tableName("ReportsTable"))
                .table();
        assertThat(table.tableArn()).isEqualTo(cloud.resources().tableArn("ReportsTable"));
        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(table.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
                .containsExactly("pk:HASH", "sk:RANGE");
        assertThat(table.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactlyInAnyOrder("StatusQueue", "IncidentService", "StatusPriority");
        assertThat(table.globalSecondaryIndexes()).allSatisfy(index ->
                assertThat(index.projection().projectionTypeAsString()).isEqualTo("ALL"));

        String pk = "REPORT#" + UUID.randomUUID();
        cloud.aws().dynamoDb().putItem(request -> request.tableName("ReportsTable").item(Map.of(
                "pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("META"),
                "gsi1pk", AttributeValue.fromS("STATUS#received"), "gsi1sk", AttributeValue.fromS(pk))));
        assertThat(cloud.aws().dynamoDb().query(request -> request.tableName("ReportsTable").indexName("StatusQueue")
                .keyConditionExpression("gsi1pk = :s AND gsi1sk = :k")
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("STATUS#received"),
                        ":k", AttributeValue.fromS(pk)))).count()).isEqualTo(1);
    }

    @Test
    void functionEnvironmentIsEnoughToReachTheEmulators() {
        Map<String, String> environment = cloud.functionEnvironment("IntakeFunction");
        assertThat(environment).containsEntry("REPORTS_TABLE", "ReportsTable")
                .containsEntry("INTAKE_QUEUE_URL", cloud.resources().queueUrl("IntakeQueue"))
                .containsEntry("ACTIVE_INCIDENT_ID", "2022-10-15")
                .containsEntry("AWS_REGION", "us-east-1")
                .containsEntry("AWS_ENDPOINT_URL_SQS", cloud.aws().sqsEndpoint().toString())
                .containsEntry("AWS_ENDPOINT_URL_DYNAMODB", cloud.aws().dynamoDbEndpoint().toString())
                .containsEntry("AWS_ENDPOINT_URL_SESV2", cloud.aws().sesEndpoint().toString())
                .containsEntry("aws.accessKeyId", LocalAws.ACCESS_KEY_ID).containsEntry("aws.secretAccessKey", LocalAws.SECRET_ACCESS_KEY);
        assertThat(environment).as("the submission limits: off locally unless overridden (every client is 127.0.0.1)")
                .containsEntry("SUBMISSION_LIMIT_PER_CONTACT_PER_HOUR", "0")
                .containsEntry("SUBMISSION_LIMIT_PER_CLIENT_PER_MINUTE", "0");
        assertThat(environment.get("TRACKING_TOKEN_SECRET")).matches("[A-Za-z0-9]{64}")
                .isEqualTo(cloud.resources().secretValue("TrackingTokenSecret"));
        // the identity key secret: a secret of its own, given to the functions that compute identity keys only
        String identitySecret = cloud.resources().secretValue("IdentityKeySecret");
        assertThat(identitySecret).matches("[A-Za-z0-9]{64}").isNotEqualTo(environment.get("TRACKING_TOKEN_SECRET"));
        assertThat(cloud.functionEnvironment("ProcessorFunction")).containsEntry("IDENTITY_KEY_SECRET", identitySecret);
        assertThat(cloud.functionEnvironment("AdminFunction")).containsEntry("IDENTITY_KEY_SECRET", identitySecret);
        assertThat(environment).containsEntry("IDENTITY_KEY_SECRET", identitySecret); // the per-contact limit
        assertThat(cloud.functionEnvironment("NotifierFunction")).doesNotContainKey("IDENTITY_KEY_SECRET");
        assertThat(cloud.functionEnvironment("NotifierFunction"))
                .containsEntry("SENDER_EMAIL", "no-reply@damagedesk.example");

        // a client configured from nothing but that environment reaches the queue
        try (SqsClient sqs = SqsClient.builder()
                .endpointOverride(URI.create(environment.get("AWS_ENDPOINT_URL_SQS")))
                .region(Region.of(environment.get("AWS_REGION")))
                .credentialsProvider(dev.damagedesk.localaws.emulator.LocalAws.credentials())
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                .build()) {
            assertThat(sqs.sendMessage(request -> request.queueUrl(environment.get("INTAKE_QUEUE_URL"))
                    .messageBody("{}")).messageId()).isNotBlank();
        }
    }

    @Test
    void valuesResolveAgainstTheProvisionedResources() {
        TemplateValues values = cloud.values();
        assertThat(values.resolve(Map.of("Fn::GetAtt", List.of("IntakeQueue", "Arn"))))
                .isEqualTo(cloud.resources().queueArn("IntakeQueue"));
        assertThat(values.resolve(Map.of("Ref", "NotificationQueue"))).startsWith(cloud.aws().sqsEndpoint().toString());
    }

    @Test
    void sesAnswers() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(cloud.aws().sesEndpoint().resolve("/health-check"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        HttpResponse<String> store = http.send(HttpRequest.newBuilder(cloud.aws().sesEndpoint().resolve("/store"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(store.statusCode()).isEqualTo(200);
        assertThat(store.body()).contains("emails");
    }
}

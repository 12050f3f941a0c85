package dev.damagedesk.processor.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.json.Json;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.SharedLocalCloud;
import dev.damagedesk.localaws.lambda.CapturedOutput;
import dev.damagedesk.localaws.lambda.LocalContext;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/** The processor driven by an SQS event fixture, storing into the DynamoDB emulator and queueing into ElasticMQ. */
class ReportProcessorHandlerTest {

    private static final String MUSIC_REPORT = "01GFM4V7Q2S8W3N5K6P9R0T1X2";
    private static final String TAXI_REPORT = "01GFM4V8A1B2C3D4E5F6G7H8J9";
    private static final String POISON_MESSAGE = "c80e8021-a70a-42c7-a470-796e1186f753";

    private final LocalCloud cloud = SharedLocalCloud.get();
    private final Map<String, String> environment = cloud.functionEnvironment("ProcessorFunction");
    private final String table = cloud.resources().tableName("ReportsTable");
    private final String auditTable = cloud.resources().tableName("AuditTable");
    private final String notificationQueue = cloud.resources().queueUrl("NotificationQueue");
    private final ReportProcessorHandler handler =
            new ReportProcessorHandler(FunctionEnvironment.of(environment), Clock.systemUTC());

    @BeforeEach
    void startFromNothing() {
        for (String id : List.of(MUSIC_REPORT, TAXI_REPORT)) {
            cloud.aws().dynamoDb().deleteItem(delete -> delete.tableName(table).key(reportKey(id)));
            // The test's own clean-up, with the emulator's full rights: no function may delete an entry.
            for (Map<String, AttributeValue> entry : auditEntries(id)) {
                cloud.aws().dynamoDb().deleteItem(delete -> delete.tableName(auditTable)
                        .key(Map.of("pk", entry.get("pk"), "sk", entry.get("sk"))));
            }
        }
        cloud.aws().sqs().purgeQueue(purge -> purge.queueUrl(notificationQueue));
    }

    @Test
    void snapStartWarmUpReadsTheTableAndWritesNothing() {
        int reports = cloud.aws().itemCount(table);
        int audit = cloud.aws().itemCount(auditTable);

        handler.warmUp();

        assertThat(cloud.aws().itemCount(table)).isEqualTo(reports);
        assertThat(cloud.aws().itemCount(auditTable)).isEqualTo(audit);
        assertThat(cloud.aws().sqs().receiveMessage(receive -> receive.queueUrl(notificationQueue)).messages()).isEmpty();
        // ...and it does go to the table: pointed at one that does not exist, the read fails.
        Map<String, String> elsewhere = new java.util.HashMap<>(environment);
        elsewhere.put("REPORTS_TABLE", "NoSuchTable");
        ReportProcessorHandler misconfigured = new ReportProcessorHandler(
                dev.damagedesk.adapters.config.FunctionEnvironment.of(elsewhere), java.time.Clock.systemUTC());
        org.assertj.core.api.Assertions.assertThatThrownBy(misconfigured::warmUp)
                .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.class);
    }

    @Test
    void withoutTheIdentityKeySecretTheInitFailsNamingIt() {
        Map<String, String> withoutSecret = new HashMap<>(environment);
        withoutSecret.remove("IDENTITY_KEY_SECRET");

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new ReportProcessorHandler(FunctionEnvironment.of(withoutSecret), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("IDENTITY_KEY_SECRET").hasMessageContaining("does not fall back to plain hashes");
    }

    @Test
    void theReporterIsIndexedUnderKeyedHmacsOfTheSecretNeverUnderAPlainHash() throws Exception {
        handle(EventLoader.loadSQSEvent("events/intake-queue-batch.json"));

        dev.damagedesk.domain.risk.IdentityKeys keys = dev.damagedesk.domain.risk.IdentityKeys.fromSecret(
                environment.get("IDENTITY_KEY_SECRET").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String hmac = keys.emailKey("seoyeon@example.co.kr");
        String v1 = "email:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest("damagedesk-identity/v1:email:seoyeon@example.co.kr".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        java.util.function.Function<String, Long> items = key -> cloud.aws().dynamoDb().getItem(get -> get.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("CONTACT#2022-10-15#" + key), "sk", AttributeValue.fromS("REPORTS"))))
                .hasItem() ? 1L : 0L;

        assertThat(items.apply(hmac)).as("the contact index under the HMAC key").isEqualTo(1L);
        assertThat(items.apply(v1)).as("nothing under the old plain hash").isZero();
    }

    @Test
    void storesAndScoresEachGoodRecordAndFailsOnlyThePoisonOne() {
        SQSBatchResponse response = handle(EventLoader.loadSQSEvent("events/intake-queue-batch.json"));

        assertThat(response.getBatchItemFailures())
                .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(POISON_MESSAGE);

        Map<String, AttributeValue> music = item(MUSIC_REPORT);
        // Scored, then triaged: nothing calls for a person, and the id is not in the 5% audit sample.
        assertThat(music.get("status").s()).isEqualTo("AUTO_APPROVED");
        assertThat(music.get("triageReason").s()).isEqualTo("auto-approved");
        Map<String, AttributeValue> musicDecision = music.get("decision").m();
        assertThat(musicDecision.get("ruleId").s()).isEqualTo("paid-subscription.extension-3x");
        // music was down from 15:30 on 15 October to 15:00 on 16 October (KST): 23 h 30 min, tripled.
        assertThat(musicDecision.get("extensionMinutes").n()).isEqualTo(String.valueOf(3 * (23 * 60 + 30)));
        // Scored by the engine under the bundled 2022 policy, version 1.
        assertThat(musicDecision.get("policyVersion").s()).isEqualTo("2022-10-15/v1");
        assertThat(musicDecision.get("eligibleOutageMinutes").n()).isEqualTo(String.valueOf(23 * 60 + 30));
        assertThat(music.get("gsi1pk").s()).startsWith("STATUS#AUTO_APPROVED#");

        Map<String, AttributeValue> taxi = item(TAXI_REPORT);
        assertThat(taxi.get("decision").m().get("amountKrw").n()).isEqualTo("30000");
        assertThat(taxi.get("decision").m().get("ruleId").s()).isEqualTo("business-loss.band-300k");
        assertThat(taxi.get("reporterType").s()).isEqualTo("small-business");
        assertThat(taxi.get("status").s()).isEqualTo("AUTO_APPROVED");
        assertThat(taxi.get("gsi2pk").s()).isEqualTo("INCIDENT#2022-10-15#SERVICE#taxi");

        // Version 1, carrying audit entry 1, which is also in the audit table.
        assertThat(music.get("version").n()).isEqualTo("1");
        assertThat(music.get("lastAudit").m().get("action").s()).isEqualTo("SCORED");
        assertThat(music.get("lastAudit").m().get("actorId").s()).isEqualTo("ProcessorFunction");
        assertThat(auditEntries(MUSIC_REPORT)).singleElement().satisfies(entry -> {
            assertThat(entry.get("sk").s()).isEqualTo("ENTRY#0000000001");
            assertThat(entry.get("hash")).isEqualTo(music.get("lastAudit").m().get("hash"));
            assertThat(entry.get("after").m().get("status").s()).isEqualTo("AUTO_APPROVED");
        });

        List<Message> notices = receiveNotices();
        assertThat(notices).extracting(notice -> Json.parseObject(notice.body()).get("reportId"))
                .containsExactlyInAnyOrder(MUSIC_REPORT, TAXI_REPORT);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStoredReportsTheirLagAndTheirRulesAreMetricsAndARedeliveryAddsNone() {
        List<Map<String, Object>> documents;
        List<Map<String, Object>> again;
        try (CapturedOutput output = CapturedOutput.start()) {
            handle(EventLoader.loadSQSEvent("events/intake-queue-batch.json"));
            documents = output.metricDocuments();
        }
        try (CapturedOutput output = CapturedOutput.start()) {
            handle(EventLoader.loadSQSEvent("events/intake-queue-batch.json"));
            again = output.metricDocuments();
        }

        Map<String, Object> invocation = documents.stream().filter(document -> document.containsKey("ReportsStored"))
                .findFirst().orElseThrow();
        assertThat(CapturedOutput.directive(invocation)).containsEntry("Namespace", "DamageDesk")
                .containsEntry("Dimensions", List.of(List.of("Service")));
        assertThat((List<Object>) CapturedOutput.directive(invocation).get("Metrics")).containsExactlyInAnyOrder(
                Map.of("Name", "ReportsStored", "Unit", "Count"), Map.of("Name", "ProcessingLag", "Unit", "Milliseconds"));
        assertThat(invocation).containsEntry("ReportsStored", List.of(1.0, 1.0));
        // received on 19 October 2022 (the fixture), stored now: the lag is at least the time since
        assertThat((List<Double>) invocation.get("ProcessingLag")).hasSize(2)
                .allSatisfy(lag -> assertThat(lag).isGreaterThan(Duration.ofDays(365).toMillis()));
        assertThat(documents).filteredOn(document -> document.containsKey("Decisions"))
                .extracting(document -> document.get("Rule"))
                .containsExactlyInAnyOrder("paid-subscription.extension-3x", "business-loss.band-300k");
        assertThat(again).as("a redelivery stores nothing new").isEmpty();
    }

    @Test
    void aRedeliveredMessageNeitherDuplicatesNorOverwritesALaterChange() {
        SQSEvent event = EventLoader.loadSQSEvent("events/intake-queue-batch.json");
        handle(event);
        // A later change to the stored report, as staff will make: it must survive the redelivery.
        cloud.aws().dynamoDb().updateItem(update -> update.tableName(table).key(reportKey(MUSIC_REPORT))
                .updateExpression("SET #status = :review, staffNote = :note")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":review", AttributeValue.fromS("NEEDS_REVIEW"),
                        ":note", AttributeValue.fromS("checked by staff"))));

        SQSBatchResponse redelivery = handle(EventLoader.loadSQSEvent("events/intake-queue-batch.json"));

        assertThat(redelivery.getBatchItemFailures()).hasSize(1);
        Map<String, AttributeValue> music = item(MUSIC_REPORT);
        assertThat(music.get("status").s()).isEqualTo("NEEDS_REVIEW");
        assertThat(music.get("staffNote").s()).isEqualTo("checked by staff");
        long reportItems = cloud.aws().dynamoDb().query(query -> query.tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("REPORT#" + MUSIC_REPORT)))).count();
        assertThat(reportItems).isEqualTo(1);
        assertThat(auditEntries(MUSIC_REPORT)).as("no second entry for a redelivery").hasSize(1);
    }

    @Test
    void whenTheTableCannotBeWrittenEveryRecordIsReturnedForRetry() {
        Map<String, String> broken = new HashMap<>(environment);
        broken.put("REPORTS_TABLE", "NoSuchTable");
        ReportProcessorHandler withoutTable = new ReportProcessorHandler(FunctionEnvironment.of(broken), Clock.systemUTC());

        SQSBatchResponse response = withoutTable.handleRequest(EventLoader.loadSQSEvent("events/intake-queue-batch.json"),
                LocalContext.forTest("ProcessorFunction"));

        assertThat(response.getBatchItemFailures()).hasSize(3);
        assertThat(receiveNotices()).isEmpty();
    }

    @Test
    void aSecondReportOfTheSameReporterAndServiceIsLinkedAsADuplicateAndPaidNothing() {
        SQSEvent event = EventLoader.loadSQSEvent("events/intake-queue-batch.json");
        SQSEvent.SQSMessage music = event.getRecords().get(0);
        // The same person reports the same outage again, from the same address but with a new report id.
        String repeatedId = "01GFM4VA" + java.util.UUID.randomUUID().toString().replace("-", "")
                .toUpperCase().replaceAll("[ILOU]", "0").substring(0, 18);
        SQSEvent.SQSMessage repeated = new SQSEvent.SQSMessage();
        repeated.setMessageId("7d7c2f9e-0c55-4b8f-9a52-1f1d2c3b4a59");
        repeated.setBody(music.getBody().replace(MUSIC_REPORT, repeatedId));
        repeated.setAttributes(music.getAttributes());
        event.setRecords(List.of(music, repeated));

        SQSBatchResponse response = handle(event);

        assertThat(response.getBatchItemFailures()).isEmpty();
        Map<String, AttributeValue> duplicate = item(repeatedId);
        assertThat(duplicate.get("status").s()).isEqualTo("NEEDS_REVIEW");
        assertThat(duplicate.get("duplicateOf").s()).isEqualTo(MUSIC_REPORT);
        assertThat(duplicate.get("decision").m().get("ruleId").s()).isEqualTo("duplicate.already-reported");
        assertThat(duplicate.get("decision").m().get("extensionMinutes").n()).isEqualTo("0");
        assertThat(item(MUSIC_REPORT).get("duplicateOf")).isNull();
        assertThat(auditEntries(repeatedId)).singleElement()
                .satisfies(entry -> assertThat(entry.get("after").m().get("duplicateOf").s()).isEqualTo(MUSIC_REPORT));
        cloud.aws().dynamoDb().deleteItem(delete -> delete.tableName(table).key(reportKey(repeatedId)));
    }

    @Test
    void twoReportsOfOneReporterInABatchAreLinkedInBatchOrderARedeliveryChangesNothingAndTheyAreTalliedOnce() {
        SQSEvent event = EventLoader.loadSQSEvent("events/intake-queue-batch.json");
        SQSEvent.SQSMessage music = event.getRecords().get(0);
        SQSEvent.SQSMessage taxi = event.getRecords().get(1);
        String repeatedId = "01GFM4VB" + java.util.UUID.randomUUID().toString().replace("-", "")
                .toUpperCase().replaceAll("[ILOU]", "0").substring(0, 18);
        SQSEvent.SQSMessage repeated = new SQSEvent.SQSMessage();
        repeated.setMessageId("8e8d3f0a-1d66-4c90-8b63-2e2e3d4c5b60");
        repeated.setBody(music.getBody().replace(MUSIC_REPORT, repeatedId));
        repeated.setAttributes(music.getAttributes());
        // taxi (another reporter) runs beside the two; the repeated report waits for the first of its reporter
        event.setRecords(List.of(music, taxi, repeated));
        dev.damagedesk.adapters.repository.DynamoDbTrafficTallies tallies =
                new dev.damagedesk.adapters.repository.DynamoDbTrafficTallies(cloud.aws().dynamoDb(), table);
        java.time.Instant from = java.time.Instant.now().minusSeconds(60);
        long processedBefore = processed(tallies, from);

        SQSBatchResponse first = handle(event);
        SQSBatchResponse redelivery = handle(event);

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(redelivery.getBatchItemFailures()).isEmpty();
        assertThat(item(repeatedId).get("duplicateOf").s()).isEqualTo(MUSIC_REPORT);
        assertThat(item(MUSIC_REPORT).get("duplicateOf")).isNull();
        assertThat(item(TAXI_REPORT).get("duplicateOf")).isNull();
        for (String id : List.of(MUSIC_REPORT, TAXI_REPORT, repeatedId)) {
            assertThat(auditEntries(id)).as("one entry for " + id + ", however often delivered").hasSize(1);
        }
        // each delivery queues the acknowledgements again (the notifier's ledger sends each once)
        List<String> acknowledged = new java.util.ArrayList<>();
        for (List<Message> notices = receiveNotices(); !notices.isEmpty(); notices = receiveNotices()) {
            notices.forEach(notice -> acknowledged.add(String.valueOf(Json.parseObject(notice.body()).get("reportId"))));
        }
        assertThat(acknowledged).containsExactlyInAnyOrder(MUSIC_REPORT, TAXI_REPORT, repeatedId,
                MUSIC_REPORT, TAXI_REPORT, repeatedId);
        assertThat(processed(tallies, from) - processedBefore).as("stored now: counted by the first delivery only")
                .isEqualTo(3);
        cloud.aws().dynamoDb().deleteItem(delete -> delete.tableName(table).key(reportKey(repeatedId)));
    }

    @Test
    void aReportWhoseAcknowledgementSqsRefusesIsStoredAndRetriedAndItsRedeliveryQueuesIt() {
        Map<String, String> noQueue = new HashMap<>(environment);
        noQueue.put("NOTIFICATION_QUEUE_URL", notificationQueue.replace("NotificationQueue", "NoSuchQueue"));
        ReportProcessorHandler withoutQueue = new ReportProcessorHandler(FunctionEnvironment.of(noQueue), Clock.systemUTC());
        SQSEvent event = EventLoader.loadSQSEvent("events/intake-queue-batch.json");

        SQSBatchResponse refused = withoutQueue.handleRequest(event, LocalContext.forTest("ProcessorFunction"));

        assertThat(refused.getBatchItemFailures()).hasSize(3); // the two stored reports and the poison message
        assertThat(item(MUSIC_REPORT).get("status").s()).isEqualTo("AUTO_APPROVED");
        assertThat(receiveNotices()).isEmpty();

        SQSBatchResponse redelivery = handle(EventLoader.loadSQSEvent("events/intake-queue-batch.json"));

        assertThat(redelivery.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(POISON_MESSAGE);
        assertThat(receiveNotices()).extracting(notice -> Json.parseObject(notice.body()).get("reportId"))
                .containsExactlyInAnyOrder(MUSIC_REPORT, TAXI_REPORT);
    }

    private static long processed(dev.damagedesk.adapters.repository.DynamoDbTrafficTallies tallies, java.time.Instant from) {
        return tallies.minutes(from, java.time.Instant.now().plusSeconds(120)).stream()
                .mapToLong(dev.damagedesk.domain.traffic.MinuteTraffic::processed).sum();
    }

    private List<Map<String, AttributeValue>> auditEntries(String reportId) {
        return cloud.aws().dynamoDb().query(query -> query.tableName(auditTable)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("REPORT#" + reportId)))).items();
    }

    private SQSBatchResponse handle(SQSEvent event) {
        return handler.handleRequest(event, LocalContext.forTest("ProcessorFunction"));
    }

    private Map<String, AttributeValue> item(String reportId) {
        return cloud.aws().dynamoDb().getItem(get -> get.tableName(table).key(reportKey(reportId)).consistentRead(true)).item();
    }

    private static Map<String, AttributeValue> reportKey(String reportId) {
        return Map.of("pk", AttributeValue.fromS("REPORT#" + reportId), "sk", AttributeValue.fromS("REPORT"));
    }

    private List<Message> receiveNotices() {
        return cloud.aws().sqs().receiveMessage(receive -> receive.queueUrl(notificationQueue)
                .maxNumberOfMessages(10).waitTimeSeconds(1).visibilityTimeout(60)).messages();
    }
}

package dev.damagedesk.localruntime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.adapters.message.ReportSubmittedMessage;
import dev.damagedesk.adapters.repository.DynamoDbReportStore;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.triage.AuditSample;
import dev.damagedesk.domain.validation.SubmissionFormat;
import dev.damagedesk.localaws.mailbox.LocalMailbox;
import dev.damagedesk.localaws.mailbox.LocalMailbox.SentEmail;
import dev.damagedesk.localruntime.RuntimeOptions;
import dev.damagedesk.localruntime.function.process.ProcessFunction;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A damage report end to end through the local runtime: HTTP -> intake Lambda -> SQS -> processor Lambda ->
 * DynamoDB -> SQS -> notifier Lambda -> SES, every AWS call going to a real emulator, every function instance its
 * own JVM started from the function's deployment artifact (as {@code ./run-local} runs them).
 */
class ReportJourneyIT {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private static final List<String> REPORTS = new CopyOnWriteArrayList<>();
    private static LocalRuntimeUnderTest runtime;
    private static PublicApiClient api;
    private static LocalMailbox mailbox;

    @BeforeAll
    static void start() {
        runtime = LocalRuntimeUnderTest.start(RuntimeOptions.FunctionHosting.PROCESSES);
        runtime.running().addLogListener((function, line) -> {
            if (line.startsWith("REPORT RequestId: ")) {
                REPORTS.add(function + " " + line);
            }
        });
        api = new PublicApiClient(runtime.apiBaseUri());
        mailbox = runtime.cloud().aws().mailbox();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void theFunctionsRunAsTheirOwnProcessesAndReportEachInvocationAsLambdaDoes() {
        PublicApiClient.Reply accepted = api.submit(PublicApiClient.validReport(unique("processes")));
        assertThat(accepted.status()).isEqualTo(202);

        ProcessFunction intake = (ProcessFunction) runtime.running().functions().get("IntakeFunction");
        assertThat(intake.instancePids()).isNotEmpty().doesNotContain(ProcessHandle.current().pid());
        Eventually.await("the processor's REPORT line", LIMIT, () -> REPORTS.stream()
                .filter(line -> line.startsWith("ProcessorFunction REPORT RequestId: ")).findFirst());
        assertThat(REPORTS).anyMatch(line -> line.startsWith("IntakeFunction REPORT RequestId: ")
                && line.contains("\tMemory Size: 1024 MB") && line.contains("\tInit Duration: "));
    }

    @Test
    void aReportIsStoredScoredAcknowledgedByEmailAndVisibleToItsToken() {
        String email = unique("journey");
        long started = System.nanoTime();
        PublicApiClient.Reply accepted = api.submit(PublicApiClient.validReport(email));
        assertThat(accepted.status()).isEqualTo(202);
        String reportId = (String) accepted.json().get("reportId");
        String token = (String) accepted.json().get("trackingToken");

        // Nothing about this report calls for a person, unless its id falls in the 5% audit sample.
        String triaged = AuditSample.withDefaults().selects(new ReportId(reportId)) ? "NEEDS_REVIEW" : "AUTO_APPROVED";
        Map<String, Object> scored = Eventually.await("the report to be scored and triaged", LIMIT, () -> {
            Map<String, Object> status = api.status(reportId, token).json();
            return "RECEIVED".equals(status.get("status")) ? Optional.empty() : Optional.of(status);
        });
        assertThat(scored.get("status")).isEqualTo(triaged);
        assertThat(scored).containsKey("expectedDecisionBy");
        @SuppressWarnings("unchecked")
        Map<String, Object> decision = (Map<String, Object>) scored.get("decision");
        assertThat(decision).containsEntry("outcome", "EXTENSION").containsEntry("ruleId", "paid-subscription.extension-3x");
        assertThat(((Number) decision.get("extensionMinutes")).longValue()).isEqualTo(3 * (23 * 60 + 30));
        assertThat((String) decision.get("explanation")).contains("23 h 30 min");

        SentEmail acknowledgement = Eventually.await("the acknowledgement email", LIMIT, () ->
                mailbox.sentTo(email).stream().findFirst());
        System.out.printf("POST to acknowledgement in the local mailbox: %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(acknowledgement.subject()).contains(reportId);
        assertThat(acknowledgement.text()).contains(reportId).doesNotContain(token);

        Map<String, AttributeValue> item = reportItem(reportId);
        assertThat(item.get("status").s()).isEqualTo(triaged);
        assertThat(item.get("reporterEmail").s()).isEqualTo(email);
        assertThat(item.values()).noneMatch(value -> token.equals(value.s()));
        assertThat(api.status(reportId, "not-the-token").status()).isEqualTo(404);

        // The functions' metric documents, as the runtime read them from their output: the last minute on /health.
        List<String> seen = Eventually.await("the journey's metrics on /health", LIMIT, () -> {
            List<String> names = metricsOnHealth().stream().map(series -> (String) series.get("name")).toList();
            return names.containsAll(List.of("ReportsAccepted", "ReportsStored", "ProcessingLag", "Decisions", "EmailsSent"))
                    ? Optional.of(names) : Optional.empty();
        });
        assertThat(seen).doesNotContain("ReportsRefused");
        assertThat(metricsOnHealth()).filteredOn(series -> "Decisions".equals(series.get("name")))
                .anySatisfy(series -> assertThat(series.get("dimensions"))
                        .isEqualTo(Map.of("Service", "damagedesk", "Rule", "paid-subscription.extension-3x")));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> metricsOnHealth() {
        try {
            String body = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(runtime.apiBaseUri().resolve("/health")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            Map<String, Object> metrics = (Map<String, Object>) dev.damagedesk.adapters.json.Json.parseObject(body).get("metrics");
            return (List<Map<String, Object>>) metrics.get("series");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aClientRetryWithTheSameIdempotencyKeyMakesOneReportAndOneEmail() {
        String email = unique("retry");
        String key = UUID.randomUUID().toString();
        PublicApiClient.Reply first = api.submit(PublicApiClient.validReport(email), "Idempotency-Key", key);
        PublicApiClient.Reply retry = api.submit(PublicApiClient.validReport(email), "Idempotency-Key", key);

        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.json().get("reportId")).isEqualTo(first.json().get("reportId"));
        assertThat(retry.json().get("trackingToken")).isEqualTo(first.json().get("trackingToken"));
        Eventually.await("the acknowledgement", LIMIT, () -> mailbox.sentTo(email).stream().findFirst());
        waitUntilQueuesAreIdle();
        assertThat(mailbox.sentTo(email)).hasSize(1);
        assertThat(reportsFrom(email)).isEqualTo(1);

        PublicApiClient.Reply reused = api.submit(PublicApiClient.validReport(unique("other")), "Idempotency-Key", key);
        assertThat(reused.status()).isEqualTo(409);
    }

    @Test
    void theSameQueueMessageDeliveredTwiceGivesOneRecordAndOneEmail() {
        String email = unique("twice");
        PublicApiClient.Reply accepted = api.submit(PublicApiClient.validReport(email));
        String reportId = (String) accepted.json().get("reportId");
        Eventually.await("the acknowledgement", LIMIT, () -> mailbox.sentTo(email).stream().findFirst());
        // The message the intake queued for it, delivered again twice as SQS's at-least-once delivery may.
        String body = intakeMessageFor(reportId);
        String queueUrl = runtime.cloud().resources().queueUrl("IntakeQueue");
        runtime.cloud().aws().sqs().sendMessage(send -> send.queueUrl(queueUrl).messageBody(body));
        runtime.cloud().aws().sqs().sendMessage(send -> send.queueUrl(queueUrl).messageBody(body));

        waitUntilQueuesAreIdle();
        assertThat(mailbox.sentTo(email)).hasSize(1);
        assertThat(reportsFrom(email)).isEqualTo(1);
    }

    @Test
    void aPoisonMessageEndsInTheDeadLetterQueueAfterItsRetries() {
        String intake = runtime.cloud().resources().queueUrl("IntakeQueue");
        String deadLetters = runtime.cloud().resources().queueUrl("IntakeDeadLetterQueue");
        String poison = "{\"schema\":\"report-submitted/1\",\"reportId\":\"poison-" + UUID.randomUUID() + "\"}";
        runtime.cloud().aws().sqs().sendMessage(send -> send.queueUrl(intake).messageBody(poison));

        String parked = Eventually.await("the poison message in the dead-letter queue", Duration.ofSeconds(60), () ->
                runtime.cloud().aws().sqs().receiveMessage(receive -> receive.queueUrl(deadLetters)
                                .maxNumberOfMessages(10).waitTimeSeconds(1)
                                .messageSystemAttributeNamesWithStrings("ApproximateReceiveCount"))
                        .messages().stream()
                        .filter(message -> message.body().equals(poison))
                        .map(message -> message.body())
                        .findFirst());
        assertThat(parked).isEqualTo(poison);
    }

    private static String intakeMessageFor(String reportId) {
        DynamoDbReportStore reports = DynamoDbReportStore.readOnly(runtime.cloud().aws().dynamoDb(),
                runtime.cloud().resources().tableName("ReportsTable"));
        Report report = reports.find(ReportId.parse(reportId).orElseThrow()).orElseThrow().report();
        return new ReportSubmittedMessage(report.id(), report.receivedAt(), report.incidentId(), report.tokenHash(),
                SubmissionFormat.toMap(report.submission())).toJson();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static Map<String, AttributeValue> reportItem(String reportId) {
        String table = runtime.cloud().resources().tableName("ReportsTable");
        return runtime.cloud().aws().dynamoDb().getItem(get -> get.tableName(table).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("REPORT#" + reportId), "sk", AttributeValue.fromS("REPORT")))).item();
    }

    static long reportsFrom(String email) {
        String table = runtime.cloud().resources().tableName("ReportsTable");
        return runtime.cloud().aws().dynamoDb().scanPaginator(scan -> scan.tableName(table)
                        .filterExpression("reporterEmail = :email")
                        .expressionAttributeValues(Map.of(":email", AttributeValue.fromS(email))))
                .stream().mapToLong(page -> page.count()).sum();
    }

    /** Both queues empty with nothing in flight, three readings in a row: every delivery has been handled. */
    static void waitUntilQueuesAreIdle() {
        waitUntilQueuesAreIdle(runtime, "IntakeQueue", "NotificationQueue");
    }

    static void waitUntilQueuesAreIdle(LocalRuntimeUnderTest runtime, String... queueLogicalIds) {
        List<String> queues = java.util.Arrays.stream(queueLogicalIds)
                .map(id -> runtime.cloud().resources().queueUrl(id)).toList();
        int[] idleReadings = {0};
        Eventually.await("the queues to drain", LIMIT, () -> {
            boolean idle = queues.stream().allMatch(url -> {
                Map<QueueAttributeName, String> attributes = runtime.cloud().aws().sqs().getQueueAttributes(get -> get
                        .queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
                return attributes.values().stream().allMatch("0"::equals);
            });
            idleReadings[0] = idle ? idleReadings[0] + 1 : 0;
            return idleReadings[0] >= 3 ? Optional.of(true) : Optional.empty();
        });
    }
}

package dev.damagedesk.loadgen;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.damagedesk.adapters.config.AwsClients;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.repository.DynamoDbReportStore;
import dev.damagedesk.adapters.repository.DynamoDbDetectedIncidents;
import dev.damagedesk.adapters.repository.DynamoDbSurgeStates;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.application.port.DetectedIncidents;
import dev.damagedesk.application.port.SurgeStates;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.surge.SurgeState;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What the wave reads besides the API, found through the local runtime's {@code GET /health}: the queues' depths
 * (SQS), the reports and the surge controller's state (DynamoDB, through the functions' own adapters) and the emails
 * sent (the SES emulator's store). Real SDK calls against the emulators, with the clients built once.
 */
public final class LocalDeployment implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final String reportsTable;
    private final String intakeQueue;
    private final String intakeDeadLetters;
    private final String notificationQueue;
    private final URI mailbox;
    private final SurgeStates surge;
    private final DetectedIncidents detected;
    private final Set<String> emailsSeen = new HashSet<>();
    private long emailsPolledSince;

    private LocalDeployment(Map<String, Object> health) {
        Map<String, String> queues = strings(health.get("queues"));
        Map<String, String> tables = strings(health.get("tables"));
        AwsClients clients = new AwsClients(FunctionEnvironment.of(Map.of(
                "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local",
                "AWS_ENDPOINT_URL_DYNAMODB", (String) health.get("dynamodb"),
                "AWS_ENDPOINT_URL_SQS", (String) health.get("sqs"))));
        this.dynamoDb = clients.dynamoDb();
        this.sqs = clients.sqs();
        this.reportsTable = tables.get("ReportsTable");
        this.intakeQueue = queues.get("IntakeQueue");
        this.intakeDeadLetters = queues.get("IntakeDeadLetterQueue");
        this.notificationQueue = queues.get("NotificationQueue");
        this.mailbox = URI.create(String.valueOf(health.get("mailbox")));
        this.surge = new DynamoDbSurgeStates(dynamoDb, reportsTable);
        this.detected = new DynamoDbDetectedIncidents(dynamoDb, reportsTable);
    }

    /** Connects through {@code apiUrl/health}; fails with what to do when no local runtime answers there. */
    public static LocalDeployment discover(URI apiUrl) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(apiUrl + "/health"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(apiUrl + "/health answered " + response.statusCode()
                        + ": the local runtime is not ready yet");
            }
            return new LocalDeployment(JSON.std.mapFrom(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("No local runtime answers at " + apiUrl + "/health (" + e.getMessage()
                    + "): start ./run-local first, or give --url of one");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Messages waiting plus in flight in the intake queue: accepted reports not yet processed. */
    public long intakeDepth() {
        return depth(intakeQueue);
    }

    public long notificationDepth() {
        return depth(notificationQueue);
    }

    public long intakeDeadLetters() {
        return intakeDeadLetters == null ? 0 : depth(intakeDeadLetters);
    }

    private long depth(String queueUrl) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(get -> get.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"))
                + Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
    }

    /**
     * How far a poll reaches back before the previous one. One second missed 1 mail of 2,000 on a loaded CI machine
     * (the notifier's EmailsSent metrics said 2,000).
     */
    static final long STORE_LAG_SECONDS = 5;

    /** Marks where email counting starts (the mailbox may hold mail from before the wave). */
    public synchronized void startCountingEmails(Instant from) {
        emailsPolledSince = from.getEpochSecond();
    }

    /**
     * Emails the SES emulator accepted since counting started. It answers {@code /store?since=<epoch second>}: each poll
     * asks from {@value #STORE_LAG_SECONDS} seconds before the last one and counts every message id once, so that a mail
     * stamped a few seconds before it shows in the store (a loaded machine) is still counted.
     */
    public synchronized long emailsSent() {
        long pollFrom = emailsPolledSince;
        long now = Instant.now().getEpochSecond();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(mailbox.resolve("/store?since=" + pollFrom))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                Object emails = JSON.std.mapFrom(response.body()).get("emails");
                if (emails instanceof List<?> list) {
                    for (Object email : list) {
                        if (email instanceof Map<?, ?> sent && sent.get("messageId") != null) {
                            emailsSeen.add(String.valueOf(sent.get("messageId")));
                        }
                    }
                }
                emailsPolledSince = Math.max(pollFrom, now - STORE_LAG_SECONDS);
            }
        } catch (IOException e) {
            // the count stays where it was; the next poll reads the same seconds again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return emailsSeen.size();
    }

    public Optional<SurgeState> surgeNow() {
        return surge.current();
    }

    public SurgeStates surgeStates() {
        return surge;
    }

    /** The incidents the surge controller's detection drafted, newest first. */
    public DetectedIncidents detectedIncidents() {
        return detected;
    }

    /**
     * The accepted reports found in the table with the token hash their 202 promised; ids in chunks of 100
     * (BatchGetItem's limit, through the store the staff side reads with).
     */
    public StorageCheck.Found find(List<WaveTally.Accepted> accepted) {
        DynamoDbReportStore store = DynamoDbReportStore.readOnly(dynamoDb, reportsTable);
        Map<String, String> promised = new HashMap<>();
        accepted.forEach(report -> promised.put(report.reportId(), report.tokenHash()));
        long found = 0;
        long tokenMismatches = 0;
        List<String> ids = new ArrayList<>(promised.keySet());
        for (int from = 0; from < ids.size(); from += 1000) {
            List<ReportId> chunk = ids.subList(from, Math.min(ids.size(), from + 1000)).stream().map(id -> ReportId.parse(id).orElseThrow(() -> new IllegalStateException("A 202 named no report id: " + id))).toList();
            for (StoredReport stored : store.findAll(chunk)) {
                if (stored.report().tokenHash().equals(promised.get(stored.report().id().value()))) {
                    found++;
                } else {
                    tokenMismatches++;
                }
            }
        }
        return new StorageCheck.Found(found, tokenMismatches);
    }

    /** Report items of the incident received at or after {@code since}: one per report, if none was stored twice. */
    public long reportsReceivedSince(Instant since) {
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamoDb.scan(scan -> scan.tableName(reportsTable).select(Select.COUNT)
                    .filterExpression("sk = :report AND receivedAt >= :since")
                    .expressionAttributeValues(Map.of(":report", AttributeValue.fromS("REPORT"),
                            ":since", AttributeValue.fromS(since.toString())))
                    .exclusiveStartKey(from));
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> strings(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }

    @Override
    public void close() {
        dynamoDb.close();
        sqs.close();
    }
}

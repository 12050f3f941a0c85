package dev.damagedesk.localruntime.e2e;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.damagedesk.localaws.mailbox.LocalMailbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * One run of the fault suite: {@code reports} reports posted by {@code clients} mobile apps, each report its own reporter
 * (a unique email address), each retried with its own {@code Idempotency-Key} on a 429, a 5xx or a broken connection
 * until it is answered {@code 202}, as the app does; then, once the queues are empty, what became of every accepted one:
 * stored once, scored, acknowledged by exactly one email.
 */
final class FaultRun {

    /** The most a report is retried before the app gives up (the suite expects none to). */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

    /** What a run ended with; {@link #lost} and the duplicates must be 0. */
    record Outcome(String scenario, int reports, int accepted, long retries, Map<Integer, Long> retriedStatuses,
                   long transportErrors, int givenUp, int stored, int lost, int storedTwice, int unscored,
                   int acknowledged, int unacknowledged, int emailedTwice, long deadLetters, Map<String, Long> struck) {

        String tableRow(String whatHappened) {
            return "| " + scenario + " | " + whatHappened + " | " + String.format("%,d", accepted) + " | "
                    + String.format("%,d", retries) + " | " + lost + " | " + storedTwice + " | " + emailedTwice + " |";
        }
    }

    private final URI api;
    private final String runId;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Integer, String> acceptedIds = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> retriedStatuses = new ConcurrentHashMap<>();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong transportErrors = new AtomicLong();
    private final AtomicInteger givenUp = new AtomicInteger();

    FaultRun(URI api, String runId) {
        this.api = api;
        this.runId = runId;
    }

    static String emailOf(String runId, int index) {
        return "fault-" + runId + "-" + index + "@example.com";
    }

    /** Posts every report; returns when each is accepted or given up. */
    void post(int reports, int clients) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        for (int client = 0; client < clients; client++) {
            pool.submit(() -> {
                int index;
                while ((index = next.getAndIncrement()) < reports) {
                    submitUntilAccepted(index);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(15, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            throw new AssertionError("The clients did not finish within 15 minutes");
        }
    }

    private void submitUntilAccepted(int index) {
        String body = PublicApiClient.validReport(emailOf(runId, index));
        HttpRequest request = HttpRequest.newBuilder(api.resolve("/v1/reports")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "fault-" + runId + "-" + index)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        Instant giveUpAt = Instant.now().plus(GIVE_UP_AFTER);
        for (int attempt = 0; Instant.now().isBefore(giveUpAt); attempt++) {
            if (attempt > 0) {
                retries.incrementAndGet();
            }
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException broken) {
                transportErrors.incrementAndGet();
                pause(Duration.ofSeconds(1));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            int status = response.statusCode();
            if (status == 202) {
                acceptedIds.put(index, String.valueOf(json(response.body()).get("reportId")));
                return;
            }
            if (status != 429 && status < 500) {
                throw new AssertionError("Report " + index + " was refused with " + status + ": " + response.body());
            }
            retriedStatuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            long seconds = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
            pause(Duration.ofMillis(Math.min(5, Math.max(0, seconds)) * 1000 + (index % 250)));
        }
        givenUp.incrementAndGet();
    }

    /**
     * What became of the run's reports, read straight from the table and the mailbox.
     *
     * @param since when the run started: the emails and report items from before are not its own
     */
    Outcome outcome(String scenario, int reports, DynamoDbClient dynamoDb, String table, LocalMailbox mailbox,
                    Instant since, long deadLetters, Map<String, Long> struck) {
        Map<String, List<Map<String, AttributeValue>>> itemsByEmail = reportItemsSince(dynamoDb, table, since);
        Map<String, Long> emails = mailbox.all().stream().flatMap(email -> email.to().stream())
                .filter(to -> to.startsWith("fault-" + runId + "-"))
                .collect(Collectors.groupingBy(to -> to, Collectors.counting()));
        int stored = 0;
        int lost = 0;
        int storedTwice = 0;
        int unscored = 0;
        int acknowledged = 0;
        int unacknowledged = 0;
        int emailedTwice = 0;
        for (Map.Entry<Integer, String> accepted : acceptedIds.entrySet()) {
            String email = emailOf(runId, accepted.getKey());
            List<Map<String, AttributeValue>> items = itemsByEmail.getOrDefault(email, List.of());
            Set<String> ids = items.stream().map(item -> item.get("reportId").s()).collect(Collectors.toSet());
            if (!ids.contains(accepted.getValue())) {
                lost++;
            } else {
                stored++;
            }
            if (items.size() > 1) {
                storedTwice++;
            }
            if (items.stream().anyMatch(item -> !item.containsKey("decision") || "RECEIVED".equals(item.get("status").s()))) {
                unscored++;
            }
            long sent = emails.getOrDefault(email, 0L);
            if (sent == 0) {
                unacknowledged++;
            } else {
                acknowledged++;
            }
            if (sent > 1) {
                emailedTwice++;
            }
        }
        Map<Integer, Long> statuses = new HashMap<>();
        retriedStatuses.forEach((status, count) -> statuses.put(status, count.get()));
        return new Outcome(scenario, reports, acceptedIds.size(), retries.get(), statuses, transportErrors.get(),
                givenUp.get(), stored, lost, storedTwice, unscored, acknowledged, unacknowledged, emailedTwice,
                deadLetters, struck);
    }

    /**
     * Waits for the queues to empty and the outcome to show every accepted report stored and acknowledged. The wait
     * goes on while the queues still get shorter (a slowed table drains slowly, not never), and ends {@code limit} after
     * they last did; the outcome is then whatever it is.
     *
     * @param queueDepth the messages left in the queues that carry the run's reports
     * @param outcome    what became of the run's reports, read from the table and the mailbox
     */
    static Outcome settle(java.util.function.LongSupplier queueDepth, java.util.function.Supplier<Outcome> outcome,
                          Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        long shortest = Long.MAX_VALUE;
        while (true) {
            long depth = queueDepth.getAsLong();
            if (depth < shortest) {
                shortest = depth;
                deadline = Instant.now().plus(limit);
            }
            boolean late = Instant.now().isAfter(deadline);
            if (depth == 0 || late) {
                Outcome now = outcome.get();
                if (now.lost() == 0 && now.unacknowledged() == 0 || late) {
                    return now;
                }
            }
            pause(Duration.ofSeconds(2));
        }
    }

    /** Messages waiting plus in flight in a queue. */
    static long queueDepth(SqsClient sqs, String queueUrl) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(get -> get
                .queueUrl(queueUrl).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    int accepted() {
        return acceptedIds.size();
    }

    Set<String> acceptedEmails() {
        return acceptedIds.keySet().stream().map(index -> emailOf(runId, index)).collect(Collectors.toSet());
    }

    /** Report items received since the run began, by reporter email (the run's own addresses only). */
    private Map<String, List<Map<String, AttributeValue>>> reportItemsSince(DynamoDbClient dynamoDb, String table,
                                                                             Instant since) {
        Map<String, List<Map<String, AttributeValue>>> byEmail = new HashMap<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamoDb.scan(scan -> scan.tableName(table).consistentRead(true)
                    .filterExpression("sk = :report AND receivedAt >= :since AND begins_with(reporterEmail, :run)")
                    .projectionExpression("reportId, reporterEmail, #status, decision")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":report", AttributeValue.fromS("REPORT"),
                            ":since", AttributeValue.fromS(since.minusSeconds(5).toString()),
                            ":run", AttributeValue.fromS("fault-" + runId + "-")))
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) {
                byEmail.computeIfAbsent(item.get("reporterEmail").s(), email -> new ArrayList<>()).add(item);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return byEmail;
    }

    private static Map<String, Object> json(String body) {
        try {
            return JSON.std.mapFrom(body);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

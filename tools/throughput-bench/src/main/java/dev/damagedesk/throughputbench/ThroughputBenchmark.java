package dev.damagedesk.throughputbench;

import dev.damagedesk.adapters.json.Json;
import dev.damagedesk.adapters.message.ReportSubmittedMessage;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.localaws.RepositoryRoot;
import dev.damagedesk.localruntime.LocalRuntime;
import dev.damagedesk.localruntime.RunningRuntime;
import dev.damagedesk.localruntime.RuntimeOptions;
import dev.damagedesk.localruntime.poller.SqsEventSourcePoller;
import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code ./bench-throughput [--reports N] [--clients C] [--parameter-overrides K=V,...]}: the local runtime as
 * {@code ./run-local} starts it (every function instance its own JVM from its deployment artifact), then, in this
 * order and with C concurrent callers each:
 * <ol>
 *   <li>a warm-up: 4 x C reports through the API, drained by the processor, so that every intake and processor
 *       container has started (cold starts are ./bench-coldstart's subject, not this one's);</li>
 *   <li>raw SQS: N {@code SendMessage} calls to a scratch queue on the same ElasticMQ, bodies of an intake message's
 *       size;</li>
 *   <li>intake: N distinct valid reports {@code POST /v1/reports} (java.net.http, one client), the processor's event
 *       source stopped, so the intake queue fills up;</li>
 *   <li>raw DynamoDB: N conditional {@code PutItem} calls (as a report's first write is) of a stored report's item,
 *       new keys, to a scratch table defined as the Reports table (same indexes) on the same dynalite;</li>
 *   <li>drain: the processor's event source started again (its containers warm), timed from then until the intake
 *       queue is empty (every message deleted: stored, triaged, acknowledgement queued).</li>
 * </ol>
 * Then every accepted report id is looked up in the Reports table (lost), the table's reports are counted (doubled),
 * the acknowledgements on the notification queue are counted (the notifier's event source is stopped for the run, so
 * none is sent) and the intake dead-letter queue is checked. Prints the four rates and the two ratios.
 */
public final class ThroughputBenchmark {

    static final String INTAKE_TARGET = "0.8";
    static final String DRAIN_TARGET = "0.5";
    private static final List<String> SERVICES = List.of("messenger", "payment", "taxi", "navigation", "webtoon",
            "music", "mobile-games", "pc-games", "mail", "portal-mail");

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        RuntimeOptions runtimeOptions = RuntimeOptions.defaults().withRepositoryRoot(RepositoryRoot.find()).withPort(0)
                .withFunctionHosting(RuntimeOptions.FunctionHosting.PROCESSES)
                .withParameterOverrides(options.parameterOverrides());
        System.out.printf("Starting the local runtime (functions as processes, overrides %s)...%n", options.parameterOverrides());
        // The functions' log lines (what CloudWatch Logs would get) go to a file, not between the figures.
        Path functionLog = Path.of("tools/throughput-bench/target/functions.log");
        Files.createDirectories(functionLog.getParent());
        PrintStream console = System.out;
        System.setOut(new PrintStream(new BufferedOutputStream(Files.newOutputStream(functionLog)), false, StandardCharsets.UTF_8));
        console.printf("The functions' log lines: %s%n", functionLog);
        try (RunningRuntime runtime = LocalRuntime.start(runtimeOptions)) {
            new ThroughputBenchmark(runtime, options, console).run();
        } finally {
            System.out.flush();
        }
        // the emulators' and pollers' threads are stopped by close(); System.exit ends any non-daemon leftovers
        System.exit(0);
    }

    private final RunningRuntime runtime;
    private final BenchOptions options;
    private final PrintStream out;
    private final SqsClient sqs;
    private final DynamoDbClient dynamoDb;
    private final String reportsTable;
    private final String intakeQueue;
    private final String notificationQueue;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicInteger reportSequence = new AtomicInteger();
    private final long runTag = System.currentTimeMillis();

    ThroughputBenchmark(RunningRuntime runtime, BenchOptions options, PrintStream out) {
        this.out = out;
        this.runtime = runtime;
        this.options = options;
        this.sqs = runtime.cloud().aws().sqs();
        this.dynamoDb = runtime.cloud().aws().dynamoDb();
        this.reportsTable = runtime.cloud().resources().tableName("ReportsTable");
        this.intakeQueue = runtime.cloud().resources().queueUrl("IntakeQueue");
        this.notificationQueue = runtime.cloud().resources().queueUrl("NotificationQueue");
    }

    void run() throws Exception {
        int n = options.reports();
        int clients = options.clients();
        SqsEventSourcePoller processor = poller("IntakeQueue");
        SqsEventSourcePoller notifier = poller("NotificationQueue");
        stop(notifier); // acknowledgements are counted on the queue, not sent: SES is not what is measured here

        out.printf("Warm-up: %d reports through the API, drained...%n", 4 * clients);
        List<String> warmUp = postReports(4 * clients, clients).accepted();
        awaitEmpty(intakeQueue, Duration.ofMinutes(5));
        stop(processor);
        Map<String, AttributeValue> storedItem = dynamoDb.getItem(get -> get.tableName(reportsTable)
                .key(reportKey(warmUp.get(0))).consistentRead(true)).item();
        if (storedItem == null || storedItem.isEmpty()) {
            throw new IllegalStateException("The warm-up report " + warmUp.get(0) + " was not stored");
        }
        String messageBody = sampleMessage();
        long ackBefore = depth(notificationQueue);

        out.printf("Raw SQS SendMessage: %d messages of %d bytes, %d callers...%n", n, messageBody.length(), clients);
        String scratchQueue = sqs.createQueue(create -> create.queueName("throughput-bench-" + runTag)).queueUrl();
        double rawSend = rate(n, clients, i -> sqs.sendMessage(send -> send.queueUrl(scratchQueue).messageBody(messageBody)));

        out.printf("Intake: %d reports through POST /v1/reports, %d clients (processor stopped)...%n", n, clients);
        long intakeStart = System.nanoTime();
        Posted posted = postReports(n, clients);
        double intake = posted.accepted().size() / seconds(intakeStart);

        out.printf("Raw DynamoDB PutItem: %d conditional puts of a stored report's item (%d bytes), %d callers...%n",
                n, itemSize(storedItem), clients);
        String scratchTable = createScratchTable();
        double rawPut = rate(n, clients, i -> {
            Map<String, AttributeValue> item = new HashMap<>(storedItem);
            item.put("pk", AttributeValue.fromS("BENCH#" + runTag + "#" + i));
            dynamoDb.putItem(put -> put.tableName(scratchTable).item(item).conditionExpression("attribute_not_exists(pk)"));
        });

        out.printf("Drain: the processor's event source started on %d queued reports...%n", depth(intakeQueue));
        long drainStart = System.nanoTime();
        processor.start();
        awaitEmpty(intakeQueue, Duration.ofMinutes(30));
        double drain = posted.accepted().size() / seconds(drainStart);

        Verification check = verify(posted.accepted(), warmUp.size(), ackBefore);
        out.println();
        out.printf("Throughput, %d reports, %d concurrent clients, one run on the same emulators%n", n, clients);
        out.printf("  raw SQS SendMessage        %8.1f /s%n", rawSend);
        out.printf("  intake (202 through API)   %8.1f /s   %.2fx raw SendMessage  (target >= %s)%n",
                intake, intake / rawSend, INTAKE_TARGET);
        out.printf("  raw DynamoDB PutItem       %8.1f /s%n", rawPut);
        out.printf("  drain (processor)          %8.1f /s   %.2fx raw PutItem      (target >= %s)%n",
                drain, drain / rawPut, DRAIN_TARGET);
        out.printf("  accepted %d of %d (refused: %s); lost %d, doubled %d; acknowledgements queued %d;"
                        + " intake dead-letter queue %d%n", posted.accepted().size(), n, posted.refusedByStatus(),
                check.lost(), check.doubled(), check.acknowledgements(), check.deadLetters());
        if (check.lost() != 0 || check.doubled() != 0 || check.deadLetters() != 0 || posted.accepted().size() != n) {
            out.println("FAILED: every report must be accepted and stored exactly once");
            System.exit(1);
        }
    }

    /** What the API answered: the accepted reports' ids, the other answers counted by status code. */
    record Posted(List<String> accepted, Map<Integer, Integer> refusedByStatus) {
    }

    record Verification(long lost, long doubled, long acknowledgements, long deadLetters) {
    }

    private Posted postReports(int count, int clients) throws Exception {
        URI submit = runtime.apiBaseUri().resolve("/v1/reports");
        List<String> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> refused = new ConcurrentHashMap<>();
        rate(count, clients, i -> {
            HttpRequest request = HttpRequest.newBuilder(submit).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(reportBody(reportSequence.incrementAndGet()))).build();
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 202) {
                    accepted.add(String.valueOf(Json.parseObject(answer.body()).get("reportId")));
                } else {
                    refused.merge(answer.statusCode(), 1, Integer::sum);
                }
            } catch (java.io.IOException e) {
                refused.merge(-1, 1, Integer::sum);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        return new Posted(List.copyOf(accepted), new LinkedHashMap<>(refused));
    }

    /** A valid report from a reporter of its own (distinct email and phone): no duplicates, as in a wave's first hours. */
    private String reportBody(int sequence) {
        String service = SERVICES.get(sequence % SERVICES.size());
        return "{\"reporter\":{\"name\":\"Bench " + sequence + "\",\"email\":\"bench-" + runTag + "-" + sequence
                + "@example.com\",\"phone\":\"010-" + String.format("%04d-%04d", (sequence / 10_000) % 10_000, sequence % 10_000)
                + "\"},\"locale\":\"" + (sequence % 3 == 0 ? "en" : "ko") + "\",\"service\":\"" + service
                + "\",\"category\":\"paid-subscription\",\"occurredFrom\":\"2022-10-15T15:30:00+09:00\","
                + "\"occurredTo\":\"2022-10-16T15:00:00+09:00\",\"amountClaimedKrw\":" + (1000 + sequence % 50_000)
                + ",\"description\":\"The " + service + " subscription was unusable during the outage.\","
                + "\"privacyConsent\":true}";
    }

    /** An intake message as the intake writes it, for a report as the benchmark posts it. */
    private String sampleMessage() {
        Map<String, Object> submission = Json.parseObject(reportBody(999_999));
        return new ReportSubmittedMessage(ReportId.newId(Instant.now(), new Random(1)), Instant.now(), "2022-10-15",
                "0".repeat(64), submission).toJson();
    }

    /** Runs {@code call} for 0..count-1 on {@code callers} threads; returns calls per second. */
    private static double rate(int count, int callers, IntConsumer call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        call.accept(i);
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return count / seconds(start);
    }

    private String createScratchTable() {
        TableDescription reports = dynamoDb.describeTable(describe -> describe.tableName(reportsTable)).table();
        String name = "ThroughputBench" + runTag;
        List<GlobalSecondaryIndex> indexes = reports.globalSecondaryIndexes() == null ? List.of()
                : reports.globalSecondaryIndexes().stream().map(index -> GlobalSecondaryIndex.builder()
                .indexName(index.indexName()).keySchema(index.keySchema()).projection(index.projection()).build()).toList();
        dynamoDb.createTable(create -> {
            create.tableName(name).attributeDefinitions(reports.attributeDefinitions()).keySchema(reports.keySchema())
                    .billingMode(BillingMode.PAY_PER_REQUEST);
            if (!indexes.isEmpty()) {
                create.globalSecondaryIndexes(indexes);
            }
        });
        dynamoDb.waiter().waitUntilTableExists(wait -> wait.tableName(name));
        return name;
    }

    private Verification verify(List<String> accepted, int warmUpReports, long acknowledgementsBefore) {
        Set<String> found = ConcurrentHashMap.newKeySet();
        for (int from = 0; from < accepted.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = accepted.subList(from, Math.min(accepted.size(), from + 100)).stream()
                    .map(ThroughputBenchmark::reportKey).toList();
            Map<String, KeysAndAttributes> request = Map.of(reportsTable, KeysAndAttributes.builder().keys(keys)
                    .consistentRead(true).projectionExpression("pk").build());
            while (request != null && !request.isEmpty()) {
                Map<String, KeysAndAttributes> asked = request;
                var answer = dynamoDb.batchGetItem(get -> get.requestItems(asked));
                answer.responses().getOrDefault(reportsTable, List.of())
                        .forEach(item -> found.add(item.get("pk").s().substring("REPORT#".length())));
                request = answer.unprocessedKeys();
            }
        }
        long lost = accepted.stream().filter(id -> !found.contains(id)).count();
        long storedReports = countReports();
        long doubled = Math.max(0, storedReports - accepted.size() - warmUpReports);
        long acknowledgements = depth(notificationQueue) - acknowledgementsBefore;
        String deadLetters = runtime.cloud().template().queues().stream()
                .filter(queue -> queue.logicalId().equals("IntakeDeadLetterQueue")).findFirst()
                .map(queue -> runtime.cloud().resources().queueUrl(queue.logicalId())).orElse(null);
        return new Verification(lost, doubled, acknowledgements, deadLetters == null ? 0 : depth(deadLetters));
    }

    /** Report items (sort key REPORT) in the Reports table, counted by a parallel Scan. */
    private long countReports() {
        long total = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = dynamoDb.scan(scan -> scan.tableName(reportsTable).select(Select.COUNT)
                    .filterExpression("sk = :report").expressionAttributeValues(Map.of(":report", AttributeValue.fromS("REPORT")))
                    .exclusiveStartKey(from));
            total += page.count();
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return total;
    }

    private static Map<String, AttributeValue> reportKey(String reportId) {
        return Map.of("pk", AttributeValue.fromS("REPORT#" + reportId), "sk", AttributeValue.fromS("REPORT"));
    }

    private static int itemSize(Map<String, AttributeValue> item) {
        return item.toString().length(); // an estimate: names and values as text
    }

    private long depth(String queueUrl) {
        var attributes = sqs.getQueueAttributes(get -> get.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private void awaitEmpty(String queueUrl, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (depth(queueUrl) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The queue " + queueUrl + " still holds " + depth(queueUrl) + " messages after " + limit);
            }
            Thread.sleep(20);
        }
    }

    private SqsEventSourcePoller poller(String queueLogicalId) {
        return runtime.pollers().stream().filter(poller -> poller.source().queueLogicalId().equals(queueLogicalId))
                .findFirst().orElseThrow(() -> new IllegalStateException("No event source polls " + queueLogicalId));
    }

    private static void stop(SqsEventSourcePoller poller) {
        poller.requestStop();
        poller.close();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}

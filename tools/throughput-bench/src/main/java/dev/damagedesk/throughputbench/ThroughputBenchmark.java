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
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 *   <li>a warm-up: reports through the API at 1, 2, 4... then C concurrent clients, drained by the processor, so
 *       that every intake and processor container has started (cold starts are ./bench-coldstart's subject);</li>
 *   <li>raw SQS: N {@code SendMessage} calls to a scratch queue on the same ElasticMQ, bodies of an intake message's
 *       size, half right before the intake phase and half right after it;</li>
 *   <li>intake: N distinct valid reports {@code POST /v1/reports} (one HttpURLConnection per caller, kept alive as the SDK's UrlConnection client keeps its own), the processor's event
 *       source stopped, so the intake queue fills up;</li>
 *   <li>raw DynamoDB: N conditional {@code PutItem} calls (as a report's first write is) of a stored report's item,
 *       new keys, to a scratch table defined as the Reports table (same indexes) on the same dynalite, half right
 *       before the drain and half right after it;</li>
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
        // HttpURLConnection keeps 5 idle connections per host by default: one per caller, so that neither the
        // reports posted nor the raw SDK calls (its UrlConnection client) open a connection per call
        System.setProperty("http.maxConnections", String.valueOf(Math.max(5, options.clients())));
        RuntimeOptions runtimeOptions = RuntimeOptions.defaults().withRepositoryRoot(RepositoryRoot.find()).withPort(0)
                .withFunctionHosting(options.hosting())
                .withParameterOverrides(options.parameterOverrides());
        System.out.printf("Starting the local runtime (functions %s, overrides %s)...%n",
                options.hosting() == RuntimeOptions.FunctionHosting.PROCESSES ? "as processes" : "in-process",
                options.parameterOverrides());
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
    private final AtomicInteger reportSequence = new AtomicInteger();
    private final CpuAccounting cpu = new CpuAccounting();
    /** CPU seconds by component that each measured phase used, both halves of a raw phase summed. */
    private final Map<Phase, Map<String, Double>> spent = new java.util.EnumMap<>(Phase.class);

    /** The measured phases, in the order of the CPU table's columns. */
    enum Phase {
        RAW_SEND("raw Send"), INTAKE("intake"), RAW_PUT("raw Put"), DRAIN("drain");

        final String heading;

        Phase(String heading) {
            this.heading = heading;
        }
    }
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
        this.callerThreads = Executors.newFixedThreadPool(options.clients(), runnable -> {
            Thread thread = new Thread(runnable, "bench-caller");
            thread.setDaemon(true);
            return thread;
        });
    }

    void run() throws Exception {
        int n = options.reports();
        int clients = options.clients();
        SqsEventSourcePoller processor = poller("IntakeQueue");
        SqsEventSourcePoller notifier = poller("NotificationQueue");
        stop(notifier); // acknowledgements are counted on the queue, not sent: SES is not what is measured here

        // Concurrency doubled step by step, so that containers start a few at a time (a burst of JVM starts on a
        // busy machine can outlast Lambda's 10 s init limit), then every container until the JIT compilers have done
        // most of their work: the rates compared are a warm wave's, as Lambda's containers are after its first minutes.
        List<String> warmUp = new ArrayList<>();
        for (int step = 1; step < clients; step *= 2) {
            warmUp.addAll(postReports(step, step).accepted());
        }
        warmUp.addAll(postReports(Math.max(options.warmUp(), clients), clients).accepted());
        out.printf("Warm-up: %d reports accepted through the API, drained...%n", warmUp.size());
        awaitEmpty(intakeQueue, Duration.ofMinutes(10));
        stop(processor);
        Map<String, AttributeValue> storedItem = dynamoDb.getItem(get -> get.tableName(reportsTable)
                .key(reportKey(warmUp.get(0))).consistentRead(true)).item();
        if (storedItem == null || storedItem.isEmpty()) {
            throw new IllegalStateException("The warm-up report " + warmUp.get(0) + " was not stored");
        }
        String messageBody = sampleMessage();
        String scratchQueue = sqs.createQueue(create -> create.queueName("throughput-bench-" + runTag)).queueUrl();
        IntConsumer send = i -> sqs.sendMessage(request -> request.queueUrl(scratchQueue).messageBody(messageBody));
        String scratchTable = createScratchTable();
        IntConsumer put = i -> {
            Map<String, AttributeValue> item = new HashMap<>(storedItem);
            item.put("pk", AttributeValue.fromS("BENCH#" + runTag + "#" + i));
            dynamoDb.putItem(request -> request.tableName(scratchTable).item(item).conditionExpression("attribute_not_exists(pk)"));
        };
        // the raw callers' code warmed as much as the functions' (one warm-up call per reported call)
        timed(options.warmUp(), clients, send);
        timed(options.warmUp(), clients, i -> put.accept(-1 - i));
        long ackBefore = depth(notificationQueue);

        // Each raw rate is measured in two halves, right before and right after the phase it is compared with, so
        // that both see the same background load (the machine is shared).
        out.printf("Raw SQS SendMessage: %d messages of %d bytes, %d callers, half before and half after the intake...%n",
                n, messageBody.length(), clients);
        Timed rawSendBefore = timed(n / 2, clients, send, Phase.RAW_SEND);

        out.printf("Intake: %d reports through POST /v1/reports, %d clients (processor stopped)...%n", n, clients);
        Map<String, Double> intakeCpuBefore = cpu.snapshot();
        long intakeStart = System.nanoTime();
        Posted posted = postReports(n, clients);
        double intake = posted.accepted().size() / seconds(intakeStart);
        spent.put(Phase.INTAKE, CpuAccounting.minus(cpu.snapshot(), intakeCpuBefore));
        double rawSend = rawSendBefore.plus(timed(n - n / 2, clients, send, Phase.RAW_SEND)).rate();

        out.printf("Raw DynamoDB PutItem: %d conditional puts of a stored report's item (%d bytes), %d callers, half before"
                + " and half after the drain...%n", n, itemSize(storedItem), clients);
        Timed rawPutBefore = timed(n / 2, clients, put, Phase.RAW_PUT);

        out.printf("Drain: the processor's event source started on %d queued reports...%n", depth(intakeQueue));
        Map<String, Double> drainCpuBefore = cpu.snapshot();
        long drainStart = System.nanoTime();
        processor.start();
        awaitEmpty(intakeQueue, Duration.ofMinutes(30));
        double drain = posted.accepted().size() / seconds(drainStart);
        spent.put(Phase.DRAIN, CpuAccounting.minus(cpu.snapshot(), drainCpuBefore));
        double rawPut = rawPutBefore.plus(timed(n - n / 2, clients, i -> put.accept(n + i), Phase.RAW_PUT)).rate();

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
        printCpu(n);
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
        URL submit = runtime.apiBaseUri().resolve("/v1/reports").toURL();
        List<String> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> refused = new ConcurrentHashMap<>();
        timed(count, clients, i -> {
            byte[] body = reportBody(reportSequence.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
            try {
                HttpURLConnection call = (HttpURLConnection) submit.openConnection();
                call.setConnectTimeout(10_000);
                call.setReadTimeout(60_000);
                call.setRequestMethod("POST");
                call.setDoOutput(true);
                call.setFixedLengthStreamingMode(body.length);
                call.setRequestProperty("Content-Type", "application/json");
                try (OutputStream request = call.getOutputStream()) {
                    request.write(body);
                }
                int status = call.getResponseCode();
                // read to the end either way, so that the connection goes back to the keep-alive cache
                try (InputStream answer = status >= 400 ? call.getErrorStream() : call.getInputStream()) {
                    String text = answer == null ? "" : new String(answer.readAllBytes(), StandardCharsets.UTF_8);
                    if (status == 202) {
                        accepted.add(String.valueOf(Json.parseObject(text).get("reportId")));
                    } else {
                        refused.merge(status, 1, Integer::sum);
                    }
                }
            } catch (IOException e) {
                refused.merge(-1, 1, Integer::sum);
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

    /** Calls made and the time they took. */
    record Timed(int calls, double seconds) {
        Timed plus(Timed other) {
            return new Timed(calls + other.calls, seconds + other.seconds);
        }

        double rate() {
            return calls / seconds;
        }
    }

    /** {@link #timed(int, int, IntConsumer)}, with the CPU it used added to the phase's. */
    private Timed timed(int count, int callers, IntConsumer call, Phase phase) throws Exception {
        Map<String, Double> before = cpu.snapshot();
        Timed timed = timed(count, callers, call);
        spent.merge(phase, CpuAccounting.minus(cpu.snapshot(), before), CpuAccounting::plus);
        return timed;
    }

    /**
     * Milliseconds of CPU per call (per report for the intake and the drain) by component, each phase's calls being
     * {@code n}: what a call costs on this machine beyond the emulator's own share.
     */
    private void printCpu(int n) {
        if (spent.values().stream().allMatch(Map::isEmpty)) {
            return; // no /proc here
        }
        out.println();
        out.printf("CPU per call, ms (2 cores give %.0f ms of CPU per second), by where it was spent:%n",
                1000.0 * Runtime.getRuntime().availableProcessors());
        StringBuilder heading = new StringBuilder(String.format("  %-42s", ""));
        for (Phase phase : Phase.values()) {
            heading.append(String.format(" %9s", phase.heading));
        }
        out.println(heading);
        for (String component : CpuAccounting.COMPONENTS) {
            StringBuilder row = new StringBuilder(String.format("  %-42s", component));
            for (Phase phase : Phase.values()) {
                row.append(String.format(" %9.2f", 1000 * spent.getOrDefault(phase, Map.of()).getOrDefault(component, 0.0) / n));
            }
            out.println(row);
        }
        StringBuilder total = new StringBuilder(String.format("  %-42s", "total"));
        for (Phase phase : Phase.values()) {
            double seconds = spent.getOrDefault(phase, Map.of()).values().stream().mapToDouble(Double::doubleValue).sum();
            total.append(String.format(" %9.2f", 1000 * seconds / n));
        }
        out.println(total);
    }

    /**
     * The benchmark's calling threads, started once for the run: a thread that ended would take its CPU time out of
     * {@code /proc} before the phase's second snapshot.
     */
    private final ExecutorService callerThreads;

    /** Runs {@code call} for 0..count-1 on {@code callers} of the caller threads. */
    private Timed timed(int count, int callers, IntConsumer call) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            workers.add(callerThreads.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    call.accept(i);
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        return new Timed(count, seconds(start));
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
            Thread.sleep(100); // each depth read makes ElasticMQ count the queue: not too often
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

package dev.damagedesk.staffbench;

import dev.damagedesk.adapters.json.Json;
import dev.damagedesk.adapters.json.ReportViews;
import dev.damagedesk.adapters.repository.DynamoDbAuditTrail;
import dev.damagedesk.adapters.repository.DynamoDbReportStore;
import dev.damagedesk.adapters.repository.DynamoDbStaffJobs;
import dev.damagedesk.application.memory.InMemoryExportFiles;
import dev.damagedesk.application.memory.InMemoryStaffJobQueue;
import dev.damagedesk.application.port.QueuePage;
import dev.damagedesk.application.port.QueueQuery;
import dev.damagedesk.application.port.ReportStore;
import dev.damagedesk.application.staff.ExportJobs;
import dev.damagedesk.application.staff.JobPage;
import dev.damagedesk.application.staff.ReportFilter;
import dev.damagedesk.application.staff.StaffJob;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.audit.AuditChain;
import dev.damagedesk.domain.audit.AuditState;
import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.report.Reporter;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.scoring.Outcome;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffRole;
import dev.damagedesk.domain.triage.TriageReason;
import dev.damagedesk.domain.triage.TriageResult;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.RepositoryRoot;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ./bench-staff [--reports N] [--pages N]}: starts the local emulators (dynalite, ElasticMQ, in memory),
 * stores N reports (default 100,000) in NEEDS_REVIEW through the real DynamoDB report store, then measures
 * <ol>
 *   <li>the queue page's answer time: {@code --pages} (default 300) pages of 25 as the admin route computes them
 *       (StaffQueue page, ReportViews summaries, JSON), a third first pages oldest first, a third following pages by
 *       cursor, a third first pages by priority, each with and without a service filter; p50/p95/max;</li>
 *   <li>the time to export all N reports: ExportJobs from the job's start to DONE, page by page (5 MiB parts),
 *       the job's progress in the real table; then the CSV is parsed and its rows counted.</li>
 * </ol>
 * The parts are kept in memory here (the export bucket's emulator is the platform's piece); the reads, the job
 * item writes and the CSV are the real ones.
 */
public final class StaffBenchmark {

    private static final String INCIDENT = "2022-10-15";
    private static final List<String> SERVICES = List.of("messenger", "taxi", "pay", "mail", "music", "webtoon");

    public static void main(String[] args) throws Exception {
        int reports = intOption(args, "--reports", 100_000);
        int pages = intOption(args, "--pages", 300);
        try (LocalCloud cloud = LocalCloud.start(RepositoryRoot.find(), Optional.empty(), Map.of())) {
            DynamoDbClient dynamoDb = cloud.aws().dynamoDb();
            String table = cloud.resources().tableName("ReportsTable");
            ReportStore store = new DynamoDbReportStore(dynamoDb, table,
                    new DynamoDbAuditTrail(dynamoDb, cloud.resources().tableName("AuditTable")));

            long seedStart = System.nanoTime();
            seed(store, reports);
            System.out.printf("stored %,d reports in %.1f s%n", reports, seconds(System.nanoTime() - seedStart));

            queuePages(store, pages);
            export(store, new DynamoDbStaffJobs(dynamoDb, table), reports);
        }
    }

    private static void seed(ReportStore store, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicLong stored = new AtomicLong();
        List<Future<?>> writers = new ArrayList<>();
        for (int writer = 0; writer < 4; writer++) {
            int first = writer;
            writers.add(pool.submit(() -> {
                Random random = new Random(first);
                for (int i = first; i < count; i += 4) {
                    Report report = report(i, random);
                    store.insertIfAbsent(report, AuditChain.first(report.id(), report.receivedAt(),
                            Actor.function("ProcessorFunction"), AuditAction.SCORED, AuditState.of(report), null, null),
                            report.receivedAt().plus(Duration.ofDays(1095)));
                    long done = stored.incrementAndGet();
                    if (done % 10_000 == 0) {
                        System.out.printf("  %,d stored%n", done);
                    }
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();
    }

    private static Report report(int i, Random random) {
        Instant received = Instant.parse("2022-10-15T06:30:00Z").plusSeconds(i * 4L);
        String service = SERVICES.get(i % SERVICES.size());
        long amount = 1_000 + random.nextInt(400_000);
        ReportSubmission submission = new ReportSubmission(
                new Reporter("김민지 " + i, "reporter" + i + "@example.com", "010-" + (1000 + i % 9000) + "-" + (1000 + i % 7919), null),
                Language.KO, service, Category.FAILED_PURCHASE, received.minusSeconds(86_400), received, amount,
                "결제가 실패했는데 돈이 빠져나갔습니다. =SUM(1,2) \"quoted\", 줄\n바꿈", true);
        Decision decision = new Decision(amount > 100_000 ? Outcome.MANUAL_REVIEW : Outcome.PAYMENT,
                "failed-purchase.refund", INCIDENT + "/v1", amount > 100_000 ? 0 : amount, 0,
                "Refund of the purchase.", "구매 금액 환불.");
        return Report.received(ReportId.newId(received, random), INCIDENT, submission, received, "hash")
                .triaged(new TriageResult(ReportStatus.NEEDS_REVIEW, TriageReason.MANUAL_REVIEW, decision, Set.of(), null));
    }

    private static void queuePages(ReportStore store, int pages) {
        List<Long> nanos = new ArrayList<>();
        Instant now = Instant.now();
        String cursor = null;
        for (int i = 0; i < pages; i++) {
            String service = i % 2 == 0 ? null : SERVICES.get(i % SERVICES.size());
            QueueQuery query = switch (i % 3) {
                case 0 -> new QueueQuery(ReportStatus.NEEDS_REVIEW, INCIDENT, null, null, null, null, null, null,
                        QueueQuery.Order.OLDEST, 25, null);
                case 1 -> new QueueQuery(ReportStatus.NEEDS_REVIEW, INCIDENT, null, null, null, null, null, null,
                        QueueQuery.Order.OLDEST, 25, cursor);
                default -> new QueueQuery(ReportStatus.NEEDS_REVIEW, INCIDENT, service, null, null, null, null, null,
                        QueueQuery.Order.PRIORITY, 25, null);
            };
            long start = System.nanoTime();
            QueuePage page = store.queue(query);
            String body = Json.write(Map.of("items", ReportViews.summaries(page.reports(), now), "nextCursor",
                    String.valueOf(page.nextCursor())));
            nanos.add(System.nanoTime() - start);
            if (page.reports().size() != 25 || body.isEmpty()) {
                throw new IllegalStateException("page " + i + " held " + page.reports().size() + " reports");
            }
            if (query.cursor() == null && query.order() == QueueQuery.Order.OLDEST) {
                cursor = page.nextCursor();
            } else if (query.cursor() != null) {
                cursor = page.nextCursor();
            }
        }
        List<Long> measured = nanos.subList(Math.min(20, nanos.size() / 10), nanos.size()); // after warm-up
        long[] sorted = measured.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("queue page (25 of NEEDS_REVIEW, %d pages after %d warm-up): p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                sorted.length, nanos.size() - sorted.length, millis(percentile(sorted, 50)), millis(percentile(sorted, 95)),
                millis(sorted[sorted.length - 1]));
    }

    private static void export(ReportStore store, DynamoDbStaffJobs jobs, int expected) {
        InMemoryStaffJobQueue queue = new InMemoryStaffJobQueue();
        InMemoryExportFiles files = new InMemoryExportFiles();
        ExportJobs exports = new ExportJobs(store, jobs, queue, files, Clock.systemUTC());
        Actor supervisor = Actor.staff("bench", "bench@damagedesk.example", StaffRole.SUPERVISOR);
        String jobId = java.util.UUID.randomUUID().toString();

        long start = System.nanoTime();
        exports.start(jobId, supervisor, new ReportFilter(ReportStatus.NEEDS_REVIEW, INCIDENT, null, null, null, null,
                null, null), true);
        int parts = 0;
        for (Optional<JobPage> page = queue.poll(); page.isPresent(); page = queue.poll()) {
            exports.runPage(page.get());
            parts++;
        }
        long elapsed = System.nanoTime() - start;
        StaffJob job = jobs.find(jobId).orElseThrow();
        byte[] csv = files.object(job.exportKey()).orElseThrow();
        long rows = countRecords(csv) - 1;
        System.out.printf("export of %,d rows (with personal data): %.1f s, %d parts, %.1f MB, job %s, %,d rows parsed, BOM %s%n",
                job.processed(), seconds(elapsed), parts, csv.length / 1e6, job.status(), rows,
                Arrays.equals(Arrays.copyOf(csv, 3), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}));
        if (rows != expected || job.status() != StaffJob.Status.DONE) {
            throw new IllegalStateException("expected " + expected + " rows, got " + rows);
        }
    }

    /** RFC 4180 records: CRLF outside quotes. */
    private static long countRecords(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8);
        long records = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                records++;
            }
        }
        return records;
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static int intOption(String[] args, String name, int orElse) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return orElse;
    }
}

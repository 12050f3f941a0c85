package dev.damagedesk.adapters.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.application.memory.InMemoryReportStore;
import dev.damagedesk.application.port.QueuePage;
import dev.damagedesk.application.port.QueueQuery;
import dev.damagedesk.application.port.StaleReportException;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.audit.AuditChain;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.audit.AuditState;
import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.report.ReporterType;
import dev.damagedesk.domain.risk.RiskFlag;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffRole;
import dev.damagedesk.domain.triage.TriageReason;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.SharedLocalCloud;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The reports table in the DynamoDB emulator: versions, the carried audit entry, the queue, batch reads, legacy items. */
class DynamoDbReportStoreTest {

    private static final Instant START = Instant.parse("2022-10-19T01:00:00Z");
    private static final Actor REVIEWER = Actor.staff("sub-1", "reviewer@damagedesk.example", StaffRole.REVIEWER);

    private final LocalCloud cloud = SharedLocalCloud.get();
    private final String table = cloud.resources().tableName("ReportsTable");
    private final DynamoDbAuditTrail trail = new DynamoDbAuditTrail(cloud.aws().dynamoDb(),
            cloud.resources().tableName("AuditTable"));
    private final DynamoDbReportStore store = new DynamoDbReportStore(cloud.aws().dynamoDb(), table, trail);
    private final String incident = StoreFixtures.uniqueIncident();

    private Report review(Instant receivedAt) {
        return StoreFixtures.triaged(incident, receivedAt,
                StoreFixtures.submission("taxi", Category.BUSINESS_LOSS, 620_000L, ReporterType.SMALL_BUSINESS),
                ReportStatus.NEEDS_REVIEW, TriageReason.MANUAL_REVIEW, Set.of());
    }

    private StoredReport insert(Report report) {
        AuditEntry first = StoreFixtures.scored(report);
        assertThat(store.insertIfAbsent(report, first, report.receivedAt().plus(Duration.ofDays(1)))).isTrue();
        return new StoredReport(report, 1, first);
    }

    private static AuditEntry next(StoredReport before, Report after, AuditAction action) {
        return AuditChain.next(before.lastEntry(), before.lastEntry().at().plusSeconds(1), REVIEWER, action,
                AuditState.of(before.report()), AuditState.of(after), "checked", null);
    }

    @Test
    void aReportIsInsertedOnceAtVersionOneCarryingItsFirstEntry() {
        Report report = review(START);
        StoredReport inserted = insert(report);

        assertThat(store.insertIfAbsent(report, StoreFixtures.scored(report), START)).isFalse();

        assertThat(store.find(report.id())).contains(inserted);
        Map<String, AttributeValue> item = item(report.id());
        assertThat(item.get("version").n()).isEqualTo("1");
        assertThat(item.get("lastAudit").m().get("hash").s()).isEqualTo(inserted.lastEntry().hash());
        assertThat(item.get("gsi1sk").s()).isEqualTo("2022-10-19T01:00:00.000000000Z#" + report.id().value());
    }

    @Test
    void aReplaceOnTheVersionReadIncrementsItAndAStaleOneIsRefused() {
        StoredReport first = insert(review(START));
        Report approved = first.report().movedTo(ReportStatus.APPROVED);

        StoredReport second = store.replace(first, approved, next(first, approved, AuditAction.APPROVED), START);

        assertThat(second.version()).isEqualTo(2);
        assertThat(store.find(approved.id())).contains(second);
        Report rejected = first.report().movedTo(ReportStatus.REJECTED);
        assertThatThrownBy(() -> store.replace(first, rejected, next(first, rejected, AuditAction.REJECTED), START))
                .isInstanceOfSatisfying(StaleReportException.class, stale -> {
                    assertThat(stale.reportId()).isEqualTo(approved.id());
                    assertThat(stale.expectedVersion()).isEqualTo(1);
                });
        assertThat(store.find(approved.id()).orElseThrow().report().status()).isEqualTo(ReportStatus.APPROVED);
        assertThat(item(approved.id()).get("gsi1pk").s()).startsWith("STATUS#APPROVED#");
    }

    @Test
    void findAllReadsMoreThanOneBatchAndSkipsUnknownIds() {
        List<ReportId> ids = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            ids.add(insert(review(START.plusSeconds(i))).report().id());
        }
        ReportId unknown = ReportId.newId(START, new java.util.Random(1));
        List<ReportId> asked = new ArrayList<>(ids);
        asked.add(unknown);
        asked.add(ids.get(0));

        List<StoredReport> found = store.findAll(asked);

        assertThat(found).extracting(stored -> stored.report().id()).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void theQueueMergesTheShardsOldestFirstPageByPage() {
        List<ReportId> expected = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            expected.add(insert(review(START.plusSeconds(60L * (23 - i)).plusMillis(i))).report().id());
        }
        java.util.Collections.reverse(expected);

        List<ReportId> served = readAll(query(QueueQuery.Order.OLDEST, 5));

        assertThat(served).containsExactlyElementsOf(expected);
        assertThat(expected.stream().map(ReportKeys::shardOf).distinct().count()).as("the reports span shards")
                .isGreaterThan(3);
    }

    @Test
    void storedOrderServesEveryReportOnceInFullPagesShardAfterShardEachOldestFirst() {
        List<ReportId> inserted = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            inserted.add(insert(review(START.plusSeconds(60L * (23 - i)).plusMillis(i))).report().id());
        }
        List<Integer> pageSizes = new ArrayList<>();
        List<ReportId> served = new ArrayList<>();
        String cursor = null;
        do {
            QueuePage page = store.queue(withCursor(query(QueueQuery.Order.STORED, 5), cursor));
            pageSizes.add(page.reports().size());
            page.reports().forEach(stored -> served.add(stored.report().id()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(served).containsExactlyInAnyOrderElementsOf(inserted).doesNotHaveDuplicates();
        assertThat(pageSizes.subList(0, 4)).as("pages are filled across shards").containsOnly(5);
        List<Integer> shards = served.stream().map(ReportKeys::shardOf).toList();
        assertThat(shards).as("shard after shard").isSorted();
        for (int shard : new java.util.TreeSet<>(shards)) {
            List<ReportId> ofShard = served.stream().filter(id -> ReportKeys.shardOf(id) == shard).toList();
            List<ReportId> oldestFirst = new ArrayList<>(inserted.stream().filter(id -> ReportKeys.shardOf(id) == shard).toList());
            java.util.Collections.reverse(oldestFirst);
            assertThat(ofShard).as("shard %d oldest first", shard).containsExactlyElementsOf(oldestFirst);
        }
    }

    @Test
    void theDashboardsWindowIsReadFromTheServicesIndexWithinItsEndsOldestFirstAndBounded() {
        Report before = review(START.minusSeconds(1));
        Report atStart = review(START);
        Report inside = review(START.plusSeconds(90));
        Report atEnd = review(START.plusSeconds(3600));
        for (Report report : List.of(atEnd, inside, before, atStart)) {
            insert(report);
        }

        List<dev.damagedesk.application.port.RecentReports.Row> rows =
                store.receivedBetween(incident, "taxi", START, START.plusSeconds(3600), 10);

        assertThat(rows).extracting(dev.damagedesk.application.port.RecentReports.Row::receivedAt)
                .containsExactly(atStart.receivedAt(), inside.receivedAt());
        assertThat(rows.get(0)).isEqualTo(new dev.damagedesk.application.port.RecentReports.Row(START,
                ReportStatus.NEEDS_REVIEW, TriageReason.MANUAL_REVIEW, "business-loss.manual-review", 0));
        assertThat(store.receivedBetween(incident, "taxi", START.minusSeconds(60), START.plusSeconds(7200), 3)).hasSize(3);
        assertThat(store.receivedBetween(incident, "music", START, START.plusSeconds(3600), 10)).isEmpty();
    }

    @Test
    void theQueueFiltersByEveryCriterion() {
        Report taxi = insert(review(START)).report();
        Report music = insert(StoreFixtures.triaged(incident, START.plusSeconds(10),
                StoreFixtures.submission("music", Category.PAID_SUBSCRIPTION, 10_900L, ReporterType.INDIVIDUAL),
                ReportStatus.NEEDS_REVIEW, TriageReason.RISK_FLAGGED, Set.of(RiskFlag.OUTLIER_AMOUNT))).report();
        Report later = insert(review(START.plus(Duration.ofDays(2)))).report();
        insert(StoreFixtures.triaged(incident, START, StoreFixtures.submission("taxi", Category.BUSINESS_LOSS,
                620_000L, ReporterType.SMALL_BUSINESS), ReportStatus.AUTO_APPROVED, TriageReason.AUTO_APPROVED, Set.of()));

        for (QueueQuery.Order order : QueueQuery.Order.values()) {
            assertThat(ids(filtered(order, "music", null, null, null, null, null))).containsExactly(music.id());
            assertThat(ids(filtered(order, null, Category.BUSINESS_LOSS, null, null, null, null)))
                    .containsExactlyInAnyOrder(taxi.id(), later.id());
            assertThat(ids(filtered(order, null, null, TriageReason.RISK_FLAGGED, null, null, null)))
                    .containsExactly(music.id());
            assertThat(ids(filtered(order, null, null, null, RiskFlag.OUTLIER_AMOUNT, null, null)))
                    .containsExactly(music.id());
            assertThat(ids(filtered(order, null, null, null, null, START.plusSeconds(10), null)))
                    .containsExactlyInAnyOrder(music.id(), later.id());
            assertThat(ids(filtered(order, null, null, null, null, null, START.plusSeconds(10))))
                    .as("the end is exclusive").containsExactly(taxi.id());
        }
    }

    @Test
    void priorityOrderIsTheSameInTheTableAndInMemory() {
        InMemoryReportStore memory = new InMemoryReportStore();
        long[] amounts = {1_000L, 5_000_000L, 300_000L, 50_000L, 90_000_000L, 10_900L, 700_000L, 2_000L};
        for (int i = 0; i < 16; i++) {
            boolean business = i % 3 == 0;
            Report report = StoreFixtures.triaged(incident, START.plus(Duration.ofHours(7L * i)),
                    StoreFixtures.submission("taxi", business ? Category.BUSINESS_LOSS : Category.FREE_SERVICE_MONEY_LOST,
                            amounts[i % amounts.length], business ? ReporterType.SMALL_BUSINESS : ReporterType.INDIVIDUAL),
                    ReportStatus.NEEDS_REVIEW, TriageReason.MANUAL_REVIEW, Set.of());
            insert(report);
            memory.insertIfAbsent(report, StoreFixtures.scored(report), START);
        }

        List<ReportId> fromTable = readAll(query(QueueQuery.Order.PRIORITY, 4));
        List<ReportId> fromMemory = new ArrayList<>();
        String cursor = null;
        do {
            QueuePage page = memory.queue(withCursor(query(QueueQuery.Order.PRIORITY, 4), cursor));
            page.reports().forEach(stored -> fromMemory.add(stored.report().id()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(fromTable).hasSize(16).containsExactlyElementsOf(fromMemory);
        assertThat(fromTable).isNotEqualTo(readAll(query(QueueQuery.Order.OLDEST, 16)));
    }

    @Test
    void aCursorOfAnotherQueueIsRefused() {
        insert(review(START));
        insert(review(START.plusSeconds(1)));
        String cursor = store.queue(query(QueueQuery.Order.OLDEST, 1)).nextCursor();
        assertThat(cursor).isNotNull();

        assertThatThrownBy(() -> store.queue(withCursor(query(QueueQuery.Order.PRIORITY, 1), cursor)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.queue(withCursor(query(QueueQuery.Order.OLDEST, 1), "not a cursor!")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLegacyItemWithAHistoryListBecomesAuditEntriesOnceAndTheSameEachTime() {
        Report report = review(START);
        Map<String, AttributeValue> legacy = legacyItem(report);
        cloud.aws().dynamoDb().putItem(put -> put.tableName(table).item(legacy));
        // A read-only reader answers the converted report without writing anything.
        StoredReport derived = DynamoDbReportStore.readOnly(cloud.aws().dynamoDb(), table).find(report.id()).orElseThrow();
        assertThat(item(report.id())).containsKey("history").doesNotContainKey("lastAudit");
        assertThat(trail.entriesOf(report.id())).isEmpty();
        // A crash half-way through an earlier conversion: its first entry made it to the trail.
        trail.append(LegacyReports.convert(legacy).entries().get(0));

        StoredReport migrated = store.find(report.id()).orElseThrow();

        assertThat(migrated).isEqualTo(derived);
        assertThat(migrated.version()).isEqualTo(3);
        List<AuditEntry> entries = trail.entriesOf(report.id());
        assertThat(entries).extracting(AuditEntry::action)
                .containsExactly(AuditAction.SCORED, AuditAction.RESCORED, AuditAction.FLAGGED);
        assertThat(entries.get(0).before()).isNull();
        assertThat(entries.get(0).after().status()).isEqualTo(ReportStatus.AUTO_APPROVED);
        assertThat(entries.get(1).at()).isEqualTo(Instant.parse("2022-11-01T00:00:00Z"));
        assertThat(entries.get(1).after().status()).isEqualTo(ReportStatus.NEEDS_REVIEW);
        assertThat(entries.get(1).after().policyVersion()).isEqualTo(incident + "/v1");
        assertThat(entries.get(2).detail()).contains(incident + "/v3").contains("777");
        assertThat(entries.get(2).after()).isEqualTo(entries.get(2).before());
        assertThat(entries.get(2)).isEqualTo(migrated.lastEntry());
        assertThat(AuditChain.verify(entries, migrated.version()).intact()).isTrue();
        assertThat(migrated.report().flaggedUnderPolicy()).isEqualTo(incident + "/v3");
        assertThat(migrated.report().decision()).isEqualTo(report.decision());
        Map<String, AttributeValue> rewritten = item(report.id());
        assertThat(rewritten).doesNotContainKey("history").containsKey("lastAudit");
        assertThat(rewritten.get("version").n()).isEqualTo("3");
        assertThat(rewritten.get("expiresAt")).isEqualTo(legacy.get("expiresAt"));

        assertThat(store.find(report.id())).contains(migrated);
        assertThat(trail.entriesOf(report.id())).hasSize(3);
        // The new shape takes writes on its version like any other.
        Report approved = migrated.report().movedTo(ReportStatus.APPROVED);
        assertThat(store.replace(migrated, approved, next(migrated, approved, AuditAction.APPROVED), START).version())
                .isEqualTo(4);
    }

    @Test
    void aLegacyItemWithoutHistoryBecomesVersionOneScored() {
        Report report = review(START);
        Map<String, AttributeValue> legacy = new HashMap<>(ReportItems.toItem(report, START.plus(Duration.ofDays(3))));
        legacy.put("version", AttributeValue.fromN("1"));
        cloud.aws().dynamoDb().putItem(put -> put.tableName(table).item(legacy));

        StoredReport migrated = store.findAll(List.of(report.id())).get(0);

        assertThat(migrated.version()).isEqualTo(1);
        assertThat(migrated.lastEntry().action()).isEqualTo(AuditAction.SCORED);
        assertThat(migrated.lastEntry().after()).isEqualTo(AuditState.of(report));
        assertThat(trail.entriesOf(report.id())).containsExactly(migrated.lastEntry());
    }

    /** A report item as the code before audit entries wrote it: version 1 always, re-scorings in a history list. */
    private Map<String, AttributeValue> legacyItem(Report review) {
        Report autoApproved = StoreFixtures.triaged(incident, review.receivedAt(), review.submission(),
                ReportStatus.AUTO_APPROVED, TriageReason.AUTO_APPROVED, Set.of());
        Report stored = new Report(review.id(), review.incidentId(), review.submission(), review.receivedAt(),
                ReportStatus.NEEDS_REVIEW, review.decision(), review.tokenHash(), review.triageReason(),
                review.riskFlags(), null, null, null);
        Map<String, AttributeValue> item = new HashMap<>(ReportItems.toItem(stored, START.plus(Duration.ofDays(1095))));
        item.put("version", AttributeValue.fromN("1"));
        Map<String, AttributeValue> v0 = summary("PAYMENT", "business-loss.band-300k", incident + "/v0", 30_000, 0);
        Map<String, AttributeValue> v1 = summary("MANUAL_REVIEW", "business-loss.manual-review", incident + "/v1", 0, 0);
        Map<String, AttributeValue> v3 = summary("PAYMENT", "business-loss.band-300k", incident + "/v3", 777, 0);
        item.put("history", AttributeValue.fromL(List.of(
                AttributeValue.fromM(historyLine("2022-11-01T00:00:00Z", "RESCORED", incident + "/v0", incident + "/v1",
                        v0, v1, "AUTO_APPROVED", "NEEDS_REVIEW")),
                AttributeValue.fromM(historyLine("2022-11-02T00:00:00Z", "FLAGGED", incident + "/v1", incident + "/v3",
                        v1, v3, "NEEDS_REVIEW", "NEEDS_REVIEW")))));
        assertThat(autoApproved.status()).isEqualTo(ReportStatus.AUTO_APPROVED);
        return item;
    }

    private static Map<String, AttributeValue> historyLine(String at, String kind, String from, String to,
                                                           Map<String, AttributeValue> before,
                                                           Map<String, AttributeValue> after,
                                                           String statusBefore, String statusAfter) {
        return Map.of("at", AttributeValue.fromS(at), "kind", AttributeValue.fromS(kind),
                "fromPolicyVersion", AttributeValue.fromS(from), "toPolicyVersion", AttributeValue.fromS(to),
                "before", AttributeValue.fromM(before), "after", AttributeValue.fromM(after),
                "statusBefore", AttributeValue.fromS(statusBefore), "statusAfter", AttributeValue.fromS(statusAfter));
    }

    private static Map<String, AttributeValue> summary(String outcome, String rule, String version, long amount,
                                                       long minutes) {
        return Map.of("outcome", AttributeValue.fromS(outcome), "ruleId", AttributeValue.fromS(rule),
                "policyVersion", AttributeValue.fromS(version), "amountKrw", AttributeValue.fromN(Long.toString(amount)),
                "extensionMinutes", AttributeValue.fromN(Long.toString(minutes)));
    }

    private QueueQuery query(QueueQuery.Order order, int limit) {
        return new QueueQuery(ReportStatus.NEEDS_REVIEW, incident, null, null, null, null, null, null, order, limit, null);
    }

    private QueueQuery filtered(QueueQuery.Order order, String service, Category category, TriageReason reason,
                                RiskFlag flag, Instant from, Instant to) {
        return new QueueQuery(ReportStatus.NEEDS_REVIEW, incident, service, category, from, to, reason, flag, order, 2,
                null);
    }

    private static QueueQuery withCursor(QueueQuery query, String cursor) {
        return new QueueQuery(query.status(), query.incidentId(), query.service(), query.category(),
                query.receivedFrom(), query.receivedTo(), query.triageReason(), query.riskFlag(), query.order(),
                query.limit(), cursor);
    }

    /** Every page of the query, following the cursor; the filtered queries of one test use limit 2 to page too. */
    private List<ReportId> ids(QueueQuery query) {
        return readAll(query);
    }

    private List<ReportId> readAll(QueueQuery query) {
        List<ReportId> served = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            QueuePage page = store.queue(withCursor(query, cursor));
            assertThat(page.reports()).hasSizeLessThanOrEqualTo(query.limit());
            page.reports().forEach(stored -> served.add(stored.report().id()));
            cursor = page.nextCursor();
            assertThat(++pages).as("pages end").isLessThan(100);
        } while (cursor != null);
        return served;
    }

    private Map<String, AttributeValue> item(ReportId id) {
        return cloud.aws().dynamoDb().getItem(get -> get.tableName(table).key(ReportKeys.reportKey(id))
                .consistentRead(true)).item();
    }
}

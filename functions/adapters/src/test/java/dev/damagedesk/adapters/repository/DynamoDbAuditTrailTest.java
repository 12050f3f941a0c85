package dev.damagedesk.adapters.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.audit.AuditChain;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.audit.AuditState;
import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.report.ReporterType;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffRole;
import dev.damagedesk.domain.triage.TriageReason;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.SharedLocalCloud;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The audit table in the DynamoDB emulator: entries are only ever added, and read back as they were written. */
class DynamoDbAuditTrailTest {

    private final LocalCloud cloud = SharedLocalCloud.get();
    private final String table = cloud.resources().tableName("AuditTable");
    private final DynamoDbAuditTrail trail = new DynamoDbAuditTrail(cloud.aws().dynamoDb(), table);
    private final Actor reviewer = Actor.staff("sub-1", "reviewer@damagedesk.example", StaffRole.REVIEWER);

    private List<AuditEntry> chainOf(int length) {
        Report report = StoreFixtures.triaged(StoreFixtures.uniqueIncident(), Instant.parse("2022-10-19T01:00:00Z"),
                StoreFixtures.submission("taxi", Category.BUSINESS_LOSS, 620_000L, ReporterType.SMALL_BUSINESS),
                ReportStatus.NEEDS_REVIEW, TriageReason.MANUAL_REVIEW, Set.of());
        List<AuditEntry> entries = new ArrayList<>(List.of(StoreFixtures.scored(report)));
        AuditState state = AuditState.of(report);
        while (entries.size() < length) {
            AuditEntry last = entries.get(entries.size() - 1);
            entries.add(AuditChain.next(last, last.at().plusSeconds(60), reviewer, AuditAction.REOPENED, state, state,
                    "리뷰 " + entries.size() + " \"quoted\"", "detail " + entries.size()));
        }
        return entries;
    }

    @Test
    void entriesComeBackInSequenceOrderAsTheyWereWritten() {
        List<AuditEntry> chain = chainOf(12);
        // Appended out of order, read in order: the zero-padded sort key sorts 10 after 9.
        for (int i = chain.size() - 1; i >= 0; i--) {
            trail.append(chain.get(i));
        }

        List<AuditEntry> read = trail.entriesOf(chain.get(0).reportId());

        assertThat(read).containsExactlyElementsOf(chain);
        assertThat(AuditChain.verify(read, 12).intact()).isTrue();
        Map<String, AttributeValue> first = cloud.aws().dynamoDb().query(query -> query.tableName(table)
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk",
                        AttributeValue.fromS("REPORT#" + chain.get(0).reportId().value())))).items().get(0);
        assertThat(first.get("sk").s()).isEqualTo("ENTRY#0000000001");
        assertThat(first).doesNotContainKeys("previousHash", "before", "actorRole");
    }

    @Test
    void appendingTheSameEntryAgainIsANoOpAndAnotherEntryAtItsSequenceIsRefused() {
        List<AuditEntry> chain = chainOf(2);
        chain.forEach(trail::append);

        trail.append(chain.get(1));

        AuditEntry second = chain.get(1);
        AuditEntry forged = AuditChain.entry(second.reportId(), 2, second.at(), second.actor(), AuditAction.APPROVED,
                second.before(), second.after(), "another", null, second.previousHash());
        assertThatThrownBy(() -> trail.append(forged)).isInstanceOf(IllegalStateException.class);
        assertThat(trail.entriesOf(second.reportId())).containsExactlyElementsOf(chain);
    }

    @Test
    void aReportWithoutEntriesHasAnEmptyTrail() {
        assertThat(trail.entriesOf(chainOf(1).get(0).reportId())).isEmpty();
    }
}

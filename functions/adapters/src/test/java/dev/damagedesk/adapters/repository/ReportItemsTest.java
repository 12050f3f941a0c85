package dev.damagedesk.adapters.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.report.Reporter;
import dev.damagedesk.domain.report.ReporterType;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.scoring.Outcome;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The reporter type and the decision's outage, cancellation, value and documents fields survive the table. */
class ReportItemsTest {

    private static final Instant RECEIVED = Instant.parse("2022-10-19T02:11:09Z");

    private static Report report(Category category, ReporterType type, Decision decision) {
        ReportSubmission submission = new ReportSubmission(new Reporter("Park Seoyeon", "seoyeon@example.co.kr", null,
                null), Language.KO, "taxi", category, Instant.parse("2022-10-15T06:30:00Z"),
                Instant.parse("2022-10-16T06:00:00Z"), 620_000L, "No fares all day.", true, type);
        return new Report(ReportId.newId(RECEIVED, new Random(7)), "2022-10-15", submission, RECEIVED,
                ReportStatus.NEEDS_REVIEW, decision, "hash");
    }

    @Test
    void readsBackWhatItWrites() {
        Decision decision = new Decision(Outcome.MANUAL_REVIEW, "business-loss.mid-large-business", "2022-10-15/v1",
                0, 0, "Reviewed.", "검토합니다.", 1_410, true, 1_067, true);
        Report report = report(Category.BUSINESS_LOSS, ReporterType.MID_LARGE_BUSINESS, decision);

        Map<String, AttributeValue> item = ReportItems.toItem(report, RECEIVED.plusSeconds(86_400));

        assertThat(item.get("reporterType").s()).isEqualTo("mid-large-business");
        assertThat(item.get("decision").m().get("eligibleOutageMinutes").n()).isEqualTo("1410");
        assertThat(item.get("decision").m().get("documentsRequired").bool()).isTrue();
        Report read = ReportItems.fromItem(item);
        assertThat(read.submission()).isEqualTo(report.submission());
        assertThat(read.decision()).isEqualTo(decision);
    }

    @Test
    void readsItemsStoredBeforeTheFieldsExisted() {
        Decision decision = new Decision(Outcome.PAYMENT, "business-loss.band-300k", "baseline-2022-10-15/1", 30_000, 0,
                "Paid.", "지급합니다.");
        Map<String, AttributeValue> item = new HashMap<>(ReportItems.toItem(
                report(Category.BUSINESS_LOSS, ReporterType.SMALL_BUSINESS, decision), RECEIVED.plusSeconds(86_400)));
        item.remove("reporterType");
        Map<String, AttributeValue> oldDecision = new HashMap<>(item.get("decision").m());
        oldDecision.keySet().removeAll(
                java.util.List.of("eligibleOutageMinutes", "cancellationRight", "extensionValueKrw", "documentsRequired"));
        item.put("decision", AttributeValue.fromM(oldDecision));

        Report read = ReportItems.fromItem(item);

        assertThat(read.submission().reporterType()).as("a business loss of then was a small business's")
                .isEqualTo(ReporterType.SMALL_BUSINESS);
        assertThat(read.decision()).isEqualTo(decision);
    }
}

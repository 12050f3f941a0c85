package dev.damagedesk.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.application.staff.ReportDetails;
import dev.damagedesk.application.staff.StaffFixtures;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.staff.StaffAction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportViewsTest {

    private final StaffFixtures fixtures = new StaffFixtures();
    private final StoredReport stored = fixtures.stored(0, ReportStatus.NEEDS_REVIEW, 250_000, "minji@example.com",
            "010-1234-5678", "<script>alert(1)</script> 환불해 주세요", null);

    @Test
    void thePublicViewCarriesTheDecisionInOneLanguageAndNothingStaffOnlyOrPersonal() {
        Map<String, Object> view = ReportViews.publicStatus(stored.report(), Language.EN);

        assertThat(view).containsOnlyKeys("reportId", "status", "receivedAt", "service", "category", "decision",
                "expectedDecisionBy");
        @SuppressWarnings("unchecked")
        Map<String, Object> decision = (Map<String, Object>) view.get("decision");
        assertThat(decision).containsEntry("explanation", "Refund of the purchase.")
                .doesNotContainKeys("explanationKo", "explanationEn");
        assertThat(Json.write(view)).doesNotContain("minji", "1234", "script", "OUTLIER", "outlier", "version\"");
    }

    @Test
    void theStaffDetailIsTheSummaryPlusWhatTheReporterTypedAsTypedTheTrailAndTheActions() {
        ReportDetails.ReportDetail detail = new ReportDetails.ReportDetail(stored, List.of(),
                List.of(stored.lastEntry()), Set.of(StaffAction.REJECT, StaffAction.APPROVE));
        Instant now = Instant.parse("2022-10-17T00:00:00Z");

        Map<String, Object> view = ReportViews.detail(detail, now);

        assertThat(view).containsAllEntriesOf(Map.of("version", 1L, "status", "NEEDS_REVIEW",
                "riskFlags", List.of("outlier-amount"), "triageReason", "manual-review"));
        assertThat(view.keySet()).containsAll(ReportViews.summary(stored, now).keySet());
        assertThat(Json.write(view)).contains("<script>alert(1)</script> 환불해 주세요", "\"explanationKo\":\"구매 금액 환불.\"",
                "\"allowedActions\":[\"approve\",\"reject\"]", "\"action\":\"SCORED\"", "\"kind\":\"FUNCTION\"");
        assertThat(view.get("documentRequest")).isNull();
    }
}

package dev.damagedesk.domain.validation;

import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.report.Reporter;
import dev.damagedesk.domain.report.ReporterType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static dev.damagedesk.domain.validation.SubmissionBodies.parser;
import static dev.damagedesk.domain.validation.SubmissionBodies.validBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class SubmissionFormatTest {

    private static final ReportSubmission FULL = new ReportSubmission(
            new Reporter("김민지", "Min.Ji@example.com", "010-1234-5678", "minji.kim"),
            Language.KO,
            "taxi",
            Category.BUSINESS_LOSS,
            Instant.parse("2022-10-15T06:30:00Z"),
            Instant.parse("2022-10-16T06:00:00.123456789Z"),
            450_000L,
            "하루 종일 호출을 받지 못했습니다.\n택시 영업을 못 했습니다.",
            true);

    private static final ReportSubmission MINIMAL = new ReportSubmission(
            new Reporter("Lee", "lee@example.com", null, null),
            Language.EN,
            "music",
            Category.PAID_SUBSCRIPTION,
            Instant.parse("2022-10-15T06:30:00Z"),
            Instant.parse("2022-10-16T06:00:00Z"),
            null,
            "Could not play music.",
            true);

    @Test
    void hasTheApiShape() {
        Map<String, Object> map = SubmissionFormat.toMap(FULL);

        assertThat(map.keySet()).containsExactly("reporter", "locale", "service", "category", "reporterType",
                "occurredFrom", "occurredTo", "amountClaimedKrw", "description", "privacyConsent");
        assertThat(map).contains(
                entry("locale", "ko"),
                entry("service", "taxi"),
                entry("category", "business-loss"),
                entry("reporterType", "small-business"),
                entry("occurredFrom", "2022-10-15T06:30:00Z"),
                entry("occurredTo", "2022-10-16T06:00:00.123456789Z"),
                entry("amountClaimedKrw", 450_000L),
                entry("privacyConsent", true));
        assertThat(map.get("reporter")).isEqualTo(Map.of(
                "name", "김민지", "email", "Min.Ji@example.com", "phone", "010-1234-5678", "accountRef", "minji.kim"));
    }

    @Test
    void leavesAbsentOptionalFieldsOut() {
        Map<String, Object> map = SubmissionFormat.toMap(MINIMAL);
        @SuppressWarnings("unchecked")
        Map<String, Object> reporter = (Map<String, Object>) map.get("reporter");

        assertThat(map).doesNotContainKey("amountClaimedKrw");
        assertThat(map).as("an individual, the default").doesNotContainKey("reporterType");
        assertThat(reporter.keySet()).containsExactly("name", "email");
    }

    @Test
    void parsesBackToAnEqualSubmission() {
        ReportSubmission midLarge = new ReportSubmission(FULL.reporter(), FULL.language(), FULL.service(),
                FULL.category(), FULL.occurredFrom(), FULL.occurredTo(), 9_000_000L, FULL.description(), true,
                ReporterType.MID_LARGE_BUSINESS);
        ReportSubmission businessSubscription = new ReportSubmission(MINIMAL.reporter(), MINIMAL.language(),
                MINIMAL.service(), MINIMAL.category(), MINIMAL.occurredFrom(), MINIMAL.occurredTo(), null,
                MINIMAL.description(), true, ReporterType.SMALL_BUSINESS);
        for (ReportSubmission submission : new ReportSubmission[] {FULL, MINIMAL, midLarge, businessSubscription}) {
            Validated<ReportSubmission> parsed = parser().parse(SubmissionFormat.toMap(submission));

            assertThat(parsed.errors()).isEmpty();
            assertThat(parsed.value()).isEqualTo(submission);
        }
    }

    @Test
    void aParsedBodyFormatsToItsCanonicalFormAndBackAgain() {
        ReportSubmission parsed = parser().parse(validBody()).value();

        Map<String, Object> canonical = SubmissionFormat.toMap(parsed);

        assertThat(canonical.get("occurredFrom")).isEqualTo("2022-10-15T06:30:00Z");
        assertThat(parser().parse(canonical).value()).isEqualTo(parsed);
        assertThat(SubmissionFormat.toMap(parser().parse(canonical).value())).isEqualTo(canonical);
    }
}

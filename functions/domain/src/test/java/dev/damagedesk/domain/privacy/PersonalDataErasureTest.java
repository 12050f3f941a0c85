package dev.damagedesk.domain.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.audit.AuditChain;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.audit.AuditState;
import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.report.Reporter;
import dev.damagedesk.domain.risk.RiskFlag;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffNotAllowedException;
import dev.damagedesk.domain.staff.StaffRole;
import dev.damagedesk.domain.testing.ReportFixtures;
import dev.damagedesk.domain.triage.TriageReason;
import dev.damagedesk.domain.triage.TriageResult;
import dev.damagedesk.domain.validation.SubmissionParser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonalDataErasureTest {

    private static final Actor SUPERVISOR = Actor.staff("sub-9", "supervisor@damagedesk.example", StaffRole.SUPERVISOR);
    private static final Actor REVIEWER = Actor.staff("sub-1", "reviewer@damagedesk.example", StaffRole.REVIEWER);
    private static final Actor PROCESSOR = Actor.function("ProcessorFunction");

    /** A report in review, flagged and linked, with a phone, an account and a description full of personal data. */
    private static Report report() {
        Reporter reporter = new Reporter("Kim Minji", "minji@example.com", "010-1234-5678", "minji_k");
        Report received = ReportFixtures.received(ReportFixtures.id(1), new dev.damagedesk.domain.report.ReportSubmission(
                reporter, dev.damagedesk.domain.report.Language.KO, "taxi", Category.BUSINESS_LOSS,
                ReportFixtures.MUSIC_DOWN, ReportFixtures.MUSIC_RESTORED, 250_000L,
                "Kim Minji, 010-1234-5678, driver account minji_k: no fares all day", true));
        return received.triaged(new TriageResult(ReportStatus.NEEDS_REVIEW, TriageReason.DUPLICATE,
                ReportFixtures.payment("2022-10-15/v1", 200_000), Set.of(RiskFlag.OUTLIER_AMOUNT),
                ReportFixtures.id(2)));
    }

    @Test
    void erasingReplacesThePersonalFieldsByTheMarkerAndKeepsEverythingCountedOrDecided() {
        Report before = report();

        Report erased = PersonalDataErasure.erase(before, SUPERVISOR);

        assertThat(erased.submission().reporter()).isEqualTo(new Reporter(Reporter.ERASED, Reporter.ERASED, null, null));
        assertThat(erased.submission().description()).isEqualTo(Reporter.ERASED);
        assertThat(erased.personalDataErased()).isTrue();
        assertThat(before.personalDataErased()).isFalse();
        assertThat(erased).usingRecursiveComparison().ignoringFields("submission.reporter", "submission.description")
                .isEqualTo(before);
        assertThat(erased.toString()).doesNotContain("Minji", "minji", "1234-5678", "fares");
    }

    @Test
    void onlyASupervisorErasesAndNothingIsErasedTwice() {
        assertThatThrownBy(() -> PersonalDataErasure.erase(report(), REVIEWER))
                .isInstanceOf(StaffNotAllowedException.class);
        assertThatThrownBy(() -> PersonalDataErasure.erase(report(), PROCESSOR))
                .isInstanceOf(StaffNotAllowedException.class);
        Report erased = PersonalDataErasure.erase(report(), SUPERVISOR);
        assertThatThrownBy(() -> PersonalDataErasure.erase(erased, SUPERVISOR))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theMarkerIsNoEmailAddressSoNoSubmissionCanLookErased() {
        Map<String, Object> reporter = Map.of("name", Reporter.ERASED, "email", Reporter.ERASED);
        Map<String, Object> body = Map.of("reporter", reporter, "locale", "ko", "service", "music",
                "category", "paid-subscription", "occurredFrom", "2022-10-15T06:30:00Z",
                "occurredTo", "2022-10-16T06:00:00Z", "amountClaimedKrw", 10900, "description", "x",
                "privacyConsent", true);

        var parsed = new SubmissionParser(Set.of("music"),
                Clock.fixed(Instant.parse("2022-10-19T01:00:00Z"), ZoneOffset.UTC)).parse(body);

        assertThat(parsed.isValid()).isFalse();
        assertThat(parsed.errors()).extracting(error -> error.field()).contains("reporter.email");
    }

    @Test
    void theChainOfAReportStaysVerifiableAndTheErasureEntryHoldsNoneOfTheData() {
        Report scored = report();
        Report erased = PersonalDataErasure.erase(scored, SUPERVISOR);
        Instant at = ReportFixtures.RECEIVED_AT;
        AuditEntry first = AuditChain.first(scored.id(), at, PROCESSOR, AuditAction.SCORED, AuditState.of(scored),
                null, null);
        AuditEntry erasure = AuditChain.next(first, at.plusSeconds(3600), SUPERVISOR, AuditAction.PERSONAL_DATA_ERASED,
                AuditState.of(scored), AuditState.of(erased), ErasureReason.REQUEST.name(),
                PersonalDataErasure.ERASED_FIELDS);

        assertThat(AuditChain.verify(List.of(first, erasure), 2).intact()).isTrue();
        assertThat(erasure.before()).isEqualTo(erasure.after());
        // Entry 1 was hashed while the report still held the data: its hash is unchanged by the erasure because the
        // entry never held any of it.
        assertThat(AuditChain.canonicalForm(first) + AuditChain.canonicalForm(erasure))
                .doesNotContain("Minji", "minji", "1234-5678", "fares");
        assertThat(AuditChain.hashOf(first)).isEqualTo(first.hash());
    }

    @Test
    void reasonsAreReadByTheirExactCode() {
        assertThat(ErasureReason.fromCode("REQUEST")).contains(ErasureReason.REQUEST);
        assertThat(ErasureReason.fromCode("RETENTION_ENDED")).contains(ErasureReason.RETENTION_ENDED);
        assertThat(ErasureReason.fromCode("request")).isEmpty();
        assertThat(ErasureReason.fromCode(null)).isEmpty();
    }
}

package dev.damagedesk.adapters.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.scoring.Outcome;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.audit.AuditState;
import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.report.Reporter;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffRole;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NoticeMessageTest {

    private static final ReportId ID = ReportId.parse("01GFM4V7Q2S8W3N5K6P9R0T1X2").orElseThrow();

    private static NoticeMessage notice(Decision decision) {
        return new NoticeMessage(NoticeMessage.ACKNOWLEDGEMENT, ID, Instant.parse("2022-10-19T02:11:09Z"), Language.EN,
                "Lee Jun", "jun.lee@example.com", "music", ReportStatus.RECEIVED, decision);
    }

    @Test
    void carriesTheWholeDecision() {
        Decision decision = new Decision(Outcome.EXTENSION, "paid-subscription.extension-3x", "2022-10-15/v1", 0,
                13_050, "Extended.", "연장합니다.", 4_350, true, 3_293, false);

        assertThat(NoticeMessage.fromJson(notice(decision).toJson()).decision()).isEqualTo(decision);
    }

    @Test
    void readsNoticesQueuedBeforeTheNewFields() {
        String old = "{\"schema\":\"notice/1\",\"type\":\"ACKNOWLEDGEMENT\",\"reportId\":\"01GFM4V7Q2S8W3N5K6P9R0T1X2\","
                + "\"receivedAt\":\"2022-10-19T02:11:09Z\",\"locale\":\"en\",\"recipientName\":\"Lee Jun\","
                + "\"recipientEmail\":\"jun.lee@example.com\",\"service\":\"music\",\"status\":\"RECEIVED\","
                + "\"decision\":{\"outcome\":\"EXTENSION\",\"ruleId\":\"paid-subscription.extension-3x\","
                + "\"policyVersion\":\"baseline-2022-10-15/1\",\"amountKrw\":0,\"extensionMinutes\":4230,"
                + "\"explanationEn\":\"Extended.\",\"explanationKo\":\"연장합니다.\"}}";

        assertThat(NoticeMessage.fromJson(old).decision()).isEqualTo(new Decision(Outcome.EXTENSION,
                "paid-subscription.extension-3x", "baseline-2022-10-15/1", 0, 4_230, "Extended.", "연장합니다."));
    }

    @Test
    void refusesAFieldOfTheWrongType() {
        String json = notice(new Decision(Outcome.NO_PAYMENT, "r", "v", 0, 0, "e", "k")).toJson()
                .replace("\"cancellationRight\":false", "\"cancellationRight\":\"no\"");

        assertThatThrownBy(() -> NoticeMessage.fromJson(json)).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("cancellationRight");
    }

    private static final Decision BAND = new Decision(Outcome.PAYMENT, "business-loss.band-300k", "2022-10-15/v1",
            30_000, 0, "Up to 300,000 KRW: 30,000 KRW.", "30만 원 이하: 3만 원.");

    private static Report approved(Decision decision) {
        ReportSubmission submission = new ReportSubmission(new Reporter("박서연", "seoyeon@example.co.kr", null, null),
                Language.KO, "taxi", Category.BUSINESS_LOSS, Instant.parse("2022-10-15T06:30:00Z"),
                Instant.parse("2022-10-16T06:00:00Z"), 250_000L, "운행을 못 했습니다.", true);
        return new Report(ID, "2022-10-15", submission, Instant.parse("2022-10-19T02:11:09Z"), ReportStatus.APPROVED,
                decision, "hash");
    }

    private static AuditEntry entry(long sequence, AuditAction action, long amountKrw, String reason) {
        AuditState before = new AuditState(ReportStatus.NEEDS_REVIEW, Outcome.PAYMENT, "business-loss.band-300k",
                "2022-10-15/v1", 30_000, 0, null);
        AuditState after = new AuditState(ReportStatus.APPROVED, Outcome.PAYMENT, "business-loss.band-300k",
                "2022-10-15/v1", amountKrw, 0, null);
        return new AuditEntry(ID, sequence, Instant.parse("2022-10-25T01:00:00Z"),
                Actor.staff("sub-1", "reviewer@damagedesk.example", StaffRole.REVIEWER), action, before, after, reason,
                null, "prev", "hash");
    }

    @Test
    void aDecisionNoticeCarriesWhatStaffDecidedAndIsKeyedByTheReportVersion() {
        NoticeMessage notice = NoticeMessage.decisionOf(approved(BAND), 4,
                entry(4, AuditAction.AMOUNT_ADJUSTED, 45_000, "영수증 <확인>"));

        NoticeMessage read = NoticeMessage.fromJson(notice.toJson());

        assertThat(read).isEqualTo(notice);
        assertThat(read.decided()).isEqualTo(new NoticeMessage.Decided(AuditAction.AMOUNT_ADJUSTED,
                Instant.parse("2022-10-25T01:00:00Z"), 45_000, 0, "영수증 <확인>", null));
        assertThat(read.ledgerKey()).isEqualTo("DECISION#4");
        assertThat(NoticeMessage.decisionOf(approved(BAND), 6, entry(6, AuditAction.APPROVED, 30_000, null)).ledgerKey())
                .isEqualTo("DECISION#6");
    }

    @Test
    void aDecisionNoticeIsOfTheEntryOfItsVersion() {
        assertThatThrownBy(() -> NoticeMessage.decisionOf(approved(BAND), 5, entry(4, AuditAction.APPROVED, 30_000, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoticeMessage.decisionOf(approved(BAND), 4, entry(4, AuditAction.SCORED, 30_000, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SCORED");
    }

    @Test
    void aDocumentRequestCarriesWhatIsNeededAndTheDeadline() {
        NoticeMessage notice = NoticeMessage.documentRequestOf(approved(BAND), 3, Instant.parse("2022-10-25T01:00:00Z"),
                Instant.parse("2022-11-30T14:59:00Z"), "사업자등록증, 10월 매출 내역");

        NoticeMessage read = NoticeMessage.fromJson(notice.toJson());

        assertThat(read).isEqualTo(notice);
        assertThat(read.documents().dueBy()).isEqualTo(Instant.parse("2022-11-30T14:59:00Z"));
        assertThat(read.ledgerKey()).isEqualTo("DOCUMENTS_REQUESTED#3");
    }

    @Test
    void anAcknowledgementQueuedBeforeVersionsIsVersionOneUnderItsOldLedgerKey() {
        String old = "{\"schema\":\"notice/1\",\"type\":\"ACKNOWLEDGEMENT\",\"reportId\":\"01GFM4V7Q2S8W3N5K6P9R0T1X2\","
                + "\"receivedAt\":\"2022-10-19T02:11:09Z\",\"locale\":\"en\",\"recipientName\":\"Lee Jun\","
                + "\"recipientEmail\":\"jun.lee@example.com\",\"service\":\"music\",\"status\":\"RECEIVED\"}";

        NoticeMessage read = NoticeMessage.fromJson(old);

        assertThat(read.reportVersion()).isEqualTo(1);
        assertThat(read.ledgerKey()).isEqualTo("ACKNOWLEDGEMENT");
        assertThat(NoticeMessage.acknowledgementOf(approved(BAND)).ledgerKey()).isEqualTo("ACKNOWLEDGEMENT");
    }

    @Test
    void refusesADecisionNoticeWithoutWhatWasDecidedAndAnUnknownType() {
        String decision = NoticeMessage.decisionOf(approved(BAND), 4, entry(4, AuditAction.APPROVED, 30_000, null)).toJson();
        String withoutDecided = decision.replaceAll(",\"decided\":\\{[^}]*}", "");
        assertThat(withoutDecided).doesNotContain("decided");

        assertThatThrownBy(() -> NoticeMessage.fromJson(withoutDecided)).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("decided");
        assertThatThrownBy(() -> NoticeMessage.fromJson(decision.replace("\"DECISION\"", "\"PAYMENT_SENT\"")))
                .isInstanceOf(MessageFormatException.class).hasMessageContaining("PAYMENT_SENT");
        assertThatThrownBy(() -> NoticeMessage.fromJson(decision.replace("\"APPROVED\",\"decidedAt", "\"RESCORED\",\"decidedAt")))
                .isInstanceOf(MessageFormatException.class).hasMessageContaining("RESCORED");
    }
}

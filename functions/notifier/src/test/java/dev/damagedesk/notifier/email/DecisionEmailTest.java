package dev.damagedesk.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.adapters.message.NoticeMessage;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.scoring.Outcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What each kind of decision says, in both languages; the HTML is checked in the handler tests. */
class DecisionEmailTest {

    private static final MediationRoute ROUTE = new MediationRoute("분쟁조정 안내.", "Mediation route.");
    private static final ReportId ID = ReportId.parse("01GFM4VB0C1D2E3F4G5H6J7K8M").orElseThrow();
    private static final Decision EXTENSION = new Decision(Outcome.EXTENSION, "paid-subscription.extension-3x",
            "2022-10-15/v1", 0, 4_230, "3 times the outage: 70 h 30 min.", "장애 시간의 3배: 70시간 30분.");

    private static NoticeMessage notice(Language language, AuditAction action, long amountKrw, long extensionMinutes,
                                        String duplicateOf) {
        return new NoticeMessage(NoticeMessage.DECISION, ID, Instant.parse("2022-10-19T02:11:09Z"), language, "Lee Jun",
                "jun.lee@example.com", "music", ReportStatus.APPROVED, EXTENSION, 4,
                new NoticeMessage.Decided(action, Instant.parse("2022-10-25T01:00:00Z"), amountKrw, extensionMinutes,
                        null, duplicateOf), null);
    }

    @Test
    void anApprovedExtensionSaysHowLongWhenItIsAppliedAndHowToDisputeIt() {
        Email english = DecisionEmail.compose(notice(Language.EN, AuditAction.APPROVED, 0, 4_230, null), ROUTE);
        Email korean = DecisionEmail.compose(notice(Language.KO, AuditAction.APPROVED, 0, 4_230, null), ROUTE);

        assertThat(english.text()).contains("Decision: approved. Your subscription is extended by 70 h 30 min.")
                .contains("It is applied within 7 days.").contains("If you disagree: Mediation route.")
                .doesNotContain("From the member of staff");
        assertThat(korean.text()).contains("이용 기간을 70시간 30분 연장해 드립니다.").contains("이의 제기: 분쟁조정 안내.");
    }

    @Test
    void aDuplicateNamesTheFirstReportWhenItIsKnown() {
        assertThat(DecisionEmail.compose(notice(Language.EN, AuditAction.MARKED_DUPLICATE, 0, 0,
                "01GFM4V7Q2S8W3N5K6P9R0T1X2"), ROUTE).text())
                .contains("about the same service (tracking number 01GFM4V7Q2S8W3N5K6P9R0T1X2). Compensation is given once");
        assertThat(DecisionEmail.compose(notice(Language.KO, AuditAction.MARKED_DUPLICATE, 0, 0, null), ROUTE).text())
                .contains("먼저 접수된 신고와 중복된 신고로 처리했습니다").doesNotContain("접수번호 )")
                .contains("이의 제기: 분쟁조정 안내.");
    }

    @Test
    void nothingToDisputeWhileAReportIsReviewedAgain() {
        for (AuditAction pending : new AuditAction[] {AuditAction.REOPENED, AuditAction.UNMARKED_DUPLICATE}) {
            assertThat(DecisionEmail.compose(notice(Language.EN, pending, 0, 0, null), ROUTE).text())
                    .contains("We will write when it is decided.").doesNotContain("Mediation route.");
        }
    }
}

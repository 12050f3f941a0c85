package dev.damagedesk.adapters.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.scoring.Outcome;
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
}

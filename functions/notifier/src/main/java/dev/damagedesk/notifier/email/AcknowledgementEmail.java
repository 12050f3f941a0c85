package dev.damagedesk.notifier.email;

import dev.damagedesk.adapters.message.NoticeMessage;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.triage.ExpectedDecision;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The acknowledgement a reporter receives once the report is stored and scored, in the reporter's language:
 * the tracking number, how to check the status, the first assessment and what happens next. The private
 * tracking token is never in an email: it was shown once, in the app.
 */
public final class AcknowledgementEmail {

    private static final ZoneId KOREA = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(KOREA);

    private AcknowledgementEmail() {
    }

    public static Email compose(NoticeMessage notice) {
        boolean korean = notice.language() == Language.KO;
        String number = notice.reportId().value();
        String subject = korean
                ? "[DamageDesk] 피해 신고가 접수되었습니다 (접수번호 " + number + ")"
                : "[DamageDesk] We received your damage report (tracking number " + number + ")";

        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(korean ? notice.recipientName() + "님, 피해 신고를 보내 주셔서 감사합니다."
                : "Dear " + notice.recipientName() + ", thank you for reporting the damage you suffered.");
        paragraphs.add(korean
                ? "접수번호: " + number + "\n접수 시각: " + TIME.format(notice.receivedAt()) + " (KST)\n서비스: " + notice.service()
                : "Tracking number: " + number + "\nReceived: " + TIME.format(notice.receivedAt()) + " (KST)\nService: " + notice.service());
        paragraphs.add(korean
                ? "진행 상황은 DamageDesk 앱에서 접수번호와 신고할 때 받은 조회 토큰으로 확인할 수 있습니다. 조회 토큰은 보안을 위해 이메일로 보내지 않습니다."
                : "You can check the status in the DamageDesk app with this tracking number and the private token you were given when you reported. For your security the token is never sent by email.");
        if (notice.decision() != null) {
            paragraphs.add((korean ? "1차 검토 결과: " : "First assessment: ") + notice.decision().explanation(notice.language()));
        }
        paragraphs.add(nextSteps(notice.status(), korean));
        paragraphs.add(korean ? "DamageDesk 피해 접수 창구 드림" : "The DamageDesk damage-report channel");

        return Email.of(notice.recipientEmail(), notice.language(), subject, paragraphs);
    }

    private static String nextSteps(ReportStatus status, boolean korean) {
        return switch (status) {
            case AUTO_APPROVED -> {
                long days = ExpectedDecision.PAYMENT_TARGET.toDays();
                yield korean
                        ? "다음 단계: 위 결과는 약관에 따른 자동 산정으로 승인되었으며, " + days + "일 안에 보상이 적용됩니다. 이의가 있으면 분쟁조정을 신청할 수 있습니다."
                        : "What happens next: the assessment above follows the terms of service and is approved; it is applied within " + days + " days. If you disagree you can ask for mediation.";
            }
            case NEEDS_REVIEW -> {
                long days = ExpectedDecision.REVIEW_TARGET.toDays();
                yield korean
                        ? "다음 단계: 담당자가 " + days + "일 안에 신고를 검토합니다. 추가 서류가 필요하면 이메일로 안내해 드립니다."
                        : "What happens next: a member of staff reviews your report within " + days + " days. If documents are needed we will ask you by email.";
            }
            case NEEDS_DOCUMENTS -> {
                long days = ExpectedDecision.DOCUMENTS_TARGET.toDays();
                yield korean
                        ? "다음 단계: 담당자가 위에 안내한 증빙 서류를 이메일로 요청드립니다. 서류를 확인한 뒤 접수일로부터 " + days + "일 안에 결정해 드립니다."
                        : "What happens next: a member of staff will ask you by email for the documents named above. We decide within " + days + " days of your report once we have them.";
            }
            default -> korean
                    ? "다음 단계: 위 결과는 약관에 따른 자동 산정입니다. 결과가 확정되면 다시 알려 드리며, 이의가 있으면 분쟁조정을 신청할 수 있습니다."
                    : "What happens next: the assessment above follows the terms of service. We will write again when it is final; if you disagree you can ask for mediation.";
        };
    }
}

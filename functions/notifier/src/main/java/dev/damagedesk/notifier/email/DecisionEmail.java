package dev.damagedesk.notifier.email;

import static dev.damagedesk.domain.scoring.ExplanationFormat.amountEn;
import static dev.damagedesk.domain.scoring.ExplanationFormat.amountKo;
import static dev.damagedesk.domain.scoring.ExplanationFormat.durationEn;
import static dev.damagedesk.domain.scoring.ExplanationFormat.durationKo;

import dev.damagedesk.adapters.message.NoticeMessage;
import dev.damagedesk.adapters.message.NoticeMessage.Decided;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.triage.ExpectedDecision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What staff decided on a report, in the reporter's language: the decision and how much (money or extension),
 * why (the rule's explanation, and the staff member's reason when they gave one), and, for a decision that
 * stands, how to dispute it (the {@link MediationRoute}).
 */
public final class DecisionEmail {

    private DecisionEmail() {
    }

    public static Email compose(NoticeMessage notice, MediationRoute mediation) {
        Decided decided = notice.decided();
        boolean korean = notice.language() == Language.KO;
        String number = notice.reportId().value();
        String subject = korean
                ? "[DamageDesk] 피해 신고 결정 안내 (접수번호 " + number + ")"
                : "[DamageDesk] The decision on your damage report (tracking number " + number + ")";

        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(korean
                ? notice.recipientName() + "님, 신고하신 피해(서비스: " + notice.service() + ")에 대한 결정을 알려 드립니다."
                : "Dear " + notice.recipientName() + ", this is the decision on the damage you reported (service: "
                + notice.service() + ").");
        paragraphs.add(korean ? "접수번호: " + number : "Tracking number: " + number);
        paragraphs.add(whatWasDecided(notice, korean));
        paragraphs.add((korean ? "근거(약관): " : "Why (the terms of service): ")
                + notice.decision().explanation(notice.language()));
        if (decided.reason() != null && !decided.reason().isBlank()) {
            paragraphs.add((korean ? "담당자 의견: " : "From the member of staff who decided: ") + decided.reason());
        }
        if (stands(decided.action())) {
            paragraphs.add((korean ? "이의 제기: " : "If you disagree: ") + mediation.in(notice.language()));
        }
        paragraphs.add(korean ? "DamageDesk 피해 접수 창구 드림" : "The DamageDesk damage-report channel");
        return Email.of(notice.recipientEmail(), notice.language(), subject, paragraphs);
    }

    /** Reopening and unmarking a duplicate decide nothing yet: there is nothing to dispute. */
    private static boolean stands(AuditAction action) {
        return action != AuditAction.REOPENED && action != AuditAction.UNMARKED_DUPLICATE;
    }

    private static String whatWasDecided(NoticeMessage notice, boolean korean) {
        Decided decided = notice.decided();
        long days = ExpectedDecision.PAYMENT_TARGET.toDays();
        return switch (decided.action()) {
            case APPROVED -> korean
                    ? "결정: 승인되었습니다. " + award(decided, true) + applied(decided, days, true)
                    : "Decision: approved. " + award(decided, false) + applied(decided, days, false);
            case AMOUNT_ADJUSTED -> {
                long policyAmount = notice.decision().amountKrw();
                String policy = policyAmount == decided.amountKrw() ? ""
                        : korean ? " (약관에 따른 자동 산정액은 " + amountKo(policyAmount) + "이었습니다.)"
                        : " (The amount the terms of service gave automatically was " + amountEn(policyAmount) + ".)";
                yield korean
                        ? "결정: 보상 금액을 조정하여 승인했습니다. " + award(decided, true) + policy + applied(decided, days, true)
                        : "Decision: approved with an adjusted amount. " + award(decided, false) + policy + applied(decided, days, false);
            }
            case REJECTED -> korean
                    ? "결정: 보상 요청을 받아들이지 않았습니다. 이 신고에 대해 지급되는 보상은 없습니다."
                    : "Decision: your claim was not accepted. No compensation is given for this report.";
            case MARKED_DUPLICATE -> {
                String first = decided.duplicateOf();
                yield korean
                        ? "결정: 같은 서비스에 대해 먼저 접수된 신고" + (first == null ? "" : "(접수번호 " + first + ")")
                        + "와 중복된 신고로 처리했습니다. 보상은 먼저 접수된 신고에 대해 한 번만 지급되며, 이 신고에는 지급되지 않습니다."
                        : "Decision: this report repeats one you sent earlier about the same service"
                        + (first == null ? "" : " (tracking number " + first + ")")
                        + ". Compensation is given once, on the earlier report, and not on this one.";
            }
            case UNMARKED_DUPLICATE -> korean
                    ? "결정: 이 신고는 중복이 아닌 것으로 확인되어 다시 검토합니다. 결정되면 다시 알려 드립니다."
                    : "Decision: this report is not a repeat after all; it is reviewed again on its own. We will write when it is decided.";
            case REOPENED -> korean
                    ? "결정: 신고를 다시 검토하기로 했습니다. 결정되면 다시 알려 드립니다."
                    : "Decision: your report is being reviewed again. We will write when it is decided.";
            default -> throw new IllegalArgumentException(decided.action() + " is not a decision");
        };
    }

    private static String award(Decided decided, boolean korean) {
        List<String> parts = new ArrayList<>();
        if (decided.amountKrw() > 0) {
            parts.add(korean ? amountKo(decided.amountKrw()) + "을 보상해 드립니다."
                    : "You are paid " + amountEn(decided.amountKrw()) + ".");
        }
        if (decided.extensionMinutes() > 0) {
            Duration extension = Duration.ofMinutes(decided.extensionMinutes());
            parts.add(korean ? "이용 기간을 " + durationKo(extension) + " 연장해 드립니다."
                    : "Your subscription is extended by " + durationEn(extension) + ".");
        }
        if (parts.isEmpty()) {
            return korean ? "신고는 기록되었으며, 약관상 지급되는 보상은 없습니다."
                    : "Your report is recorded; the terms of service give no compensation for it.";
        }
        return String.join(" ", parts);
    }

    private static String applied(Decided decided, long days, boolean korean) {
        if (decided.amountKrw() == 0 && decided.extensionMinutes() == 0) {
            return "";
        }
        return korean ? " 보상은 " + days + "일 안에 적용됩니다." : " It is applied within " + days + " days.";
    }
}

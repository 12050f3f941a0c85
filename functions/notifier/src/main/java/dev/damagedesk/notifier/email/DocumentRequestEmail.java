package dev.damagedesk.notifier.email;

import dev.damagedesk.adapters.message.NoticeMessage;
import dev.damagedesk.adapters.message.NoticeMessage.DocumentRequest;
import dev.damagedesk.domain.report.Language;
import java.util.ArrayList;
import java.util.List;

/**
 * A request for documents, in the reporter's language: what is needed (as the staff member wrote it), by when
 * (in Korea's time zone, said so), why (the rule's explanation) and what happens if nothing arrives in time:
 * a person decides with what the report has (docs/triage.md), never an automatic rejection.
 */
public final class DocumentRequestEmail {

    private DocumentRequestEmail() {
    }

    public static Email compose(NoticeMessage notice) {
        DocumentRequest request = notice.documents();
        boolean korean = notice.language() == Language.KO;
        String number = notice.reportId().value();
        String deadline = NoticeTimes.deadline(request.dueBy(), notice.language());
        String subject = korean
                ? "[DamageDesk] 증빙 서류를 보내 주세요 (접수번호 " + number + ")"
                : "[DamageDesk] Documents needed for your damage report (tracking number " + number + ")";

        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(korean
                ? notice.recipientName() + "님, 신고하신 피해(서비스: " + notice.service() + ")를 결정하려면 증빙 서류가 필요합니다."
                : "Dear " + notice.recipientName() + ", to decide on the damage you reported (service: " + notice.service()
                + ") we need documents from you.");
        paragraphs.add(korean ? "필요한 서류: " + request.whatIsNeeded() : "What we need: " + request.whatIsNeeded());
        paragraphs.add(korean ? "제출 기한: " + deadline : "Please send them by: " + deadline);
        paragraphs.add(korean
                ? "서류를 보내실 때 접수번호 " + number + "를 함께 적어 주세요."
                : "Please quote your tracking number " + number + " with the documents.");
        paragraphs.add((korean ? "서류가 필요한 이유(약관): " : "Why (the terms of service): ")
                + notice.decision().explanation(notice.language()));
        paragraphs.add(korean
                ? "기한까지 서류가 도착하지 않으면 담당자가 지금까지 받은 내용으로 신고를 검토합니다. 기한이 지났다는 이유만으로 자동 거절되지는 않습니다."
                : "If nothing arrives by then, a member of staff reviews your report with what it has so far. A report is never rejected automatically because the deadline passed.");
        paragraphs.add(korean ? "DamageDesk 피해 접수 창구 드림" : "The DamageDesk damage-report channel");
        return Email.of(notice.recipientEmail(), notice.language(), subject, paragraphs);
    }
}

package dev.damagedesk.notifier.email;

import dev.damagedesk.application.port.OutageNotices.OutageNotice;
import dev.damagedesk.domain.report.Language;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The outage notice a reporter or a subscriber receives once staff confirm an incident of two hours or more, in
 * their language: which services, since when, whether they are back, and that reports are taken.
 */
public final class OutageNoticeEmail {

    private static final ZoneId KOREA = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(KOREA);

    private OutageNoticeEmail() {
    }

    /** @param now for an outage still going on: how long it has lasted so far */
    public static Email compose(OutageNotice notice, Instant now) {
        boolean korean = notice.language() == Language.KO;
        String services = String.join(", ", notice.services());
        String subject = korean
                ? "[DamageDesk] 서비스 장애 안내: " + services
                : "[DamageDesk] Outage notice: " + services;
        List<String> paragraphs = new ArrayList<>();
        String name = notice.recipientName();
        paragraphs.add(korean
                ? (name == null ? "안녕하세요." : name + "님, 안녕하세요.")
                : (name == null ? "Hello," : "Dear " + name + ","));
        Instant end = notice.restoredAt() != null ? notice.restoredAt() : now;
        long minutes = Duration.between(notice.downFrom(), end).toMinutes();
        String lasted = korean ? (minutes / 60) + "시간 " + (minutes % 60) + "분" : (minutes / 60) + " h " + (minutes % 60) + " min";
        if (notice.restoredAt() != null) {
            paragraphs.add(korean
                    ? services + " 서비스가 " + TIME.format(notice.downFrom()) + "부터 " + TIME.format(notice.restoredAt())
                            + "까지 (KST) " + lasted + " 동안 중단되었습니다. 불편을 드려 죄송합니다."
                    : services + " were down from " + TIME.format(notice.downFrom()) + " to "
                            + TIME.format(notice.restoredAt()) + " (KST), " + lasted + ". We apologise for the disruption.");
        } else {
            paragraphs.add(korean
                    ? services + " 서비스가 " + TIME.format(notice.downFrom()) + "(KST)부터 중단되어 있습니다 (지금까지 " + lasted
                            + "). 복구되면 앱에서 알려 드립니다."
                    : services + " have been down since " + TIME.format(notice.downFrom()) + " (KST), " + lasted
                            + " so far. The app will tell you when they are back.");
        }
        paragraphs.add(korean
                ? "이번 장애로 피해를 입으셨다면 DamageDesk 앱에서 피해 신고를 하실 수 있습니다. 이미 신고하셨다면 다시 신고하실 필요가 없습니다."
                : "If the outage caused you damage, you can report it in the DamageDesk app. If you have reported already, there is no need to report again.");
        paragraphs.add(korean ? "장애 번호: " + notice.incidentId() : "Incident: " + notice.incidentId());
        paragraphs.add(korean ? "DamageDesk 피해 접수 창구 드림" : "The DamageDesk damage-report channel");
        return Email.of(notice.recipientEmail(), notice.language(), subject, paragraphs);
    }
}

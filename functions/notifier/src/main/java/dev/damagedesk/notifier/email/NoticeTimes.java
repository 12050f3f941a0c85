package dev.damagedesk.notifier.email;

import dev.damagedesk.domain.report.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times in notices: in Korea's time zone, where the incident happened and the reporters are, said so. */
final class NoticeTimes {

    static final ZoneId KOREA = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter KOREAN = DateTimeFormatter
            .ofPattern("yyyy년 M월 d일 (E) HH:mm", Locale.KOREAN).withZone(KOREA);
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter
            .ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH).withZone(KOREA);

    private NoticeTimes() {
    }

    /** "2022년 11월 30일 (수) 23:59 (한국 시간, KST)" / "Wednesday 30 November 2022, 23:59 Korea time (KST, UTC+9)". */
    static String deadline(Instant at, Language language) {
        return language == Language.KO ? KOREAN.format(at) + " (한국 시간, KST)"
                : ENGLISH.format(at) + " Korea time (KST, UTC+9)";
    }
}

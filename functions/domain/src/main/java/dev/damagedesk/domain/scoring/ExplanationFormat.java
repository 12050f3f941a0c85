package dev.damagedesk.domain.scoring;

import java.time.Duration;
import java.util.Locale;

/** How durations and amounts read in explanations, in both languages. */
public final class ExplanationFormat {

    private ExplanationFormat() {
    }

    /** "70 h 30 min" (whole minutes, seconds dropped). */
    public static String durationEn(Duration duration) {
        return duration.toHours() + " h " + duration.toMinutesPart() + " min";
    }

    /** "70시간 30분". */
    public static String durationKo(Duration duration) {
        return duration.toHours() + "시간 " + duration.toMinutesPart() + "분";
    }

    /** "30,000 KRW". */
    public static String amountEn(long krw) {
        return grouped(krw) + " KRW";
    }

    /** "30,000원". */
    public static String amountKo(long krw) {
        return grouped(krw) + "원";
    }

    private static String grouped(long krw) {
        return String.format(Locale.US, "%,d", krw);
    }
}

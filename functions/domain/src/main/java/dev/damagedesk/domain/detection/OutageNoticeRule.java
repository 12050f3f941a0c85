package dev.damagedesk.domain.detection;

import dev.damagedesk.domain.incident.OutageWindow;
import java.time.Duration;

/**
 * The rule in force since 2025: an outage of two hours or more is notified to its reporters and to subscribers;
 * a shorter one is not.
 */
public final class OutageNoticeRule {

    /** The shortest outage that is notified. */
    public static final Duration NOTIFIED_FROM = Duration.ofHours(2);

    private OutageNoticeRule() {
    }

    public static boolean notified(OutageWindow outage) {
        return outage.duration().compareTo(NOTIFIED_FROM) >= 0;
    }
}

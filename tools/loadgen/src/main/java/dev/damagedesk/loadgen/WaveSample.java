package dev.damagedesk.loadgen;

/**
 * One point of the wave's time series.
 *
 * @param seconds           since the wave's start
 * @param accepted          reports answered 202 so far
 * @param throttled         429 answers so far
 * @param unavailable       503 answers so far
 * @param intakeDepth       messages in the intake queue (waiting plus in flight)
 * @param processed         reports processed so far: accepted minus what the intake queue still holds (never falling)
 * @param notificationDepth messages in the notification queue
 * @param emails            emails sent so far
 * @param surge             the surge controller's published mode, {@code -} before it published one
 */
public record WaveSample(double seconds, long accepted, long throttled, long unavailable, long intakeDepth,
                         long processed, long notificationDepth, long emails, String surge) {

    public static final String CSV_HEADER =
            "seconds,accepted,throttled_429,unavailable_503,intake_queue_depth,processed,notification_queue_depth,emails_sent,surge_mode";

    public String csv() {
        return String.format(java.util.Locale.ROOT, "%.1f,%d,%d,%d,%d,%d,%d,%d,%s", seconds, accepted, throttled,
                unavailable, intakeDepth, processed, notificationDepth, emails, surge);
    }
}

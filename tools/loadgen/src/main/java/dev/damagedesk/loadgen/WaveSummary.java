package dev.damagedesk.loadgen;

import dev.damagedesk.domain.detection.DetectedIncident;
import dev.damagedesk.domain.surge.SurgeSwitch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The final report of a wave: every figure is computed here from what was counted, so that the arithmetic is tested
 * on its own.
 *
 * @param reports        reports in the wave
 * @param clients        concurrent clients
 * @param duration       the wave's planned length (zero: unpaced)
 * @param sendSeconds    from the first request to the last answer
 * @param requests       HTTP requests sent (retries included)
 * @param accepted       reports answered 202
 * @param refused        non-202 answers by status (a 429 later retried and accepted counts here once per answer)
 * @param givenUp        reports never accepted, by their last answer (0: no answer)
 * @param transportErrors requests without an answer
 * @param p50Millis      intake latency of the 202 answers
 * @param p95Millis      〃
 * @param p99Millis      〃
 * @param drain          from the last 202 until the intake queue was empty; empty when it did not empty in time
 * @param storage        what the table holds for the accepted reports
 * @param emails         emails the SES emulator accepted during the wave and its drain
 * @param deadLetters    messages in the intake dead-letter queue at the end
 * @param waveStart      when the wave began
 * @param switches       surge switches recorded since the wave began
 * @param incidents      draft incidents detected since the wave began
 */
public record WaveSummary(int reports, int clients, Duration duration, double sendSeconds, long requests, long accepted,
                          Map<Integer, Long> refused, Map<Integer, Long> givenUp, long transportErrors,
                          double p50Millis, double p95Millis, double p99Millis, Optional<Duration> drain,
                          StorageCheck storage, long emails, long deadLetters, Instant waveStart,
                          List<SurgeSwitch> switches, List<DetectedIncident> incidents) {

    public WaveSummary {
        refused = Map.copyOf(refused);
        givenUp = Map.copyOf(givenUp);
        switches = List.copyOf(switches);
        incidents = List.copyOf(incidents);
    }

    /** Accepted reports per second over the sending time. */
    public double acceptedPerSecond() {
        return sendSeconds <= 0 ? 0 : accepted / sendSeconds;
    }

    public long givenUpTotal() {
        return givenUp.values().stream().mapToLong(Long::longValue).sum();
    }

    /** True when nothing was lost or stored twice and every report was accepted. */
    public boolean passed() {
        return storage.clean() && givenUpTotal() == 0 && accepted == reports && storage.tokenMismatches() == 0;
    }

    public String text(String url, String seriesFiles) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "DamageDesk load wave: %,d reports, %d clients, %s, against %s%n", reports,
                clients, duration.isZero() ? "unpaced" : "the 2022 first-day curve over " + seconds(duration), url));
        row(out, "sent", String.format(Locale.ROOT, "%,d reports in %.1f s, %,d requests (retries included)", reports,
                sendSeconds, requests));
        row(out, "accepted", String.format(Locale.ROOT, "%,d (202), %.1f per second", accepted, acceptedPerSecond()));
        row(out, "refused", refused.isEmpty() ? "none" : byStatus(refused)
                + "  (answers; a throttled report is retried with its key)");
        if (transportErrors > 0) {
            row(out, "no answer", String.format(Locale.ROOT, "%,d requests (retried with the same key)", transportErrors));
        }
        row(out, "given up", givenUp.isEmpty() ? "0" : byStatus(givenUp) + "  (last answer; 0 = none)");
        row(out, "intake latency", String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (the 202 answers)",
                p50Millis, p95Millis, p99Millis));
        row(out, "time to drain", drain.map(d -> String.format(Locale.ROOT, "%.1f s after the last 202 (intake queue"
                + " empty)", d.toMillis() / 1000.0)).orElse("NOT DRAINED within the drain timeout"));
        row(out, "reports stored", String.format(Locale.ROOT, "%,d of %,d accepted, each with the token hash its 202"
                + " promised%s", storage.found(), storage.accepted(), storage.tokenMismatches() == 0 ? ""
                : String.format(Locale.ROOT, " (%,d under ANOTHER token)", storage.tokenMismatches())));
        row(out, "emails sent", String.format(Locale.ROOT, "%,d", emails));
        row(out, "duplicates", String.format(Locale.ROOT, "%,d%s", storage.duplicates(), storage.duplicates() == 0 ? ""
                : "  (report items beyond one per accepted report)"));
        row(out, "lost", String.format(Locale.ROOT, "%,d%s", storage.lost(), storage.lost() == 0 ? ""
                : "  (accepted, not in the table with their token)"));
        row(out, "dead letters", String.format(Locale.ROOT, "%,d in IntakeDeadLetterQueue", deadLetters));
        row(out, "surge mode", switches.isEmpty() ? "never switched" : switches.stream().map(this::switchText)
                .collect(Collectors.joining("; ")));
        row(out, "incident", incidents.isEmpty() ? "none detected" : incidents.stream().map(this::incidentText)
                .collect(Collectors.joining("; ")));
        row(out, "time series", seriesFiles);
        row(out, "verdict", passed() ? "PASS: every report accepted, stored once with its token"
                : "FAIL: see lost, duplicates and given up");
        return out.toString();
    }

    private String switchText(SurgeSwitch change) {
        return String.format(Locale.ROOT, "%s at %+.0f s (%s)", change.to().name().toLowerCase(Locale.ROOT),
                Duration.between(waveStart, change.at()).toMillis() / 1000.0, change.reason());
    }

    private String incidentText(DetectedIncident incident) {
        return String.format(Locale.ROOT, "%s (%s) first seen at %+.0f s, %s", incident.id(),
                String.join(", ", incident.services()),
                Duration.between(waveStart, incident.firstSeen()).toMillis() / 1000.0, incident.state().name().toLowerCase(Locale.ROOT));
    }

    private static String byStatus(Map<Integer, Long> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> String.format(Locale.ROOT, "%d: %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() % 60 == 0 && duration.toSeconds() >= 60 ? duration.toMinutes() + " min"
                : duration.toSeconds() + " s";
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append(String.format(Locale.ROOT, "  %-16s %s%n", name, value));
    }
}

package dev.damagedesk.loadgen;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What {@code ./load-wave} was asked for.
 *
 * @param url          the public API (its {@code /health} names the emulators: the local runtime's)
 * @param reports      reports in the wave
 * @param clients      concurrent clients, each sending one request at a time
 * @param duration     the wave's length: the first-day curve compressed into it; zero sends as fast as the clients can
 * @param seed         the population's seed (the same seed, the same reports)
 * @param retries      how often a client retries a 429, a 5xx or a lost connection (same Idempotency-Key), honouring
 *                     {@code Retry-After}
 * @param drainTimeout how long to wait after the last request for the queues to empty
 * @param surgeOffTimeout how long to keep watching after the drain for surge mode to switch back off
 * @param out          where the CSV and the SVG chart are written
 */
public record WaveOptions(URI url, int reports, int clients, Duration duration, long seed, int retries,
                          Duration drainTimeout, Duration surgeOffTimeout, Path out) {

    /** The text of {@code --help}, which the launch script prints without building anything. */
    public static final String USAGE = usage();

    private static String usage() {
        try (var in = WaveOptions.class.getResourceAsStream("usage.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("usage.txt is missing from the tool's jar", e);
        }
    }


    /** @return empty for {@code --help} */
    public static Optional<WaveOptions> parse(String[] args) {
        URI url = URI.create("http://127.0.0.1:3000");
        int reports = 2000;
        int clients = 16;
        Duration duration = Duration.ofSeconds(60);
        long seed = 2022;
        int retries = 8;
        Duration drainTimeout = Duration.ofMinutes(10);
        Duration surgeOffTimeout = Duration.ofMinutes(3);
        Path out = Path.of("target", "load-wave");
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("-h") || option.equals("--help")) {
                return Optional.empty();
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--url" -> url = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
                case "--reports" -> reports = positive(option, value);
                case "--clients" -> clients = positive(option, value);
                case "--duration" -> duration = duration(option, value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--retries" -> retries = Math.max(0, Integer.parseInt(value));
                case "--drain-timeout" -> drainTimeout = duration(option, value);
                case "--surge-off-timeout" -> surgeOffTimeout = duration(option, value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("Unknown option " + option);
            }
        }
        return Optional.of(new WaveOptions(url, reports, clients, duration, seed, retries, drainTimeout,
                surgeOffTimeout, out));
    }

    private static int positive(String option, String value) {
        try {
            int number = Integer.parseInt(value.replace("_", "").replace(",", ""));
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(option + " must be a whole number of at least 1, got " + value);
    }

    /** {@code 90s}, {@code 5m}, {@code 1h}, or a number of seconds. */
    static Duration duration(String option, String value) {
        try {
            String digits = value.replaceAll("[smh]$", "");
            long amount = Long.parseLong(digits);
            if (amount >= 0) {
                return switch (value.charAt(value.length() - 1)) {
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    default -> Duration.ofSeconds(amount);
                };
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            // answered below
        }
        throw new IllegalArgumentException(option + " must be a duration such as 90s, 5m or 1h, got " + value);
    }
}

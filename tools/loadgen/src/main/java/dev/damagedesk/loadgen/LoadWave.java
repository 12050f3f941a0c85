package dev.damagedesk.loadgen;

import dev.damagedesk.domain.detection.DetectedIncident;
import dev.damagedesk.domain.surge.SurgeMode;
import dev.damagedesk.domain.surge.SurgeState;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code ./load-wave}: sends a wave shaped like the 2022 channel to a running public API, follows it to the end (the
 * queues drained, the emails sent) with a progress bar on stderr, checks the table for every accepted report and
 * prints the final report on stdout; the time series goes to {@code wave.csv} and {@code wave.svg}.
 * Exit 0 when the wave passed (every report accepted, stored once with its token), 1 when not, 2 for bad arguments.
 */
public final class LoadWave {

    static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);

    private final WaveOptions options;
    private final PrintStream progress;
    private final boolean terminal;

    LoadWave(WaveOptions options, PrintStream progress, boolean terminal) {
        this.options = options;
        this.progress = progress;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        Optional<WaveOptions> options;
        try {
            options = WaveOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(WaveOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.isEmpty()) {
            System.out.print(WaveOptions.USAGE);
            return;
        }
        try {
            Result result = new LoadWave(options.get(), System.err, System.console() != null).run();
            System.out.print(result.summary().text(options.get().url().toString(),
                    result.csv() + ", " + result.svg()));
            System.exit(result.summary().passed() ? 0 : 1);
        } catch (IllegalStateException e) {
            System.err.println("load-wave: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The final report and where its time series went. */
    public record Result(WaveSummary summary, List<WaveSample> samples, Path csv, Path svg) {
    }

    public Result run() {
        WaveShape shape = WaveShape.firstDayOf2022(options.reports(), options.duration());
        WaveReports reports = WaveReports.of2022(WaveReports.incident2022(), options.reports(), options.seed());
        WaveTally tally = new WaveTally();
        String runId = Long.toString(System.currentTimeMillis(), 36) + "-" + options.seed();
        WaveClients clients = new WaveClients(options.url(), shape, reports, tally, options.retries(), runId);
        try (LocalDeployment deployment = LocalDeployment.discover(options.url())) {
            Instant waveStart = Instant.now();
            long startNanos = System.nanoTime();
            deployment.startCountingEmails(waveStart.minusSeconds(1));
            Sampler sampler = new Sampler(deployment, tally, clients, startNanos);
            Thread sampling = new Thread(sampler, "wave-sampler");
            sampling.setDaemon(true);
            sampling.start();

            clients.run(options.clients(), startNanos);
            double sendSeconds = (System.nanoTime() - startNanos) / 1e9;
            sampler.sending = false;

            Optional<Duration> drain = awaitDrain(sampler, tally, startNanos);
            Instant lastArrival = waveStart.plusNanos(Math.max(0, tally.lastAcceptedNanos() - startNanos));
            awaitSurgeOff(sampler, lastArrival.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)));
            sampler.stop();
            sampling.join();
            progress.println();

            List<WaveTally.Accepted> accepted = new ArrayList<>();
            tally.acceptedReports().forEach(accepted::add);
            long distinct = accepted.stream().map(WaveTally.Accepted::reportId).distinct().count();
            StorageCheck.Found found = deployment.find(accepted);
            long storedInWindow = deployment.reportsReceivedSince(waveStart.truncatedTo(ChronoUnit.SECONDS).minusSeconds(1));
            StorageCheck storage = new StorageCheck(distinct, found.found(), found.tokenMismatches(), storedInWindow);

            WaveTally.Latencies latencies = tally.acceptedLatencies();
            WaveSummary summary = new WaveSummary(options.reports(), options.clients(), options.duration(), sendSeconds,
                    tally.requests(), tally.accepted(), tally.refusedByStatus(), tally.givenUpByStatus(),
                    tally.transportErrors(), latencies.percentileMillis(50), latencies.percentileMillis(95),
                    latencies.percentileMillis(99), drain, storage, deployment.emailsSent(),
                    deployment.intakeDeadLetters(), waveStart, deployment.surgeStates().switchesSince(waveStart),
                    detectedSince(deployment, waveStart));
            List<WaveSample> samples = List.copyOf(sampler.samples);
            Path csv = options.out().resolve("wave.csv");
            Path svg = options.out().resolve("wave.svg");
            write(samples, csv, svg, summary);
            return new Result(summary, samples, csv, svg);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The drafts first seen during the wave (a wave of a few minutes sees one or none; 20 covers any). */
    private static List<DetectedIncident> detectedSince(LocalDeployment deployment, Instant waveStart) {
        return deployment.detectedIncidents().latest(20).stream()
                .filter(incident -> !incident.firstSeen().isBefore(waveStart.truncatedTo(ChronoUnit.MINUTES)))
                .toList();
    }

    /**
     * Waits until the intake queue is empty (twice in a row: ElasticMQ's counts are approximate too) and the
     * notification queue with it; the drain time runs from the last 202 to the first sample of the empty intake queue.
     */
    private Optional<Duration> awaitDrain(Sampler sampler, WaveTally tally, long startNanos) throws InterruptedException {
        long deadline = System.nanoTime() + options.drainTimeout().toNanos();
        int emptyInARow = 0;
        long intakeEmptyAt = -1;
        while (System.nanoTime() < deadline) {
            WaveSample last = sampler.latest();
            if (last != null && last.seconds() * 1e9 >= (tally.lastAcceptedNanos() - startNanos)) {
                if (last.intakeDepth() == 0) {
                    if (intakeEmptyAt < 0) {
                        intakeEmptyAt = startNanos + (long) (last.seconds() * 1e9);
                    }
                    if (last.notificationDepth() == 0 && ++emptyInARow >= 2) {
                        long lastAccepted = tally.lastAcceptedNanos() == 0 ? startNanos : tally.lastAcceptedNanos();
                        Thread.sleep(SAMPLE_EVERY.toMillis() * 2); // the last emails' store writes
                        return Optional.of(Duration.ofNanos(Math.max(0, intakeEmptyAt - lastAccepted)));
                    }
                } else {
                    intakeEmptyAt = -1;
                    emptyInARow = 0;
                }
            }
            sampler.awaitNext();
        }
        return Optional.empty();
    }

    /**
     * Keeps sampling (up to {@code --surge-off-timeout}) until the surge controller has read the minute of the last
     * {@code 202} (it reads complete minutes only, once a minute) and is not in surge mode, so that the report and the
     * chart show a switch on that comes after the drain and the switch back off, which waits for calm minutes.
     * A controller that has published nothing two minutes after that minute is taken to be absent.
     */
    private void awaitSurgeOff(Sampler sampler, Instant lastArrivalMinuteEnd) throws InterruptedException {
        long deadline = System.nanoTime() + options.surgeOffTimeout().toNanos();
        while (System.nanoTime() < deadline && controllerStillToSettle(sampler.surgeState(), lastArrivalMinuteEnd,
                Instant.now())) {
            sampler.awaitNext();
        }
    }

    /** In surge mode, or not yet run on the wave's last minute, or not yet run at all (for two minutes more). */
    static boolean controllerStillToSettle(Optional<SurgeState> state, Instant lastArrivalMinuteEnd, Instant now) {
        return state.map(published -> published.mode() == SurgeMode.SURGE
                        || published.updatedAt().isBefore(lastArrivalMinuteEnd))
                .orElse(now.isBefore(lastArrivalMinuteEnd.plus(Duration.ofMinutes(2))));
    }

    private static void write(List<WaveSample> samples, Path csv, Path svg, WaveSummary summary) {
        try {
            Files.createDirectories(csv.toAbsolutePath().getParent());
            try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                out.write(WaveSample.CSV_HEADER + "\n");
                for (WaveSample sample : samples) {
                    out.write(sample.csv() + "\n");
                }
            }
            Files.writeString(svg, WaveChart.svg(samples, String.format(Locale.ROOT,
                    "Load wave: %,d reports, %d clients, %,d accepted, %,d lost, %,d duplicated", summary.reports(),
                    summary.clients(), summary.accepted(), summary.storage().lost(), summary.storage().duplicates())),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the time series", e);
        }
    }

    /** Reads the probes once a second into the time series, and draws the progress bar. */
    private final class Sampler implements Runnable {
        private final LocalDeployment deployment;
        private final WaveTally tally;
        private final WaveClients clients;
        private final long startNanos;
        final List<WaveSample> samples = new CopyOnWriteArrayList<>();
        volatile boolean sending = true;
        private volatile boolean running = true;
        private long processed;
        private long intakeDepth;
        private long notificationDepth;
        private long emails;
        private long lastLineNanos;
        private volatile Optional<SurgeState> surgeState = Optional.empty();

        Sampler(LocalDeployment deployment, WaveTally tally, WaveClients clients, long startNanos) {
            this.deployment = deployment;
            this.tally = tally;
            this.clients = clients;
            this.startNanos = startNanos;
        }

        @Override
        public void run() {
            while (running) {
                sample();
                try {
                    Thread.sleep(SAMPLE_EVERY.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void sample() {
            long accepted = tally.accepted();
            String surge = "-";
            try {
                intakeDepth = deployment.intakeDepth();
                notificationDepth = deployment.notificationDepth();
                emails = deployment.emailsSent();
                surgeState = deployment.surgeNow();
                surge = surgeState.map(state -> state.mode().name()).orElse("-");
            } catch (RuntimeException e) {
                // an emulator slow to answer: the sample keeps the last figures
            }
            processed = Math.max(processed, Math.max(0, accepted - intakeDepth));
            WaveSample sample = new WaveSample((System.nanoTime() - startNanos) / 1e9, accepted, tally.answers(429),
                    tally.answers(503), intakeDepth, processed, notificationDepth, emails, surge);
            samples.add(sample);
            synchronized (this) {
                notifyAll();
            }
            drawProgress(sample);
        }

        Optional<SurgeState> surgeState() {
            return surgeState;
        }

        WaveSample latest() {
            return samples.isEmpty() ? null : samples.get(samples.size() - 1);
        }

        synchronized void awaitNext() throws InterruptedException {
            wait(SAMPLE_EVERY.toMillis() * 2);
        }

        void stop() {
            running = false;
        }

        private void drawProgress(WaveSample sample) {
            int total = options.reports();
            int done = clients.finished();
            int width = 30;
            int filled = (int) ((long) width * done / total);
            String line = String.format(Locale.ROOT, "[%s%s] %3d%% %,d/%,d %s | 202 %,d | 429 %,d | 503 %,d | queue %,d"
                            + " | processed %,d | emails %,d | surge %s | %.0f s",
                    "#".repeat(filled), "-".repeat(width - filled), 100L * done / total, done, total,
                    sending ? "sent" : sample.intakeDepth() == 0 ? "sent, drained, watching surge mode" : "sent, draining", sample.accepted(), sample.throttled(), sample.unavailable(),
                    sample.intakeDepth(), sample.processed(), sample.emails(), sample.surge(), sample.seconds());
            if (terminal) {
                progress.print("\r" + line + "  ");
                progress.flush();
            } else if (System.nanoTime() - lastLineNanos >= 10_000_000_000L) {
                progress.println(line);
                lastLineNanos = System.nanoTime();
            }
        }
    }
}

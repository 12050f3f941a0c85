package dev.damagedesk.loadgen;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.damagedesk.domain.identity.TrackingTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The wave's clients: each takes the next report, waits until the {@link WaveShape} says it is due, submits it with
 * its own {@code Idempotency-Key}, and retries a 429 or a 503 after the answer's {@code Retry-After} (another 5xx or a
 * broken connection after a second) with the same key, as the mobile app does, so that a retry never makes a second
 * report. A 4xx other than 429 is final.
 */
public final class WaveClients {

    /** The longest a client waits before a retry, whatever Retry-After says. */
    static final long MAX_RETRY_WAIT_MILLIS = 30_000;

    private final URI submitUri;
    private final WaveShape shape;
    private final WaveReports reports;
    private final WaveTally tally;
    private final int retries;
    private final String runId;
    private final HttpClient http;
    private final AtomicInteger nextReport = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private volatile long startNanos;

    public WaveClients(URI apiUrl, WaveShape shape, WaveReports reports, WaveTally tally, int retries, String runId) {
        this.submitUri = URI.create(apiUrl + "/v1/reports");
        this.shape = shape;
        this.reports = reports;
        this.tally = tally;
        this.retries = retries;
        this.runId = runId;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Reports taken by a client so far (sent or being sent). */
    public int started() {
        return Math.min(nextReport.get(), shape.reports());
    }

    /** Reports done with: accepted or given up. */
    public int finished() {
        return finished.get();
    }

    /** Runs {@code clients} clients until every report is done with; returns when the last one is. */
    public void run(int clients, long waveStartNanos) throws InterruptedException {
        startNanos = waveStartNanos;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(this::sendUntilDone, "wave-client-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private void sendUntilDone() {
        int index;
        while ((index = nextReport.getAndIncrement()) < shape.reports()) {
            String body = WaveReports.body(reports.next());
            long due = startNanos + shape.dueNanos(index);
            try {
                sleepNanos(due - System.nanoTime());
                submit(index, body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                finished.incrementAndGet();
            }
        }
    }

    private void submit(int index, String body) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(submitUri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "wave-" + runId + "-" + index)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        int lastStatus = 0;
        for (int attempt = 0; attempt <= retries; attempt++) {
            long sent = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                tally.transportError();
                sleepNanos(1_000_000_000L);
                continue;
            }
            long answered = System.nanoTime();
            lastStatus = response.statusCode();
            tally.answered(lastStatus, answered - sent);
            if (lastStatus == 202) {
                tally.accepted(accepted(response.body()), answered);
                return;
            }
            if (lastStatus < 500 && lastStatus != 429) {
                break; // a 4xx says the report itself is wrong: the same body would be refused again
            }
            // 429 and 503 say when; another 5xx (a failed function) is retried after a second, as the app does: the
            // Idempotency-Key makes a retry of a report that was queued after all answer the same report
            sleepNanos(retryWaitMillis(response.headers().firstValue("Retry-After").orElse("1")) * 1_000_000L);
        }
        tally.gaveUp(lastStatus);
    }

    /** Retry-After in seconds, with up to 250 ms of jitter so that throttled clients do not come back in step. */
    static long retryWaitMillis(String retryAfter) {
        long seconds;
        try {
            seconds = Math.max(0, Long.parseLong(retryAfter.trim()));
        } catch (NumberFormatException e) {
            seconds = 1;
        }
        return Math.min(MAX_RETRY_WAIT_MILLIS, seconds * 1000 + ThreadLocalRandom.current().nextLong(250));
    }

    private static WaveTally.Accepted accepted(String body) {
        try {
            Map<String, Object> answer = JSON.std.mapFrom(body);
            return new WaveTally.Accepted((String) answer.get("reportId"),
                    TrackingTokens.hash((String) answer.get("trackingToken")));
        } catch (IOException e) {
            throw new IllegalStateException("A 202 without the report's id and token: " + body, e);
        }
    }

    private static void sleepNanos(long nanos) throws InterruptedException {
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    }
}

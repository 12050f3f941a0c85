package dev.damagedesk.loadgen;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the clients saw, counted as they go (thread-safe). Per report only what the storage check needs is kept (its
 * id and token hash, about a hundred bytes), never its body.
 */
public final class WaveTally {

    /** A report the API accepted: what the table must hold for it. */
    public record Accepted(String reportId, String tokenHash) {
    }

    private final LongAdder requests = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder transportErrors = new LongAdder();
    private final Map<Integer, LongAdder> answersByStatus = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> givenUpByStatus = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Accepted> acceptedReports = new ConcurrentLinkedQueue<>();
    private final Latencies acceptedLatencies = new Latencies();
    private volatile long lastAcceptedNanos;

    /** One HTTP answer (a report retried after a 429 has several). */
    void answered(int status, long latencyNanos) {
        requests.increment();
        answersByStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
        if (status == 202) {
            acceptedLatencies.add(latencyNanos);
        }
    }

    void transportError() {
        requests.increment();
        transportErrors.increment();
    }

    void accepted(Accepted report, long atNanos) {
        accepted.increment();
        acceptedReports.add(report);
        lastAcceptedNanos = Math.max(lastAcceptedNanos, atNanos);
    }

    /** A report the client stopped trying to submit, by its last answer ({@code 0}: no answer at all). */
    void gaveUp(int lastStatus) {
        givenUpByStatus.computeIfAbsent(lastStatus, s -> new LongAdder()).increment();
    }

    public long requests() {
        return requests.sum();
    }

    public long accepted() {
        return accepted.sum();
    }

    public long transportErrors() {
        return transportErrors.sum();
    }

    public long answers(int status) {
        LongAdder count = answersByStatus.get(status);
        return count == null ? 0 : count.sum();
    }

    /** Every answer that was not a 202, by status. */
    public Map<Integer, Long> refusedByStatus() {
        Map<Integer, Long> refused = new TreeMap<>();
        answersByStatus.forEach((status, count) -> {
            if (status != 202) {
                refused.put(status, count.sum());
            }
        });
        return refused;
    }

    public Map<Integer, Long> givenUpByStatus() {
        Map<Integer, Long> givenUp = new TreeMap<>();
        givenUpByStatus.forEach((status, count) -> givenUp.put(status, count.sum()));
        return givenUp;
    }

    public Iterable<Accepted> acceptedReports() {
        return acceptedReports;
    }

    public Latencies acceptedLatencies() {
        return acceptedLatencies;
    }

    public long lastAcceptedNanos() {
        return lastAcceptedNanos;
    }

    /** Latencies in nanoseconds, growing in place; percentiles by nearest rank. */
    public static final class Latencies {
        private long[] values = new long[1024];
        private int size;

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        public synchronized int count() {
            return size;
        }

        /** The nearest-rank percentile in milliseconds ({@code p} from 0 to 100); 0 when there is none. */
        public synchronized double percentileMillis(double p) {
            if (size == 0) {
                return 0;
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * size);
            return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
        }
    }
}

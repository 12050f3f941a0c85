package dev.damagedesk.application.memory;

import dev.damagedesk.application.port.Measurements;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link Measurements} kept in memory: what each outcome was counted as, for use-case tests. */
public final class InMemoryMeasurements implements Measurements {

    private final Map<String, Integer> counts = new TreeMap<>();
    private final List<Duration> lags = new ArrayList<>();

    /**
     * @param outcome the method's name, with its argument after a colon when it takes one:
     *                {@code "reportAccepted"}, {@code "reportRefused:required"}, {@code "decided:paid-subscription.extension-3x"}
     */
    public synchronized int count(String outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    /** Every outcome counted so far, by {@link #count} key. */
    public synchronized Map<String, Integer> counts() {
        return Map.copyOf(counts);
    }

    /** The processing lags of the reports stored, in the order they were stored. */
    public synchronized List<Duration> lags() {
        return List.copyOf(lags);
    }

    private synchronized void add(String outcome) {
        counts.merge(outcome, 1, Integer::sum);
    }

    @Override
    public void reportAccepted() {
        add("reportAccepted");
    }

    @Override
    public void reportRefused(String reason) {
        add("reportRefused:" + reason);
    }

    @Override
    public synchronized void reportStored(Duration sinceReceipt) {
        add("reportStored");
        lags.add(sinceReceipt);
    }

    @Override
    public void duplicateLinked() {
        add("duplicateLinked");
    }

    @Override
    public void decided(String ruleId) {
        add("decided:" + ruleId);
    }

    @Override
    public void emailSent() {
        add("emailSent");
    }

    @Override
    public void emailDeferred() {
        add("emailDeferred");
    }
}

package dev.damagedesk.adapters.lambda;

import dev.damagedesk.application.port.Measurements;
import java.time.Duration;
import java.util.Objects;

/**
 * {@link Measurements} for records handled concurrently ({@link SqsBatch#concurrently}): every call under one lock, as
 * {@link PowertoolsTelemetry} is not thread-safe. Its flush at the invocation's end runs after the batch's records.
 */
public final class SynchronizedMeasurements implements Measurements {

    private final Measurements measurements;

    public SynchronizedMeasurements(Measurements measurements) {
        this.measurements = Objects.requireNonNull(measurements, "measurements");
    }

    @Override
    public synchronized void reportAccepted() {
        measurements.reportAccepted();
    }

    @Override
    public synchronized void reportRefused(String reason) {
        measurements.reportRefused(reason);
    }

    @Override
    public synchronized void reportStored(Duration sinceReceipt) {
        measurements.reportStored(sinceReceipt);
    }

    @Override
    public synchronized void duplicateLinked() {
        measurements.duplicateLinked();
    }

    @Override
    public synchronized void decided(String ruleId) {
        measurements.decided(ruleId);
    }

    @Override
    public synchronized void emailSent() {
        measurements.emailSent();
    }

    @Override
    public synchronized void emailDeferred() {
        measurements.emailDeferred();
    }
}

package dev.damagedesk.loadgen;

import dev.damagedesk.replay.PopulationGenerator;
import java.time.Duration;

/**
 * When each report of the wave is due: the 2022 channel's first-day curve (reports per hour of the day, Korean time,
 * from midnight: quiet at night, a sharp rise in the morning, the plateau of the day, the evening's fall) compressed
 * into the wave's duration. The rate is constant within each of the day's hours; report {@code i} of {@code n} is due
 * when the curve's cumulative share reaches {@code i / n}.
 */
public final class WaveShape {

    private final double[] cumulative; // cumulative[k]: share of the reports due before slice k; cumulative[slices] = 1
    private final double[] shares;
    private final int reports;
    private final long durationNanos;

    public WaveShape(double[] weights, int reports, Duration duration) {
        if (weights.length == 0 || reports < 1) {
            throw new IllegalArgumentException("a curve of at least one slice and at least one report");
        }
        double total = 0;
        for (double weight : weights) {
            if (weight <= 0) {
                throw new IllegalArgumentException("every slice of the curve must have a weight above 0");
            }
            total += weight;
        }
        this.shares = new double[weights.length];
        this.cumulative = new double[weights.length + 1];
        for (int k = 0; k < weights.length; k++) {
            shares[k] = weights[k] / total;
            cumulative[k + 1] = cumulative[k] + shares[k];
        }
        cumulative[weights.length] = 1;
        this.reports = reports;
        this.durationNanos = duration.toNanos();
    }

    /** The 2022 channel's first day, compressed into {@code duration}. */
    public static WaveShape firstDayOf2022(int reports, Duration duration) {
        return new WaveShape(PopulationGenerator.hourWeights(), reports, duration);
    }

    public int reports() {
        return reports;
    }

    public int slices() {
        return shares.length;
    }

    /** Nanoseconds after the wave's start at which report {@code index} (from 0) is due. */
    public long dueNanos(int index) {
        if (index < 0 || index >= reports) {
            throw new IndexOutOfBoundsException(index);
        }
        if (durationNanos == 0) {
            return 0;
        }
        double share = (double) index / reports;
        int slice = 0;
        while (slice < shares.length - 1 && cumulative[slice + 1] <= share) {
            slice++;
        }
        double within = (share - cumulative[slice]) / shares[slice];
        return (long) ((slice + within) / shares.length * durationNanos);
    }

    /** The rate the curve asks for in a slice, in reports per second. */
    public double ratePerSecond(int slice) {
        double sliceSeconds = durationNanos / 1e9 / shares.length;
        return sliceSeconds == 0 ? Double.POSITIVE_INFINITY : shares[slice] * reports / sliceSeconds;
    }
}

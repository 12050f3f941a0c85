package dev.damagedesk.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.damagedesk.replay.PopulationGenerator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WaveShapeTest {

    @Test
    void eachHourOfTheFirstDayGetsItsShareOfTheReportsInItsSliceOfTheWave() {
        int reports = 24_000;
        Duration duration = Duration.ofSeconds(240); // ten seconds per hour of the day
        WaveShape shape = WaveShape.firstDayOf2022(reports, duration);
        double[] weights = PopulationGenerator.hourWeights();
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        int[] perSlice = new int[24];
        long previous = -1;
        for (int i = 0; i < reports; i++) {
            long due = shape.dueNanos(i);
            assertThat(due).as("report %d is due no earlier than the one before", i).isGreaterThanOrEqualTo(previous);
            assertThat(due).isLessThan(duration.toNanos());
            previous = due;
            perSlice[(int) (due / 10_000_000_000L)]++;
        }
        for (int hour = 0; hour < 24; hour++) {
            assertThat((double) perSlice[hour]).as("hour %d", hour).isCloseTo(reports * weights[hour] / total, within(1.0));
            assertThat(shape.ratePerSecond(hour)).isCloseTo(reports * weights[hour] / total / 10, within(1e-6));
        }
    }

    @Test
    void theCurveRisesSharplyInTheMorningAndTheFirstReportIsDueAtOnce() {
        WaveShape shape = WaveShape.firstDayOf2022(1_000, Duration.ofSeconds(24));
        assertThat(shape.dueNanos(0)).isZero();
        double night = shape.ratePerSecond(3);
        double morning = shape.ratePerSecond(9);
        assertThat(morning / night).isEqualTo(7.0);
    }

    @Test
    void anUnpacedWaveHasEveryReportDueAtTheStart() {
        WaveShape shape = WaveShape.firstDayOf2022(50, Duration.ZERO);
        for (int i = 0; i < 50; i++) {
            assertThat(shape.dueNanos(i)).isZero();
        }
    }
}

package dev.damagedesk.domain.surge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcessorSizingTest {

    /** 1,000 writes/s, 2 writes a report, normal 10, at most 200. */
    private final ProcessorSizing sizing = new ProcessorSizing(1_000, 2, 10, 200);

    @Test
    void theBudgetDividedByWhatOneInstanceWritesIsTheConcurrency() {
        // 10 instances drained 1,500/min: 2.5 reports/s each, 5 writes/s each: 1,000 / 5 = 200
        assertThat(sizing.surgeConcurrency(1_500, 10)).isEqualTo(200);
        // 10 instances drained 6,000/min: 10 reports/s each, 20 writes/s: 50
        assertThat(sizing.surgeConcurrency(6_000, 10)).isEqualTo(50);
    }

    @Test
    void theConcurrencyStaysBetweenTheNormalSettingAndTheCeiling() {
        assertThat(sizing.surgeConcurrency(600, 10)).as("1 report/s an instance: 500 allowed").isEqualTo(200);
        assertThat(sizing.surgeConcurrency(600_000, 10)).as("1,000 reports/s an instance: 0 allowed").isEqualTo(10);
        assertThat(sizing.surgeConcurrency(0, 10)).as("nothing measured yet").isEqualTo(200);
    }

    @Test
    void settingsLambdaWouldRefuseAreRefused() {
        assertThatThrownBy(() -> new ProcessorSizing(1_000, 2, 1, 200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProcessorSizing(1_000, 2, 10, 1_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProcessorSizing(1_000, 2, 20, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.damagedesk.domain.intake;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessingEstimateTest {

    @ParameterizedTest(name = "[{index}] {0} queued at {1}/min -> {2} min")
    @CsvSource({
            "0,      10,  1",
            "1,      10,  2",
            "10,     10,  2",
            "11,     10,  3",
            "45000,  100, 451",
            "100,    1,   101",
    })
    void isTheQueueRoundedUpToMinutesPlusOne(long queued, int perMinute, long expectedMinutes) {
        assertThat(ProcessingEstimate.expectedProcessingTime(queued, perMinute))
                .isEqualTo(Duration.ofMinutes(expectedMinutes));
    }

    @Test
    void rejectsImpossibleInputs() {
        assertThatThrownBy(() -> ProcessingEstimate.expectedProcessingTime(-1, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessingEstimate.expectedProcessingTime(10, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessingEstimate.expectedProcessingTime(10, -5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.damagedesk.domain.incident;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutageWindowTest {

    private static final Instant DOWN = Instant.parse("2022-10-15T06:30:00Z");
    private static final Instant RESTORED = Instant.parse("2022-10-16T06:00:00Z");
    private static final OutageWindow OUTAGE = new OutageWindow(DOWN, RESTORED);

    /**
     * Offsets in minutes from DOWN; RESTORED is at 1,410. A period ending exactly when the outage starts or
     * starting exactly when the service is back shares no time with it; an instant inside it overlaps for no time.
     */
    @ParameterizedTest(name = "[{index}] report {0}..{1} min -> overlap {2}..{3}")
    @CsvSource({
            "-600, 0,     ,     ",
            "1410, 1600,  ,     ",
            "-600, -1,    ,     ",
            "1411, 1600,  ,     ",
            "-600, 1,     0,    1",
            "1409, 1600,  1409, 1410",
            "-600, 3000,  0,    1410",
            "0,    1410,  0,    1410",
            "100,  200,   100,  200",
            "830,  2000,  830,  1410",
            "100,  100,   100,  100",
            "0,    0,     0,    0",
            "1410, 1410,  ,     ",
    })
    void theOverlapIsTheSharedTimeOnly(long from, long to, Long overlapFrom, Long overlapTo) {
        var overlap = OUTAGE.overlap(DOWN.plus(Duration.ofMinutes(from)), DOWN.plus(Duration.ofMinutes(to)));

        if (overlapFrom == null) {
            assertThat(overlap).isEmpty();
        } else {
            assertThat(overlap).contains(new OutageWindow(DOWN.plus(Duration.ofMinutes(overlapFrom)),
                    DOWN.plus(Duration.ofMinutes(overlapTo))));
        }
    }

    @Test
    void aPeriodRunningBackwardsIsRefused() {
        assertThatThrownBy(() -> OUTAGE.overlap(RESTORED, DOWN)).isInstanceOf(IllegalArgumentException.class);
    }
}

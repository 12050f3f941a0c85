package dev.damagedesk.application.notice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.application.memory.InMemorySendingSlots;
import dev.damagedesk.application.memory.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Notifier instances sharing one rate, on a clock that moves only when an instance waits. */
class EmailPaceTest {

    private static final Instant START = Instant.parse("2022-10-15T07:00:00.250Z");

    private final ManualClock clock = new ManualClock(START);
    private final InMemorySendingSlots slots = new InMemorySendingSlots(5);

    private EmailPace pace(Duration maxWait) {
        return new EmailPace(slots, clock, clock::advance, maxWait);
    }

    @Test
    void instancesTogetherNeverTakeMoreThanTheRateInASecondAndNSendsAtRateRSpanNOverRSeconds() {
        List<EmailPace> instances = List.of(pace(Duration.ofSeconds(30)), pace(Duration.ofSeconds(30)),
                pace(Duration.ofSeconds(30)));
        List<Instant> sentAt = new ArrayList<>();
        for (int notice = 0; notice < 23; notice++) {
            assertThat(instances.get(notice % 3).awaitSlot()).isTrue();
            sentAt.add(clock.instant());
        }

        assertThat(slots.takenIn().values()).allSatisfy(taken -> assertThat(taken).isLessThanOrEqualTo(5));
        assertThat(slots.takenIn().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(23);
        // 23 at 5 a second: five seconds of the clock; the first began 0.25 s in, so the last goes 4 s later
        assertThat(slots.takenIn()).hasSize(5);
        assertThat(Duration.between(sentAt.get(0), sentAt.get(22))).isEqualTo(Duration.ofMillis(3_750));
    }

    @Test
    void withoutASlotWithinTheWaitTheNoticeIsDeferredAndTakesNothing() {
        EmailPace patient = pace(Duration.ofSeconds(2));
        for (int i = 0; i < 5; i++) {
            slots.take(START.getEpochSecond() + 1);
            slots.take(START.getEpochSecond() + 2);
        }
        for (int i = 0; i < 5; i++) {
            assertThat(patient.awaitSlot()).isTrue();
        }

        assertThat(patient.awaitSlot()).as("the next two seconds are full too").isFalse();
        assertThat(clock.instant()).isEqualTo(Instant.ofEpochSecond(START.getEpochSecond() + 2));
        assertThat(slots.takenIn().values()).containsOnly(5);
    }
}

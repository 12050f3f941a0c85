package dev.damagedesk.localruntime.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.localaws.emulator.LocalAws;
import dev.damagedesk.localruntime.faults.FaultInjection.FunctionFailure;
import dev.damagedesk.localruntime.faults.FaultInjection.Service;
import dev.damagedesk.localruntime.faults.FaultInjection.ServiceFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

    private final MutableClock clock = new MutableClock();
    private final List<String> restarts = new ArrayList<>();
    private final FaultInjection faults = new FaultInjection(
            (emulator, downtime) -> restarts.add(emulator + " " + downtime.toSeconds()), 42, clock);

    @Test
    void nothingStrikesUntilAFaultIsSet() {
        assertThat(faults.functionFailure("ProcessorFunction")).isEmpty();
        assertThat(faults.duplicatesOf(List.of(1, 2, 3))).isEmpty();
        assertThat(faults.latency(Service.DYNAMODB)).isZero();
        assertThat(faults.serviceFailure(Service.SES)).isEmpty();
        assertThat(faults.struck()).isEmpty();
    }

    @Test
    void aFunctionFaultStrikesAboutItsShareOfInvocationsOfThatFunctionOnlyUntilItEnds() {
        faults.failFunction("ProcessorFunction", 25, FunctionFailure.TIMEOUT, Duration.ofMinutes(1));

        long struck = IntStream.range(0, 4_000).filter(i -> faults.functionFailure("ProcessorFunction").isPresent()).count();

        assertThat(struck).isBetween(800L, 1_200L);
        assertThat(faults.functionFailure("IntakeFunction")).isEmpty();
        assertThat(faults.struck()).containsEntry("functions.ProcessorFunction.timeout", struck);
        clock.advance(Duration.ofMinutes(1));
        assertThat(IntStream.range(0, 100).filter(i -> faults.functionFailure("ProcessorFunction").isPresent()).count())
                .as("after its duration").isZero();
    }

    @Test
    void oneHundredPercentStrikesEveryTimeAndTheSeedRepeatsTheDecisions() {
        faults.failFunction("IntakeFunction", 100, FunctionFailure.THROW, Duration.ofSeconds(5));
        assertThat(IntStream.range(0, 50).allMatch(i -> faults.functionFailure("IntakeFunction")
                .equals(Optional.of(FunctionFailure.THROW)))).isTrue();

        FaultInjection again = new FaultInjection((e, d) -> { }, 42, clock);
        FaultInjection same = new FaultInjection((e, d) -> { }, 42, clock);
        again.duplicateDeliveries(30, Duration.ofMinutes(1));
        same.duplicateDeliveries(30, Duration.ofMinutes(1));
        List<Integer> batch = IntStream.range(0, 200).boxed().toList();
        assertThat(again.duplicatesOf(batch)).isEqualTo(same.duplicatesOf(batch)).isNotEmpty().hasSizeLessThan(200);
    }

    @Test
    void duplicatesArePickedFromTheBatchAndCounted() {
        faults.duplicateDeliveries(100, Duration.ofSeconds(10));

        assertThat(faults.duplicatesOf(List.of("a", "b"))).containsExactly("a", "b");
        assertThat(faults.struck()).containsEntry("sqs.duplicateDeliveries", 2L);
    }

    @Test
    void aServiceCanBeSlowAndFailingAtOnceAndEachFaultEndsWithItsDuration() {
        faults.delayService(Service.DYNAMODB, Duration.ofMillis(150), Duration.ofSeconds(30));
        faults.failService(Service.DYNAMODB, ServiceFailure.THROTTLE, Duration.ofSeconds(10));

        assertThat(faults.latency(Service.DYNAMODB)).isEqualTo(Duration.ofMillis(150));
        assertThat(faults.serviceFailure(Service.DYNAMODB)).contains(ServiceFailure.THROTTLE);
        assertThat(faults.serviceFailure(Service.SES)).isEmpty();
        clock.advance(Duration.ofSeconds(10));
        assertThat(faults.serviceFailure(Service.DYNAMODB)).as("after its 10 s").isEmpty();
        assertThat(faults.latency(Service.DYNAMODB)).as("its own 30 s are not over").isEqualTo(Duration.ofMillis(150));
        clock.advance(Duration.ofSeconds(20));
        assertThat(faults.latency(Service.DYNAMODB)).isZero();
        assertThat(faults.struck()).containsEntry("dynamodb.delayed", 2L).containsEntry("dynamodb.throttle", 1L);
    }

    @Test
    void clearEndsEveryFaultAndTheCountsStay() {
        faults.failFunction("IntakeFunction", 100, FunctionFailure.THROW, Duration.ofSeconds(5));
        faults.duplicateDeliveries(100, Duration.ofSeconds(5));
        faults.failService(Service.SES, ServiceFailure.FAIL, Duration.ofSeconds(5));
        faults.functionFailure("IntakeFunction");

        assertThat(faults.describe().get("active")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsOnlyKeys("function:IntakeFunction", "duplicate-deliveries", "service:ses");
        faults.clear();

        assertThat(faults.functionFailure("IntakeFunction")).isEmpty();
        assertThat(faults.duplicatesOf(List.of(1))).isEmpty();
        assertThat(faults.serviceFailure(Service.SES)).isEmpty();
        assertThat(faults.describe()).containsEntry("active", Map.of()).containsEntry("seed", 42L);
        assertThat(faults.struck()).containsEntry("functions.IntakeFunction.throw", 1L);
    }

    @Test
    void aRestartIsHandedToTheEmulatorsAndCounted() {
        faults.restart(LocalAws.Restartable.SQS, Duration.ofSeconds(3));

        assertThat(restarts).containsExactly("SQS 3");
        assertThat(faults.struck()).containsEntry("restarts.sqs", 1L);
    }

    @Test
    void outOfRangeFaultsAreRefused() {
        assertThatThrownBy(() -> faults.failFunction("F", 101, FunctionFailure.THROW, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("percent");
        assertThatThrownBy(() -> faults.duplicateDeliveries(10, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 s to 1 h");
        assertThatThrownBy(() -> faults.delayService(Service.SES, Duration.ofMinutes(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latency");
        assertThatThrownBy(() -> faults.restart(LocalAws.Restartable.SES, Duration.ofMinutes(6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("downtime");
        assertThat(restarts).isEmpty();
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-04T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

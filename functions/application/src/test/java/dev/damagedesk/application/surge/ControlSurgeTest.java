package dev.damagedesk.application.surge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.application.audit.AuditOperations;
import dev.damagedesk.application.memory.InMemoryOperationsTrail;
import dev.damagedesk.application.memory.InMemorySurgeStates;
import dev.damagedesk.application.memory.InMemoryTrafficTallies;
import dev.damagedesk.application.port.OperationsTrail;
import dev.damagedesk.application.port.ProcessorScaling;
import dev.damagedesk.domain.audit.OperationAction;
import dev.damagedesk.domain.audit.OperationChain;
import dev.damagedesk.domain.audit.OperationEntry;
import dev.damagedesk.domain.surge.ProcessorSizing;
import dev.damagedesk.domain.surge.SurgeMode;
import dev.damagedesk.domain.surge.SurgePolicy;
import dev.damagedesk.domain.surge.SurgeState;
import dev.damagedesk.domain.surge.SurgeSwitch;
import dev.damagedesk.domain.surge.SurgeThresholds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A wave, minute by minute, through the controller with in-memory tallies and states. */
class ControlSurgeTest {

    private static final Instant START = Instant.parse("2022-10-15T06:00:00Z");
    private static final SurgeThresholds THRESHOLDS = new SurgeThresholds(5_000, 500, Duration.ofSeconds(300),
            Duration.ofSeconds(60), 3_000, 1_000, 3);

    private final InMemoryTrafficTallies tallies = new InMemoryTrafficTallies();
    private final InMemorySurgeStates states = new InMemorySurgeStates();
    private final RecordingScaling scaling = new RecordingScaling();
    private long backlog;
    /** 1,000 writes/s, 2 a report, normal 10, at most 100. */
    private final InMemoryOperationsTrail operations = new InMemoryOperationsTrail();
    private final ControlSurge control = new ControlSurge(tallies, () -> backlog, scaling, states,
            new SurgePolicy(THRESHOLDS), new ProcessorSizing(1_000, 2, 10, 100), 600, 14.0,
            new AuditOperations(operations));

    private static final class RecordingScaling implements ProcessorScaling {
        int concurrency = 10;
        final List<Integer> updates = new ArrayList<>();

        @Override
        public int maximumConcurrency() {
            return concurrency;
        }

        @Override
        public void setMaximumConcurrency(int concurrency) {
            this.concurrency = concurrency;
            updates.add(concurrency);
        }
    }

    private void minuteOf(int minute, long arrivals, long processed, long waitSeconds) {
        Instant at = START.plusSeconds(60L * minute);
        tallies.addArrivals(at, Map.of("taxi", arrivals));
        tallies.addProcessed(at, processed, Duration.ofSeconds(waitSeconds));
    }

    @Test
    void quietTrafficStaysNormalAndQuotesFromTheMeasuredDrainRate() {
        for (int minute = 0; minute < 3; minute++) {
            minuteOf(minute, 100, 120, 4);
        }
        backlog = 250;

        ControlSurge.Outcome outcome = control.run(START.plusSeconds(3 * 60 + 5));

        assertThat(outcome.state().mode()).isEqualTo(SurgeMode.NORMAL);
        assertThat(outcome.switched()).isEmpty();
        // 250 waiting at the measured 120/min: 3 minutes (rounded up), plus one for the report itself
        assertThat(outcome.state().expectedProcessing()).isEqualTo(Duration.ofMinutes(4));
        assertThat(states.current()).contains(outcome.state());
        assertThat(scaling.updates).as("already at the normal setting").isEmpty();
    }

    @Test
    void withNothingMeasuredTheQuoteFallsBackOnTheConfiguredRate() {
        backlog = 1_200;

        ControlSurge.Outcome outcome = control.run(START.plusSeconds(30));

        // 1,200 at the configured 600/min: 2 minutes, plus one
        assertThat(outcome.state().expectedProcessing()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void aWaveSwitchesSurgeOnSizesTheProcessorAndSwitchesOffAfterTheCalmMinutes() {
        minuteOf(0, 200, 200, 3);
        minuteOf(1, 6_000, 1_500, 40);
        backlog = 4_500;
        Instant secondRun = START.plusSeconds(2 * 60 + 1);

        ControlSurge.Outcome on = control.run(secondRun);

        assertThat(on.state().mode()).isEqualTo(SurgeMode.SURGE);
        assertThat(on.state().since()).isEqualTo(secondRun);
        // drain over the last 3 minutes (0 + 200 + 1,500) / 3 = 566/min over 10 instances: 0.94 reports/s each,
        // 1.89 writes/s: 1,000 / 1.89 = 530, capped at 100
        assertThat(on.processorConcurrency()).isEqualTo(100);
        assertThat(scaling.updates).containsExactly(100);
        SurgeSwitch recorded = states.switchesSince(START).get(0);
        assertThat(recorded).isEqualTo(new SurgeSwitch(secondRun, SurgeMode.SURGE, "arrivals 6000/min >= 3000/min",
                6_000, 566, 4_500, Duration.ofSeconds(40), 100, 14.0));

        // the wave goes on, then ebbs: calm for 3 minutes with a small backlog
        minuteOf(2, 4_000, 5_000, 200);
        minuteOf(3, 900, 2_000, 50);
        minuteOf(4, 300, 600, 20);
        backlog = 2_000;
        ControlSurge.Outcome stillSurging = control.run(START.plusSeconds(5 * 60 + 1));
        assertThat(stillSurging.state().mode()).isEqualTo(SurgeMode.SURGE);
        assertThat(stillSurging.state().since()).as("since the switch, not this run").isEqualTo(secondRun);
        assertThat(stillSurging.switched()).isEmpty();

        minuteOf(5, 200, 300, 5);
        backlog = 40;
        ControlSurge.Outcome off = control.run(START.plusSeconds(6 * 60 + 1));

        assertThat(off.state().mode()).isEqualTo(SurgeMode.NORMAL);
        assertThat(off.processorConcurrency()).isEqualTo(10);
        assertThat(scaling.concurrency).isEqualTo(10);
        assertThat(states.switchesSince(START)).extracting(SurgeSwitch::to)
                .containsExactly(SurgeMode.SURGE, SurgeMode.NORMAL);
        assertThat(states.switchesSince(START).get(1).reason()).startsWith("for 3 minutes arrivals < 1000/min");

        // each switch is in the operations trail too, by the controller, with its figures, as one chain
        List<OperationEntry> trail = operations.latest(10);
        assertThat(trail).extracting(OperationEntry::action)
                .containsExactly(OperationAction.SURGE_ON, OperationAction.SURGE_OFF);
        assertThat(trail).extracting(OperationEntry::actor).containsOnly(ControlSurge.CONTROLLER);
        assertThat(trail.get(0).at()).isEqualTo(secondRun);
        assertThat(trail.get(0).subject()).isEqualTo("surge:" + secondRun);
        assertThat(trail.get(0).detail()).isEqualTo("arrivals 6000/min >= 3000/min; arrivals 6000/min, processed"
                + " 566/min, backlog 4500, oldest wait 40 s; processor MaximumConcurrency 100, emails 14.0/s");
        assertThat(OperationChain.verify(trail).intact()).isTrue();
    }

    @Test
    void aRunWhoseTrailEntryFailsPublishesNoSwitchAndTheNextRunRecordsItEverywhere() {
        OperationsTrail failingOnce = operations.failingFirstAppend();
        ControlSurge controlling = new ControlSurge(tallies, () -> backlog, scaling, states,
                new SurgePolicy(THRESHOLDS), new ProcessorSizing(1_000, 2, 10, 100), 600, 14.0,
                new AuditOperations(failingOnce));
        minuteOf(0, 9_000, 100, 10);

        assertThatThrownBy(() -> controlling.run(START.plusSeconds(61))).hasMessage("audit table unavailable");
        assertThat(states.switchesSince(START)).as("no switch without its trail entry").isEmpty();
        assertThat(states.current()).as("and no published mode").isEmpty();

        minuteOf(1, 9_000, 100, 10);
        ControlSurge.Outcome retried = controlling.run(START.plusSeconds(121));

        assertThat(retried.state().mode()).isEqualTo(SurgeMode.SURGE);
        assertThat(states.switchesSince(START)).singleElement().extracting(SurgeSwitch::at)
                .isEqualTo(START.plusSeconds(121));
        assertThat(operations.latest(10)).singleElement().extracting(OperationEntry::subject)
                .isEqualTo("surge:" + START.plusSeconds(121));
    }

    @Test
    void aSecondRunInTheSameMinuteRecordsNoSecondSwitch() {
        minuteOf(0, 9_000, 100, 10);
        Instant first = START.plusSeconds(61);

        control.run(first);
        control.run(first.plusSeconds(20));

        assertThat(states.switchesSince(START)).hasSize(1);
        assertThat(operations.latest(10)).hasSize(1);
        SurgeState state = states.current().orElseThrow();
        assertThat(state.since()).isEqualTo(first);
        assertThat(state.updatedAt()).isEqualTo(first.plusSeconds(20));
    }
}

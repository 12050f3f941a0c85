package dev.damagedesk.application.surge;

import dev.damagedesk.application.audit.AuditOperations;
import dev.damagedesk.application.port.ProcessorScaling;
import dev.damagedesk.application.port.QueueBacklog;
import dev.damagedesk.application.port.SurgeStates;
import dev.damagedesk.application.port.TrafficTallies;
import dev.damagedesk.domain.audit.OperationAction;
import dev.damagedesk.domain.intake.ProcessingEstimate;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.surge.ProcessorSizing;
import dev.damagedesk.domain.surge.SurgeMode;
import dev.damagedesk.domain.surge.SurgePolicy;
import dev.damagedesk.domain.surge.SurgeReading;
import dev.damagedesk.domain.surge.SurgeState;
import dev.damagedesk.domain.surge.SurgeSwitch;
import dev.damagedesk.domain.traffic.MinuteTraffic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One surge-controller run (every minute, and when the intake queue's alarm changes state): reads the last complete
 * minutes of traffic and the intake backlog, decides the mode ({@link SurgePolicy}), sizes the processor's event
 * source for it ({@link ProcessorSizing}), publishes the expected processing time and records a switch (on the
 * dashboard's switch list and in the operations trail). A run is
 * idempotent for its minute: two runs in one minute (the schedule and an alarm) see the same figures.
 */
public final class ControlSurge {

    /** Minutes read for the drain rate when the calm window is shorter. */
    static final int DRAIN_MINUTES = 3;

    /** What the run saw and did. */
    public record Outcome(SurgeState state, SurgeReading reading, int processorConcurrency,
                          Optional<SurgeSwitch> switched) {
    }

    private final TrafficTallies tallies;
    private final QueueBacklog backlog;
    private final ProcessorScaling scaling;
    private final SurgeStates states;
    private final SurgePolicy policy;
    private final ProcessorSizing sizing;
    private final int configuredReportsPerMinute;
    private final double emailsPerSecond;
    private final AuditOperations operations;

    /** Who switches, in the operations trail. */
    public static final Actor CONTROLLER = Actor.function("SurgeControllerFunction");

    /**
     * @param configuredReportsPerMinute the template's processing rate, the quote's basis while nothing is measured
     * @param emailsPerSecond            the SES send rate the notifiers are paced to (recorded with each switch)
     */
    public ControlSurge(TrafficTallies tallies, QueueBacklog backlog, ProcessorScaling scaling, SurgeStates states,
                        SurgePolicy policy, ProcessorSizing sizing, int configuredReportsPerMinute,
                        double emailsPerSecond, AuditOperations operations) {
        this.tallies = tallies;
        this.backlog = backlog;
        this.scaling = scaling;
        this.states = states;
        this.policy = policy;
        this.sizing = sizing;
        this.configuredReportsPerMinute = configuredReportsPerMinute;
        this.emailsPerSecond = emailsPerSecond;
        this.operations = operations;
    }

    public Outcome run(Instant now) {
        Instant thisMinute = MinuteTraffic.startOf(now);
        int window = Math.max(policy.thresholds().calmMinutes(), DRAIN_MINUTES);
        List<SurgeReading.Minute> minutes = tallies.minutes(thisMinute.minusSeconds(60L * window), thisMinute).stream()
                .map(minute -> new SurgeReading.Minute(minute.arrivals(), minute.processed(), minute.longestWait()))
                .toList();
        SurgeReading reading = new SurgeReading(backlog.reports(), minutes);
        Optional<SurgeState> before = states.current();
        SurgeMode mode = before.map(SurgeState::mode).orElse(SurgeMode.NORMAL);
        SurgePolicy.Decision decision = policy.decide(mode, reading);

        long drain = drainPerMinute(minutes);
        int current = scaling.maximumConcurrency();
        int wanted = decision.mode() == SurgeMode.SURGE ? sizing.surgeConcurrency(drain, current)
                : sizing.normalConcurrency();
        if (wanted != current) {
            scaling.setMaximumConcurrency(wanted);
        }

        Instant since = decision.switched() || before.isEmpty() ? now : before.get().since();
        Duration expected = ProcessingEstimate.expectedProcessingTime(reading.backlog(),
                (int) Math.min(Integer.MAX_VALUE, drain > 0 ? drain : configuredReportsPerMinute));
        SurgeState state = new SurgeState(decision.mode(), since, expected, now);
        Optional<SurgeSwitch> switched = decision.switchReason().map(reason -> new SurgeSwitch(now, decision.mode(),
                reason, reading.arrivalsPerMinute(), drain, reading.backlog(), reading.oldestWait(), wanted,
                emailsPerSecond));
        // the trail, then the switch, then the state: a published mode never lacks its switch record, a listed switch
        // never lacks its trail entry (a run dying in between is simply repeated next minute)
        switched.ifPresent(change -> {
            operations.record(change.at(), CONTROLLER, change.to() == SurgeMode.SURGE ? OperationAction.SURGE_ON
                    : OperationAction.SURGE_OFF, subjectOf(change), detailOf(change));
            states.recordSwitch(change);
        });
        states.publish(state);
        return new Outcome(state, reading, wanted, switched);
    }

    /** A switch's subject in the operations trail: one per switch, as its record on the dashboard is. */
    static String subjectOf(SurgeSwitch change) {
        return "surge:" + change.at();
    }

    /** The figures behind a switch, as staff read them in the trail. */
    static String detailOf(SurgeSwitch change) {
        return String.format(java.util.Locale.ROOT, "%s; arrivals %d/min, processed %d/min, backlog %d, oldest wait %d s;"
                        + " processor MaximumConcurrency %d, emails %.1f/s", change.reason(), change.arrivalsPerMinute(),
                change.processedPerMinute(), change.backlog(), change.oldestWait().toSeconds(),
                change.processorConcurrency(), change.emailsPerSecond());
    }

    /** The measured drain rate: the recent complete minutes' average, over the drain window. */
    private static long drainPerMinute(List<SurgeReading.Minute> minutes) {
        List<SurgeReading.Minute> recent = minutes.subList(Math.max(0, minutes.size() - DRAIN_MINUTES), minutes.size());
        return recent.isEmpty() ? 0 : recent.stream().mapToLong(SurgeReading.Minute::processed).sum() / recent.size();
    }
}

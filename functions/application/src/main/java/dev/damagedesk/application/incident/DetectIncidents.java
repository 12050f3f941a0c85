package dev.damagedesk.application.incident;

import dev.damagedesk.application.port.DetectedIncidents;
import dev.damagedesk.application.port.TrafficTallies;
import dev.damagedesk.domain.detection.DetectedIncident;
import dev.damagedesk.domain.detection.DetectionRule;
import dev.damagedesk.domain.detection.ServiceSpike;
import dev.damagedesk.domain.traffic.MinuteTraffic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One detection run (every minute, from the surge controller): reads the last complete minutes' arrivals by
 * service, and when a service rises sharply ({@link DetectionRule}) opens one draft incident, or extends the open
 * one; when the open one's services have not risen for the recent window, its episode ends. Idempotent per run: the
 * same minute run twice finds the same spikes and writes nothing the second time.
 */
public final class DetectIncidents {

    public enum Outcome {
        /** Nothing rising and nothing open. */
        QUIET,
        CREATED,
        EXTENDED,
        /** The open incident already has what this run saw (a repeated run), or it waits out its grace window. */
        UNCHANGED,
        /** The open incident's episode ended. */
        ENDED
    }

    /** What a run did. @param incidentId null when {@link Outcome#QUIET} */
    public record Run(Outcome outcome, String incidentId, List<String> risingServices) {
    }

    private final TrafficTallies tallies;
    private final DetectedIncidents detected;
    private final DetectionRule rule;
    private final String sourceIncidentId;

    /** @param sourceIncidentId the incident new reports are filed under (the active one) */
    public DetectIncidents(TrafficTallies tallies, DetectedIncidents detected, DetectionRule rule, String sourceIncidentId) {
        this.tallies = Objects.requireNonNull(tallies, "tallies");
        this.detected = Objects.requireNonNull(detected, "detected");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.sourceIncidentId = Objects.requireNonNull(sourceIncidentId, "sourceIncidentId");
    }

    public Run run(Instant now) {
        // Complete minutes only: the current one is still filling.
        Instant to = MinuteTraffic.startOf(now);
        List<MinuteTraffic> minutes = tallies.minutes(to.minus(Duration.ofMinutes(rule.minutesRead())), to);
        List<ServiceSpike> spikes = rule.spikes(minutes);
        List<String> rising = spikes.stream().map(ServiceSpike::service).toList();
        // Two tries: a supervisor's confirmation may write between our read and our write.
        for (int attempt = 0; attempt < 2; attempt++) {
            Optional<DetectedIncident> open = detected.open();
            if (open.isEmpty()) {
                if (spikes.isEmpty()) {
                    return new Run(Outcome.QUIET, null, rising);
                }
                DetectedIncident draft = DetectedIncident.detected(sourceIncidentId, spikes);
                if (detected.create(draft)) {
                    return new Run(Outcome.CREATED, draft.id(), rising);
                }
                continue; // another opened meanwhile: extend that one
            }
            DetectedIncident before = open.get();
            DetectedIncident after;
            Outcome outcome;
            if (spikes.isEmpty()) {
                Instant recentFrom = to.minus(Duration.ofMinutes(rule.recentMinutes()));
                if (!before.lastSeen().isBefore(recentFrom)) {
                    return new Run(Outcome.UNCHANGED, before.id(), rising);
                }
                after = before.ended();
                outcome = Outcome.ENDED;
            } else {
                after = before.extendedWith(spikes);
                if (after == before) {
                    return new Run(Outcome.UNCHANGED, before.id(), rising);
                }
                outcome = Outcome.EXTENDED;
            }
            if (detected.replace(before, after)) {
                return new Run(outcome, before.id(), rising);
            }
        }
        throw new IllegalStateException("the open detected incident kept changing during the run; the next run retries");
    }
}

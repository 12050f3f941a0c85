package dev.damagedesk.application.incident;

import dev.damagedesk.application.audit.AuditOperations;
import dev.damagedesk.application.port.DetectedIncidents;
import dev.damagedesk.application.port.IncidentRecords;
import dev.damagedesk.domain.audit.OperationAction;
import dev.damagedesk.domain.detection.DetectedIncident;
import dev.damagedesk.domain.detection.DetectionState;
import dev.damagedesk.domain.incident.IncidentDocument;
import dev.damagedesk.domain.incident.OutageWindow;
import dev.damagedesk.domain.policy.PolicyDocument;
import dev.damagedesk.domain.policy.PolicyDocuments;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffRole;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A supervisor's decision on a detected incident. Confirming makes it an active incident: its ledger (one entry per
 * service over the outage) and version 1 of its policy, the active policy of the incident its reports were filed
 * under narrowed to its services, published the way every policy is ({@link IncidentRecords#publishPolicy}); then,
 * when the outage was two hours or more, the outage notices go out ({@link OutageNoticeFanOut}). The decision (who,
 * when, what) is recorded on the incident itself, once: a second decision is refused; and in the operations trail.
 * A confirmation repeated after a failure part-way completes what the first left undone; it sends no notice twice.
 */
public final class DecideDetectedIncident {

    /** The policy document of an incident's active version (the bundled or published one). */
    @FunctionalInterface
    public interface ActivePolicies {
        PolicyDocument activeDocument(String incidentId);
    }

    public sealed interface Result {
        record Decided(DetectedIncident incident, String policyVersion, boolean outageNoticesQueued) implements Result {
        }

        record NotFound() implements Result {
        }

        record AlreadyDecided(DetectionState state) implements Result {
        }
    }

    private final DetectedIncidents detected;
    private final IncidentRecords records;
    private final ActivePolicies policies;
    private final OutageNoticeFanOut notices;
    private final Clock clock;
    private final AuditOperations operations;

    /** @param operations where each decision is recorded for the audit, once however often it is repeated */
    public DecideDetectedIncident(DetectedIncidents detected, IncidentRecords records, ActivePolicies policies,
                                  OutageNoticeFanOut notices, Clock clock, AuditOperations operations) {
        this.detected = Objects.requireNonNull(detected, "detected");
        this.records = Objects.requireNonNull(records, "records");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.notices = Objects.requireNonNull(notices, "notices");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.operations = Objects.requireNonNull(operations, "operations");
    }

    /**
     * @param downFrom   when its services went down; null: when the reports rose
     * @param restoredAt when its services were back; null while they are not (the outage runs to now)
     * @throws IllegalArgumentException when the actor is no supervisor
     * @throws DetectedIncident.InvalidOutage for outage times that cannot be (after now, restored before down)
     */
    public Result confirm(Actor supervisor, String id, Instant downFrom, Instant restoredAt) {
        requireSupervisor(supervisor);
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<DetectedIncident> found = detected.find(id);
            if (found.isEmpty()) {
                return new Result.NotFound();
            }
            DetectedIncident before = found.get();
            if (before.state() == DetectionState.DISMISSED) {
                return new Result.AlreadyDecided(before.state());
            }
            DetectedIncident confirmed = before.state() == DetectionState.CONFIRMED ? before
                    : before.confirmed(supervisor, clock.instant(), downFrom, restoredAt);
            // Ledger and policy first (both safe to repeat), the decision last: a crash in between leaves a draft.
            records.putLedger(id, IncidentDocument.toMap(confirmed.asActiveIncident()), confirmed.decision().at());
            PolicyDocument policy = policyOf(confirmed);
            records.publishPolicy(id, policy.version(), PolicyDocuments.toMap(policy), confirmed.decision().at());
            if (confirmed != before && !detected.replace(before, confirmed)) {
                continue; // a detection run extended it meanwhile: decide on what it is now
            }
            boolean notify = confirmed.notifiesOutage();
            if (notify) {
                notices.start(confirmed);
            }
            // recorded by the decision's maker and time, also when a repeated confirmation completes it
            OutageWindow outage = confirmed.outage();
            operations.record(confirmed.decision().at(), confirmed.decision().by(),
                    OperationAction.DETECTED_INCIDENT_CONFIRMED, subjectOf(confirmed), String.format(Locale.ROOT,
                            "services %s; down from %s to %s (%d min%s); policy %s; outage notices %s",
                            String.join(", ", confirmed.services()), outage.start().truncatedTo(ChronoUnit.SECONDS),
                            outage.end().truncatedTo(ChronoUnit.SECONDS),
                            Duration.between(outage.start(), outage.end()).toMinutes(),
                            confirmed.decision().restoredAt() == null ? ", not restored yet" : "",
                            policy.policyVersion(), notify ? "queued" : "not sent (under 2 hours)"));
            return new Result.Decided(confirmed, policy.policyVersion(), notify);
        }
        throw new IllegalStateException(id + " kept changing while it was being confirmed");
    }

    /** @throws IllegalArgumentException when the actor is no supervisor */
    public Result dismiss(Actor supervisor, String id) {
        requireSupervisor(supervisor);
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<DetectedIncident> found = detected.find(id);
            if (found.isEmpty()) {
                return new Result.NotFound();
            }
            DetectedIncident before = found.get();
            if (before.state() == DetectionState.DISMISSED) {
                recordDismissal(before); // a dismissal that failed before its trail entry is completed, once
            }
            if (before.state() != DetectionState.DRAFT) {
                return new Result.AlreadyDecided(before.state());
            }
            DetectedIncident dismissed = before.dismissed(supervisor, clock.instant());
            if (detected.replace(before, dismissed)) {
                recordDismissal(dismissed);
                return new Result.Decided(dismissed, null, false);
            }
        }
        throw new IllegalStateException(id + " kept changing while it was being dismissed");
    }

    /**
     * The detected incident a report belongs to, if one of the latest does (a dismissed one is no incident): what the
     * report detail shows as its link. One read.
     */
    public Optional<DetectedIncident> of(String incidentId, String service, Instant receivedAt) {
        return detected.latest(LINK_SEARCHED).stream()
                .filter(incident -> incident.state() != DetectionState.DISMISSED)
                .filter(incident -> incident.covers(incidentId, service, receivedAt))
                .findFirst();
    }

    /** How many of the latest detected incidents a report's link is looked for in. */
    static final int LINK_SEARCHED = 20;

    /** The incident of the detection episode going on, if one is: what the dashboard shows. */
    public Optional<DetectedIncident> open() {
        return detected.open();
    }

    /** The drafts and decided incidents the admin page lists, the latest first. */
    public List<DetectedIncident> latest(int limit) {
        return detected.latest(limit);
    }

    /** Version 1: the source incident's active policy, its rules as they are, its services narrowed to these. */
    private PolicyDocument policyOf(DetectedIncident confirmed) {
        PolicyDocument source = policies.activeDocument(confirmed.sourceIncidentId());
        Map<String, Set<dev.damagedesk.domain.report.Category>> services = new LinkedHashMap<>();
        for (String service : confirmed.services()) {
            Set<dev.damagedesk.domain.report.Category> offered = source.services().get(service);
            if (offered == null) {
                throw new IllegalStateException("the policy of " + source.policyVersion() + " has no service " + service);
            }
            services.put(service, offered);
        }
        return new PolicyDocument(confirmed.id(), 1, "Confirmed from detection; the rules of " + source.policyVersion(),
                services, source.paidSubscription(), source.failedPurchase(), source.freeServiceMoneyLost(),
                source.smallBusiness());
    }

    /** Recorded by the dismissal's maker and time, however often it is asked for. */
    private void recordDismissal(DetectedIncident dismissed) {
        operations.record(dismissed.decision().at(), dismissed.decision().by(), OperationAction.DETECTED_INCIDENT_DISMISSED,
                subjectOf(dismissed), "services " + String.join(", ", dismissed.services()) + "; first seen "
                        + dismissed.firstSeen() + ", last seen " + dismissed.lastSeen());
    }

    /** A decision's subject in the operations trail: one decision per detected incident. */
    static String subjectOf(DetectedIncident incident) {
        return "detected-incident:" + incident.id();
    }

    private static void requireSupervisor(Actor actor) {
        if (!actor.isStaff() || actor.role() != StaffRole.SUPERVISOR) {
            throw new IllegalArgumentException("only a supervisor decides on a detected incident");
        }
    }
}

package dev.damagedesk.domain.detection;

import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.incident.IncidentStatus;
import dev.damagedesk.domain.incident.OutageWindow;
import dev.damagedesk.domain.incident.ServiceOutage;
import dev.damagedesk.domain.staff.Actor;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An incident the system detected from a sharp rise in reports (a {@link DetectionRule} spike), for a supervisor to
 * confirm or dismiss. One detection episode is one incident: while it is {@code open} every later spike extends it
 * (more services, more minutes) instead of starting a second; the episode ends when no service of it has risen for
 * the recent window.
 *
 * <p>Its reports are the ones filed under {@code sourceIncidentId} for one of its {@code services} and received in its
 * {@link #window()}: the link is this definition, kept here, not a write per report.
 *
 * @param sourceIncidentId the incident the reports were filed under when they arrived (the active one)
 * @param firstSeen        the first minute of the first spike
 * @param lastSeen         the last minute any spike of it covered
 * @param countsPerMinute  arrivals of its services, by minute then service, as the spikes saw them
 * @param open             true while later spikes extend it (see above)
 * @param decision         what a supervisor decided; null while a draft
 * @param version          1 when created; each change adds one (the store writes on the version read)
 */
public record DetectedIncident(String id, String sourceIncidentId, DetectionState state, SortedSet<String> services,
                               Instant firstSeen, Instant lastSeen, SortedMap<Instant, SortedMap<String, Long>> countsPerMinute,
                               boolean open, Decision decision, long version) {

    /**
     * The most minutes of counts kept: a day. A longer episode keeps its latest day (and its first minute seen), so
     * the stored item stays far below DynamoDB's 400 KB.
     */
    public static final int COUNTED_MINUTES = 1440;

    /** Titles and ledgers name a detected incident by this prefix and its first minute (UTC). */
    public static final String ID_PREFIX = "detected-";
    private static final DateTimeFormatter ID_MINUTE = DateTimeFormatter.ofPattern("uuuuMMdd-HHmm").withZone(ZoneOffset.UTC);

    /**
     * A supervisor's decision on the draft.
     *
     * @param downFrom   for a confirmation: when the services went down, as the supervisor knows it (the operator's
     *                   status page); null: when the reports rose ({@code firstSeen}); null for a dismissal
     * @param restoredAt for a confirmation: when the services were back (null: not yet, the outage is measured to
     *                   the confirmation); null for a dismissal
     */
    public record Decision(DetectionState outcome, Actor by, Instant at, Instant downFrom, Instant restoredAt) {
        public Decision {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
            if (outcome == DetectionState.DRAFT) {
                throw new IllegalArgumentException("a decision confirms or dismisses");
            }
        }
    }

    public DetectedIncident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sourceIncidentId, "sourceIncidentId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        services = Collections.unmodifiableSortedSet(new TreeSet<>(services));
        TreeMap<Instant, SortedMap<String, Long>> counts = new TreeMap<>();
        countsPerMinute.forEach((minute, byService) ->
                counts.put(minute, Collections.unmodifiableSortedMap(new TreeMap<>(byService))));
        countsPerMinute = Collections.unmodifiableSortedMap(counts);
        if (services.isEmpty()) {
            throw new IllegalArgumentException("a detected incident has at least one service");
        }
        if (lastSeen.isBefore(firstSeen)) {
            throw new IllegalArgumentException("last seen " + lastSeen + " before first seen " + firstSeen);
        }
        if ((state == DetectionState.DRAFT) != (decision == null) || (decision != null && decision.outcome() != state)) {
            throw new IllegalArgumentException("a draft has no decision; a decided incident has the decision of its state");
        }
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1: " + version);
        }
    }

    /** A new open draft from the spikes of one detection run. */
    public static DetectedIncident detected(String sourceIncidentId, List<ServiceSpike> spikes) {
        if (spikes.isEmpty()) {
            throw new IllegalArgumentException("nothing was detected");
        }
        Instant first = spikes.stream().map(spike -> spike.countsPerMinute().keySet().iterator().next())
                .min(Instant::compareTo).orElseThrow();
        DetectedIncident seed = new DetectedIncident(ID_PREFIX + ID_MINUTE.format(first), sourceIncidentId,
                DetectionState.DRAFT, new TreeSet<>(spikes.stream().map(ServiceSpike::service).toList()), first, first,
                new TreeMap<>(), true, null, 1);
        return seed.merged(spikes, 1);
    }

    /**
     * This incident with a later run's spikes: their services added, their minutes' counts set (not added, so
     * that the same run twice changes nothing), {@code lastSeen} moved on. Equal to this when they add nothing.
     */
    public DetectedIncident extendedWith(List<ServiceSpike> spikes) {
        if (!open) {
            throw new IllegalStateException(id + " is no longer open: its episode ended");
        }
        DetectedIncident merged = merged(spikes, version);
        return merged.equals(this) ? this : merged.withVersion(version + 1);
    }

    private DetectedIncident merged(List<ServiceSpike> spikes, long atVersion) {
        TreeSet<String> allServices = new TreeSet<>(services);
        TreeMap<Instant, SortedMap<String, Long>> counts = new TreeMap<>();
        countsPerMinute.forEach((minute, byService) -> counts.put(minute, new TreeMap<>(byService)));
        Instant last = lastSeen;
        for (ServiceSpike spike : spikes) {
            allServices.add(spike.service());
            for (Map.Entry<Instant, Long> minute : spike.countsPerMinute().entrySet()) {
                counts.computeIfAbsent(minute.getKey(), at -> new TreeMap<>()).put(spike.service(), minute.getValue());
                if (minute.getKey().isAfter(last)) {
                    last = minute.getKey();
                }
            }
        }
        Instant first = counts.isEmpty() ? firstSeen : counts.firstKey().isBefore(firstSeen) ? counts.firstKey() : firstSeen;
        while (counts.size() > COUNTED_MINUTES) {
            counts.pollFirstEntry();
        }
        return new DetectedIncident(id, sourceIncidentId, state, allServices, first, last, counts, open, decision, atVersion);
    }

    /** The episode is over: later spikes start a new detected incident. */
    public DetectedIncident ended() {
        return new DetectedIncident(id, sourceIncidentId, state, services, firstSeen, lastSeen, countsPerMinute, false,
                decision, version + 1);
    }

    /** A confirmation's outage times that cannot be: which field, and why. */
    public static final class InvalidOutage extends IllegalArgumentException {
        private final String field;

        InvalidOutage(String field, String why) {
            super(field + " " + why);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /**
     * @param downFrom   null: the outage is taken to start when the reports rose
     * @param restoredAt null: not restored yet
     * @throws IllegalStateException unless a draft
     * @throws InvalidOutage         for a time after the confirmation, or a restoration before the outage began
     */
    public DetectedIncident confirmed(Actor by, Instant at, Instant downFrom, Instant restoredAt) {
        if (downFrom != null && downFrom.isAfter(at)) {
            throw new InvalidOutage("downFrom", "is after the confirmation");
        }
        if (restoredAt != null && restoredAt.isAfter(at)) {
            throw new InvalidOutage("restoredAt", "is after the confirmation");
        }
        Instant start = downFrom != null ? downFrom : firstSeen;
        if (restoredAt != null && restoredAt.isBefore(start)) {
            throw new InvalidOutage("restoredAt", "is before the outage began (" + start + ")");
        }
        return decided(new Decision(DetectionState.CONFIRMED, by, at, downFrom, restoredAt));
    }

    /** @throws IllegalStateException unless a draft */
    public DetectedIncident dismissed(Actor by, Instant at) {
        return decided(new Decision(DetectionState.DISMISSED, by, at, null, null));
    }

    private DetectedIncident decided(Decision made) {
        if (state != DetectionState.DRAFT) {
            throw new IllegalStateException(id + " is already " + state);
        }
        return new DetectedIncident(id, sourceIncidentId, made.outcome(), services, firstSeen, lastSeen, countsPerMinute,
                open, made, version + 1);
    }

    /**
     * Whether a report is one of its reports: filed under its source incident for one of its services and received
     * in its window.
     */
    public boolean covers(String incidentId, String service, Instant receivedAt) {
        return sourceIncidentId.equals(incidentId) && services.contains(service)
                && !receivedAt.isBefore(firstSeen) && receivedAt.isBefore(window().end());
    }

    /** The minutes its reports arrived in: from the first minute seen to the end of the last. */
    public OutageWindow window() {
        return new OutageWindow(firstSeen, lastSeen.plusSeconds(60));
    }

    /**
     * How long its services were down, for a confirmed incident: from when they went down (else the first minute
     * seen) to when they were restored, or to the confirmation while they are not.
     *
     * @throws IllegalStateException unless confirmed
     */
    public OutageWindow outage() {
        if (state != DetectionState.CONFIRMED) {
            throw new IllegalStateException(id + " is " + state + ": only a confirmed incident has an outage");
        }
        Instant start = decision.downFrom() != null ? decision.downFrom() : firstSeen;
        return new OutageWindow(start, decision.restoredAt() != null ? decision.restoredAt() : decision.at());
    }

    /** Whether its reporters and subscribers get an outage notice ({@link OutageNoticeRule}): confirmed and long enough. */
    public boolean notifiesOutage() {
        return state == DetectionState.CONFIRMED && OutageNoticeRule.notified(outage());
    }

    /** The active incident a confirmation makes of it: one ledger entry per service, over {@link #outage()}. */
    public Incident asActiveIncident() {
        OutageWindow outage = outage();
        List<ServiceOutage> outages = new ArrayList<>();
        for (String service : services) {
            outages.add(new ServiceOutage(service, null, outage.start(), outage.end(), decision.restoredAt() == null));
        }
        return new Incident(id, title(), IncidentStatus.ACTIVE, outages);
    }

    /** How people see it named, in both languages. */
    public String title() {
        return "Detected outage of " + String.join(", ", services) + " from " + firstSeen
                + " / " + String.join(", ", services) + " 장애 감지 (" + firstSeen + "부터)";
    }

    private DetectedIncident withVersion(long newVersion) {
        return new DetectedIncident(id, sourceIncidentId, state, services, firstSeen, lastSeen, countsPerMinute, open,
                decision, newVersion);
    }
}

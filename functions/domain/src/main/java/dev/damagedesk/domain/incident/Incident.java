package dev.damagedesk.domain.incident;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An outage event that reports are filed against, with its outage ledger: an entry per service, or per
 * function of a service where they came back at different times (messenger text against photo sending).
 */
public record Incident(String id, String title, IncidentStatus status, List<ServiceOutage> outages) {

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        outages = List.copyOf(outages);
        Set<List<String>> seen = new HashSet<>();
        for (ServiceOutage outage : outages) {
            // Arrays.asList, unlike List.of, holds the null of a whole-service entry.
            if (!seen.add(Arrays.asList(outage.service(), outage.function()))) {
                throw new IllegalArgumentException("the ledger lists " + outage.service()
                        + (outage.function() == null ? "" : " (" + outage.function() + ")") + " twice");
            }
        }
    }

    /** An active incident. */
    public Incident(String id, String title, List<ServiceOutage> outages) {
        this(id, title, IncidentStatus.ACTIVE, outages);
    }

    public Incident withStatus(IncidentStatus newStatus) {
        return new Incident(id, title, newStatus, outages);
    }

    /** The affected services, sorted by name. */
    public Set<String> services() {
        return Collections.unmodifiableSortedSet(
                outages.stream().map(ServiceOutage::service).collect(Collectors.toCollection(TreeSet::new)));
    }

    /** The ledger entries of one service, in ledger order; empty when the incident did not touch it. */
    public List<ServiceOutage> outagesOf(String service) {
        return outages.stream().filter(o -> o.service().equals(service)).toList();
    }

    /**
     * The whole time a service was impaired: a service counts as down until its last function is
     * back, because a reporter cannot use half a messenger.
     */
    public Optional<OutageWindow> outageFor(String service) {
        List<ServiceOutage> ofService = outagesOf(service);
        if (ofService.isEmpty()) {
            return Optional.empty();
        }
        Instant start = ofService.stream().map(ServiceOutage::down).min(Comparator.naturalOrder()).orElseThrow();
        Instant end = ofService.stream().map(ServiceOutage::restored).max(Comparator.naturalOrder()).orElseThrow();
        return Optional.of(new OutageWindow(start, end));
    }

    /**
     * The window of one function of a service, e.g. ("messenger", "text messaging"); a null function
     * means the entry for the whole service. Empty when the ledger has no such entry.
     */
    public Optional<OutageWindow> outageFor(String service, String function) {
        return outagesOf(service).stream()
                .filter(o -> Objects.equals(o.function(), function))
                .map(ServiceOutage::window)
                .findFirst();
    }

    /**
     * Whether users of the service were told of every part of its outage before it began (see
     * {@link ServiceOutage#notifiedInAdvance()}); false for a service the incident did not touch.
     */
    public boolean notifiedInAdvance(String service) {
        List<ServiceOutage> ofService = outagesOf(service);
        return !ofService.isEmpty() && ofService.stream().allMatch(ServiceOutage::notifiedInAdvance);
    }
}

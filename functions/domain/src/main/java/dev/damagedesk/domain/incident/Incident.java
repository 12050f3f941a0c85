package dev.damagedesk.domain.incident;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** An outage event that reports are filed against, with every service it took down. */
public record Incident(String id, String title, List<ServiceOutage> outages) {

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        outages = List.copyOf(outages);
    }

    /** The affected services, sorted by name. */
    public Set<String> services() {
        return Collections.unmodifiableSortedSet(
                outages.stream().map(ServiceOutage::service).collect(Collectors.toCollection(TreeSet::new)));
    }

    /**
     * The whole time a service was impaired: a service counts as down until its last function is
     * back, because a reporter cannot use half a messenger.
     */
    public Optional<OutageWindow> outageFor(String service) {
        List<ServiceOutage> ofService = outages.stream().filter(o -> o.service().equals(service)).toList();
        if (ofService.isEmpty()) {
            return Optional.empty();
        }
        Instant start = ofService.stream().map(ServiceOutage::down).min(Comparator.naturalOrder()).orElseThrow();
        Instant end = ofService.stream().map(ServiceOutage::restored).max(Comparator.naturalOrder()).orElseThrow();
        return Optional.of(new OutageWindow(start, end));
    }
}

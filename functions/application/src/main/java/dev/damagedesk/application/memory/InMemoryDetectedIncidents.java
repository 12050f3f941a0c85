package dev.damagedesk.application.memory;

import dev.damagedesk.application.port.DetectedIncidents;
import dev.damagedesk.domain.detection.DetectedIncident;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link DetectedIncidents} kept in memory, for use-case tests. */
public final class InMemoryDetectedIncidents implements DetectedIncidents {

    private final Map<String, DetectedIncident> incidents = new TreeMap<>();
    private String openId;

    @Override
    public synchronized Optional<DetectedIncident> open() {
        return Optional.ofNullable(openId).map(incidents::get);
    }

    @Override
    public synchronized Optional<DetectedIncident> find(String id) {
        return Optional.ofNullable(incidents.get(id));
    }

    @Override
    public synchronized List<DetectedIncident> latest(int limit) {
        return incidents.values().stream().sorted(Comparator.comparing(DetectedIncident::firstSeen).reversed())
                .limit(limit).toList();
    }

    @Override
    public synchronized boolean create(DetectedIncident incident) {
        if (incident.id().equals(openId)) {
            return true;
        }
        if (openId != null || incidents.containsKey(incident.id())) {
            return false;
        }
        incidents.put(incident.id(), incident);
        openId = incident.id();
        return true;
    }

    @Override
    public synchronized boolean replace(DetectedIncident before, DetectedIncident after) {
        DetectedIncident stored = incidents.get(before.id());
        if (stored == null || stored.version() != before.version() || after.version() != before.version() + 1) {
            return false;
        }
        incidents.put(after.id(), after);
        if (!after.open() && after.id().equals(openId)) {
            openId = null;
        }
        return true;
    }
}

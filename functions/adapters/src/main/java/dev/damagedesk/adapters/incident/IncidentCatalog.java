package dev.damagedesk.adapters.incident;

import dev.damagedesk.adapters.json.Json;
import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.incident.IncidentDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Incidents shipped with the functions (domain resources {@code /incidents/<id>.json}). A later issue moves
 * the outage ledger to DynamoDB; until then the incident is part of the deployed code, read once per container.
 */
public final class IncidentCatalog {

    private final Map<String, Incident> loaded = new ConcurrentHashMap<>();

    /** The ids of the bundled incidents, from the list {@code /incidents/bundled.txt} (resources cannot be listed). */
    public List<String> ids() {
        try (InputStream in = IncidentCatalog.class.getResourceAsStream("/incidents/bundled.txt")) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Incident get(String incidentId) {
        return loaded.computeIfAbsent(incidentId, IncidentCatalog::load);
    }

    private static Incident load(String incidentId) {
        if (!incidentId.matches("[A-Za-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("Not an incident id: " + incidentId);
        }
        String resource = "/incidents/" + incidentId + ".json";
        try (InputStream in = IncidentCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("Unknown incident " + incidentId + " (no " + resource + ")");
            }
            return IncidentDocument.fromMap(incidentId, Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

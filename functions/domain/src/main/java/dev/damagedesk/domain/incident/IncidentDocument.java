package dev.damagedesk.domain.incident;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads an incident from the JSON document the operator publishes (already parsed into maps and
 * lists), e.g. the bundled {@value #BUNDLED_2022_10_15_RESOURCE}. Keys other than
 * {@code incident} and {@code services} are background for people and are ignored.
 */
public final class IncidentDocument {

    /** Classpath location of the 2022-10-15 data-centre fire document. */
    public static final String BUNDLED_2022_10_15_RESOURCE = "incidents/2022-10-15.json";
    /** The id reports of that incident are filed under. */
    public static final String INCIDENT_2022_10_15_ID = "2022-10-15";

    private IncidentDocument() {
    }

    /** Throws {@link IllegalArgumentException} naming the offending key when the document is malformed. */
    public static Incident fromMap(String id, Map<String, Object> doc) {
        Objects.requireNonNull(id, "id");
        try {
            return read(id, doc);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("incident document " + id + ": " + e.getMessage(), e);
        }
    }

    private static Incident read(String id, Map<String, Object> doc) {
        if (doc == null) {
            throw new IllegalArgumentException("the document is missing");
        }
        String title = requiredString(doc, "incident", "");
        if (!(doc.get("services") instanceof List<?> entries) || entries.isEmpty()) {
            throw new IllegalArgumentException("services must be a non-empty list");
        }
        List<ServiceOutage> outages = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String path = "services[" + i + "].";
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                throw new IllegalArgumentException("services[" + i + "] must be an object");
            }
            try {
                outages.add(outage(entry, path));
            } catch (IllegalArgumentException e) {
                // ServiceOutage's own checks do not know where in the document they are.
                throw e.getMessage().startsWith(path)
                        ? e
                        : new IllegalArgumentException("services[" + i + "]: " + e.getMessage(), e);
            }
        }
        return new Incident(id, title, outages);
    }

    private static ServiceOutage outage(Map<?, ?> entry, String path) {
        String service = requiredString(entry, "service", path);
        Object function = entry.get("function");
        if (function != null && !(function instanceof String)) {
            throw new IllegalArgumentException(path + "function must be a string");
        }
        Instant down = instant(entry, "down", path);
        Instant restored = instant(entry, "restored", path);
        // Absent means the times are exact; every entry in the published document states it anyway.
        Object approximate = entry.get("approximate");
        if (approximate != null && !(approximate instanceof Boolean)) {
            throw new IllegalArgumentException(path + "approximate must be true or false");
        }
        return new ServiceOutage(service, (String) function, down, restored, Boolean.TRUE.equals(approximate));
    }

    private static Instant instant(Map<?, ?> object, String key, String path) {
        String text = requiredString(object, key, path);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    path + key + " must be an ISO-8601 date-time with offset, got '" + text + "'", e);
        }
    }

    private static String requiredString(Map<?, ?> object, String key, String path) {
        if (!(object.get(key) instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException(path + key + " must be a non-blank string");
        }
        return text;
    }
}

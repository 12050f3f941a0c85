package dev.damagedesk.domain.incident;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The import/export format of an incident and its outage ledger, as a JSON parser gives it (maps and
 * lists), e.g. the bundled {@value #BUNDLED_2022_10_15_RESOURCE}:
 * <pre>
 * {"incident": "title", "status": "ACTIVE",
 *  "services": [{"service": "messenger", "function": "text messaging",
 *                "down": "2022-10-15T15:30:00+09:00", "restored": "2022-10-16T01:31:00+09:00",
 *                "approximate": false, "notifiedAt": "2022-10-15T16:10:00+09:00"}]}
 * </pre>
 * {@code status} absent means {@link IncidentStatus#ACTIVE} (the operator's published documents have
 * none); {@code notifiedAt} absent or null means users were not notified; {@code function} absent means
 * the whole service. Other keys (the operator's background notes) are for people and are ignored.
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

    /** The document of an incident, instants in UTC; {@link #fromMap} reads it back to an equal incident. */
    public static Map<String, Object> toMap(Incident incident) {
        return toMap(incident, ZoneOffset.UTC);
    }

    /** The document of an incident with its instants written at the given offset, e.g. +09:00 for people in Korea. */
    public static Map<String, Object> toMap(Incident incident, ZoneOffset offset) {
        Objects.requireNonNull(offset, "offset");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("incident", incident.title());
        doc.put("status", incident.status().name());
        List<Object> services = new ArrayList<>();
        for (ServiceOutage outage : incident.outages()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("service", outage.service());
            if (outage.function() != null) {
                entry.put("function", outage.function());
            }
            entry.put("down", write(outage.down(), offset));
            entry.put("restored", write(outage.restored(), offset));
            entry.put("approximate", outage.approximate());
            if (outage.notifiedAt() != null) {
                entry.put("notifiedAt", write(outage.notifiedAt(), offset));
            }
            services.add(Collections.unmodifiableMap(entry));
        }
        doc.put("services", Collections.unmodifiableList(services));
        return Collections.unmodifiableMap(doc);
    }

    private static String write(Instant instant, ZoneOffset offset) {
        // The formatter, unlike OffsetDateTime.toString(), always writes the seconds, as RFC 3339 wants.
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(offset));
    }

    private static Incident read(String id, Map<String, Object> doc) {
        if (doc == null) {
            throw new IllegalArgumentException("the document is missing");
        }
        String title = requiredString(doc, "incident", "");
        IncidentStatus status = status(doc.get("status"));
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
        // Incident's own check (an entry listed twice) is about the list as a whole.
        try {
            return new Incident(id, title, status, outages);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("services: " + e.getMessage(), e);
        }
    }

    private static IncidentStatus status(Object raw) {
        if (raw == null) {
            return IncidentStatus.ACTIVE;
        }
        String allowed = Arrays.stream(IncidentStatus.values()).map(Enum::name).collect(Collectors.joining(", "));
        if (!(raw instanceof String name)) {
            throw new IllegalArgumentException("status must be one of " + allowed);
        }
        return IncidentStatus.fromName(name).orElseThrow(() ->
                new IllegalArgumentException("status must be one of " + allowed + ", got '" + name + "'"));
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
        Instant notifiedAt = entry.get("notifiedAt") == null ? null : instant(entry, "notifiedAt", path);
        return new ServiceOutage(service, (String) function, down, restored, Boolean.TRUE.equals(approximate),
                notifiedAt);
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

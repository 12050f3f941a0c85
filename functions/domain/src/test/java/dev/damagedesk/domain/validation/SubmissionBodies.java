package dev.damagedesk.domain.validation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A valid request body to break one field at a time, and the parser it goes through. */
final class SubmissionBodies {

    static final Instant NOW = Instant.parse("2022-10-20T03:00:00Z");
    static final Set<String> SERVICES = Set.of("messenger", "music", "taxi", "payment");

    private SubmissionBodies() {
    }

    static SubmissionParser parser() {
        return new SubmissionParser(SERVICES, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Mutable, nested maps included, so a test can replace or remove any field. */
    static Map<String, Object> validBody() {
        Map<String, Object> reporter = new LinkedHashMap<>();
        reporter.put("name", "Kim Minji");
        reporter.put("email", "minji@example.com");
        reporter.put("phone", "+82 10-1234-5678");
        reporter.put("accountRef", "minji.kim");

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reporter", reporter);
        body.put("locale", "ko");
        body.put("service", "taxi");
        body.put("category", "business-loss");
        body.put("reporterType", "small-business");
        body.put("occurredFrom", "2022-10-15T15:30:00+09:00");
        body.put("occurredTo", "2022-10-16T15:00:00+09:00");
        body.put("amountClaimedKrw", 420_000);
        body.put("description", "I drive a taxi and could not take rides for a whole day.");
        body.put("privacyConsent", true);
        return body;
    }

    /** Sets a value at a path such as {@code reporter.email}; a null value removes the key. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> with(Map<String, Object> body, String path, Object value) {
        Map<String, Object> target = body;
        String key = path;
        int dot = path.indexOf('.');
        if (dot >= 0) {
            target = (Map<String, Object>) body.get(path.substring(0, dot));
            key = path.substring(dot + 1);
        }
        if (value == null) {
            target.remove(key);
        } else {
            target.put(key, value);
        }
        return body;
    }

    static Map<String, Object> validBodyWith(String path, Object value) {
        return with(validBody(), path, value);
    }
}

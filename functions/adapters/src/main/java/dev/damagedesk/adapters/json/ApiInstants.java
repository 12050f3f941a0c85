package dev.damagedesk.adapters.json;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/**
 * How the APIs write an instant: ISO-8601 in UTC with exactly three fraction digits, {@code 2022-10-15T06:30:00.000Z}
 * (docs/openapi.yaml). {@link Instant#toString()} writes as many digits as the clock gave (none, three, six or nine),
 * which breaks the fixed-pattern parsers of generated clients. Audit entries keep their exact instant: it is hashed.
 */
public final class ApiInstants {

    private static final DateTimeFormatter MILLISECONDS = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

    private ApiInstants() {
    }

    public static String format(Instant instant) {
        return MILLISECONDS.format(instant);
    }
}

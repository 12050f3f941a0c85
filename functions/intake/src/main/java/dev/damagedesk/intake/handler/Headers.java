package dev.damagedesk.intake.handler;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** HTTP header names are case-insensitive; API Gateway sends them lower-cased, a test or proxy may not. */
final class Headers {

    private Headers() {
    }

    static Map<String, String> lowerCased(Map<String, String> headers) {
        Map<String, String> lowered = new HashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> lowered.put(name.toLowerCase(Locale.ROOT), value));
        }
        return lowered;
    }
}

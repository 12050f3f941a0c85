package dev.damagedesk.adapters.message;

import dev.damagedesk.adapters.json.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Reads the fields of a queue message, turning every shape error into a {@link MessageFormatException}. */
final class MessageFields {

    private MessageFields() {
    }

    static Map<String, Object> parse(String json, String expectedSchema) {
        Map<String, Object> body;
        try {
            body = Json.parseObject(json);
        } catch (Json.MalformedJsonException e) {
            // Not the parser's message: it quotes the body, which holds personal data.
            throw new MessageFormatException("Body is not a JSON object (" + e.getClass().getSimpleName() + ")");
        }
        Object schema = body.get("schema");
        if (!expectedSchema.equals(schema)) {
            throw new MessageFormatException("Expected schema " + expectedSchema + " but got " + schema);
        }
        return body;
    }

    /** The message's schema, or null when it is no JSON object or names none (its own reader says why). */
    static String schemaOf(String json) {
        try {
            return Json.parseObject(json).get("schema") instanceof String schema ? schema : null;
        } catch (Json.MalformedJsonException e) {
            return null;
        }
    }

    static String text(Map<String, Object> body, String field) {
        if (body.get(field) instanceof String value && !value.isBlank()) {
            return value;
        }
        throw new MessageFormatException(field + " is missing or not a string");
    }

    /** An optional string: null when absent or null, an error when it is something else. */
    static String optionalText(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return text;
        }
        throw new MessageFormatException(field + " is not a string");
    }

    static long number(Map<String, Object> body, String field) {
        if (body.get(field) instanceof Number value) {
            return value.longValue();
        }
        throw new MessageFormatException(field + " is missing or not a number");
    }

    /** An optional number: {@code orElse} when absent or null, an error when it is something else. */
    static long number(Map<String, Object> body, String field, long orElse) {
        return body.get(field) == null ? orElse : number(body, field);
    }

    /** An optional boolean: {@code orElse} when absent or null, an error when it is something else. */
    static boolean bool(Map<String, Object> body, String field, boolean orElse) {
        Object value = body.get(field);
        if (value == null) {
            return orElse;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw new MessageFormatException(field + " is not true or false");
    }

    static Instant instant(Map<String, Object> body, String field) {
        try {
            return Instant.parse(text(body, field));
        } catch (DateTimeParseException e) {
            throw new MessageFormatException(field + " is not an ISO-8601 instant");
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> body, String field) {
        if (body.get(field) instanceof Map<?, ?> value) {
            return (Map<String, Object>) value;
        }
        throw new MessageFormatException(field + " is missing or not an object");
    }
}

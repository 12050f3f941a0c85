package dev.damagedesk.adapters.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON for request bodies and queue messages, on jackson-jr: a tenth of databind's size and start-up cost,
 * and all a map-shaped payload needs. Duplicate keys are rejected: a body that says two things is malformed.
 */
public final class Json {

    private static final JSON JSON_CODEC = JSON.builder(JsonFactory.builder()
                    .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .disable(JSON.Feature.USE_DEFERRED_MAPS)
            .enable(JSON.Feature.USE_BIG_DECIMAL_FOR_FLOATS)
            // An API error says "field": null rather than leaving the key out.
            .enable(JSON.Feature.WRITE_NULL_PROPERTIES)
            .build();

    private Json() {
    }

    /** Parses a JSON object; anything else (an array, a number, broken text) is a {@link MalformedJsonException}. */
    public static Map<String, Object> parseObject(String text) {
        try (JsonParser parser = JSON_CODEC.getStreamingFactory().createParser(text)) {
            Object value = JSON_CODEC.anyFrom(parser);
            if (parser.nextToken() != null) {
                throw new MalformedJsonException("Unexpected content after the JSON value");
            }
            if (!(value instanceof Map<?, ?> map)) {
                throw new NotAnObjectException();
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) map;
            return object;
        } catch (IOException e) {
            throw new MalformedJsonException(e.getMessage());
        }
    }

    public static String write(Object value) {
        try {
            return JSON_CODEC.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static class MalformedJsonException extends RuntimeException {
        public MalformedJsonException(String message) {
            super(message);
        }
    }

    /** Well-formed JSON whose top-level value is not an object. */
    public static final class NotAnObjectException extends MalformedJsonException {
        public NotAnObjectException() {
            super("The JSON value is not an object");
        }
    }
}

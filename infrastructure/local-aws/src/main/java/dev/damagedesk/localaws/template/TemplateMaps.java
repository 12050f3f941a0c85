package dev.damagedesk.localaws.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed reads from the template's plain maps, with errors that say where in the template a value is wrong. */
final class TemplateMaps {

    private TemplateMaps() {
    }

    static <K, V> Map<K, V> unmodifiableCopy(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String where) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map)) {
            throw new TemplateException(where + " must be a mapping, got: " + value);
        }
        return (Map<String, Object>) value;
    }

    static Map<String, Object> map(Map<String, Object> parent, String key, String where) {
        return map(parent.get(key), where + "." + key);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List)) {
            throw new TemplateException(where + " must be a list, got: " + value);
        }
        return (List<Object>) value;
    }

    static Optional<String> string(Map<String, Object> parent, String key, String where) {
        Object value = parent.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return Optional.of(String.valueOf(value));
        }
        throw new TemplateException(where + "." + key + " must be a literal value locally, got: " + value);
    }

    static String requiredString(Map<String, Object> parent, String key, String where) {
        return string(parent, key, where)
                .orElseThrow(() -> new TemplateException(where + "." + key + " is required"));
    }

    static int integer(Map<String, Object> parent, String key, int defaultValue, String where) {
        Object value = parent.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number number) {
            return number.intValue();
        }
        if (value instanceof String text) {
            try {
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw new TemplateException(where + "." + key + " must be a literal integer locally, got: " + value);
    }

    static boolean bool(Map<String, Object> parent, String key, boolean defaultValue, String where) {
        Object value = parent.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(text);
        }
        throw new TemplateException(where + "." + key + " must be a literal boolean locally, got: " + value);
    }

    /** The logical id X of {@code {"Fn::GetAtt": [X, attribute]}}, or empty for anything else. */
    static Optional<String> getAttTarget(Object value, String attribute) {
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.get("Fn::GetAtt") instanceof List<?> args
                && args.size() == 2 && attribute.equals(args.get(1)) && args.get(0) instanceof String id) {
            return Optional.of(id);
        }
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.get("Fn::GetAtt") instanceof String dotted
                && dotted.endsWith("." + attribute)) {
            return Optional.of(dotted.substring(0, dotted.length() - attribute.length() - 1));
        }
        return Optional.empty();
    }

    /** The logical id X of {@code {"Ref": X}}, or empty for anything else. */
    static Optional<String> refTarget(Object value) {
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.get("Ref") instanceof String id) {
            return Optional.of(id);
        }
        return Optional.empty();
    }
}

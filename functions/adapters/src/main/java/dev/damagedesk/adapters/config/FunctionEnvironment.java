package dev.damagedesk.adapters.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A function's configuration. On Lambda it is the environment the template gives the function; the local
 * runtime hosts every function in one JVM, where per-function environments cannot exist, so it passes the
 * same names as system properties. Environment variables win when both are set.
 */
public final class FunctionEnvironment {

    private final UnaryOperator<String> lookup;

    private FunctionEnvironment(UnaryOperator<String> lookup) {
        this.lookup = lookup;
    }

    public static FunctionEnvironment system() {
        return new FunctionEnvironment(name -> {
            String value = System.getenv(name);
            return value != null ? value : System.getProperty(name);
        });
    }

    public static FunctionEnvironment of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new FunctionEnvironment(copy::get);
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(lookup.apply(name)).filter(value -> !value.isBlank());
    }

    public String required(String name) {
        return optional(name).orElseThrow(() ->
                new IllegalStateException("Missing configuration " + name + ": the function's Environment in template.yaml must set it"));
    }

    public int intValue(String name, int defaultValue) {
        return optional(name).map(value -> {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalStateException("Configuration " + name + " must be a whole number, was '" + value + "'");
            }
        }).orElse(defaultValue);
    }
}

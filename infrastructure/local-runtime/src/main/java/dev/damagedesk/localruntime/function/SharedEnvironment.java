package dev.damagedesk.localruntime.function;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The functions' environments, hosted in one JVM. On Lambda each function has its own environment variables; here
 * every function runs in the same process, whose environment cannot be changed, so the runtime passes the variables as
 * system properties (the functions read {@code System.getenv(name)}, then {@code System.getProperty(name)}). That only
 * works while no two functions need the same variable with different values: {@link #merge} refuses otherwise.
 */
public final class SharedEnvironment {

    private final Map<String, String> variables;

    private SharedEnvironment(Map<String, String> variables) {
        this.variables = variables;
    }

    /**
     * Merges the environments of all functions.
     *
     * @param byFunction each function's resolved environment, by logical id
     * @throws IllegalStateException naming every variable that two functions need with different values
     */
    public static SharedEnvironment merge(Map<String, Map<String, String>> byFunction) {
        Map<String, String> merged = new TreeMap<>();
        Map<String, String> firstOwner = new TreeMap<>();
        List<String> conflicts = new ArrayList<>();
        new TreeMap<>(byFunction).forEach((function, environment) -> new TreeMap<>(environment).forEach((name, value) -> {
            String previous = merged.putIfAbsent(name, value);
            if (previous == null) {
                firstOwner.put(name, function);
            } else if (!previous.equals(value)) {
                conflicts.add(name + " (" + firstOwner.get(name) + ": '" + previous + "', " + function + ": '" + value + "')");
            }
        }));
        if (!conflicts.isEmpty()) {
            throw new IllegalStateException("The local runtime hosts all functions in one JVM and passes their environment as"
                    + " system properties, so two functions cannot need the same variable with different values: "
                    + String.join("; ", conflicts) + ". Rename the variable in template.yaml for one of them.");
        }
        return new SharedEnvironment(Map.copyOf(merged));
    }

    public Map<String, String> variables() {
        return variables;
    }

    /**
     * Variables the process environment already sets to another value: the functions read the environment first,
     * so the local value would be ignored for them. Those that decide where the functions send their calls
     * ({@code AWS_ENDPOINT_URL*}) are returned by {@link #overriddenEndpoints}.
     */
    public List<String> shadowedBy(UnaryOperator<String> processEnvironment) {
        List<String> shadowed = new ArrayList<>();
        variables.forEach((name, value) -> {
            String outside = processEnvironment.apply(name);
            if (outside != null && !Objects.equals(outside, value)) {
                shadowed.add(name);
            }
        });
        shadowed.sort(null);
        return shadowed;
    }

    /** The shadowed variables that would send a function's AWS calls somewhere other than the local emulators. */
    public List<String> overriddenEndpoints(UnaryOperator<String> processEnvironment) {
        return shadowedBy(processEnvironment).stream().filter(name -> name.startsWith("AWS_ENDPOINT_URL")).toList();
    }

    /**
     * Sets every variable as a system property.
     *
     * @return puts back the system properties as they were before
     */
    public Runnable applyAsSystemProperties() {
        Map<String, String> previous = new HashMap<>();
        variables.forEach((name, value) -> previous.put(name, System.setProperty(name, value)));
        return () -> previous.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }
}

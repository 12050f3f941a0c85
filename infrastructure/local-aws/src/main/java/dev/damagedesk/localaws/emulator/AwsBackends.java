package dev.damagedesk.localaws.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Which AWS backend {@link LocalAws#start} uses. By default (system property {@value #PROPERTY} unset, empty or
 * {@value #EMULATORS}) the built-in emulators; any other value names an {@link AwsBackendProvider} that must be on
 * the class path, such as {@code localstack} from the module {@code infrastructure/localstack}, which the Maven
 * profile {@code -Plocalstack} adds to the tests together with {@code -Ddamagedesk.aws=localstack}.
 */
public final class AwsBackends {

    public static final String PROPERTY = "damagedesk.aws";
    public static final String EMULATORS = "emulators";

    private AwsBackends() {
    }

    /** The provider that {@value #PROPERTY} asks for, from the class path; empty for the built-in emulators. */
    public static Optional<AwsBackendProvider> selected() {
        return select(System.getProperty(PROPERTY),
                ServiceLoader.load(AwsBackendProvider.class, LocalAws.class.getClassLoader()));
    }

    /**
     * @param requested the value of {@value #PROPERTY}, possibly null
     * @param available the providers on the class path
     * @return empty for the built-in emulators, else the provider named {@code requested}
     * @throws IllegalStateException when no provider of that name is available
     */
    static Optional<AwsBackendProvider> select(String requested, Iterable<AwsBackendProvider> available) {
        if (requested == null || requested.isBlank() || requested.trim().equalsIgnoreCase(EMULATORS)) {
            return Optional.empty();
        }
        String name = requested.trim();
        List<String> names = new ArrayList<>();
        for (AwsBackendProvider provider : available) {
            if (provider.name().equalsIgnoreCase(name)) {
                return Optional.of(provider);
            }
            names.add(provider.name());
        }
        throw new IllegalStateException("-D" + PROPERTY + "=" + name + " asks for the " + name
                + " AWS backend, but no provider of that name is on the class path (found: "
                + (names.isEmpty() ? "none" : String.join(", ", names)) + "). For LocalStack run with -Plocalstack"
                + " (mvn -B verify -Plocalstack), which adds infrastructure/localstack to the tests; or leave "
                + PROPERTY + " unset for the built-in emulators.");
    }
}

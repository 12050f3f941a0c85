package dev.damagedesk.localaws;

import java.util.Map;
import java.util.Optional;

/**
 * One {@link LocalCloud} per JVM for tests: started at the first {@link #get()} (in memory, template defaults,
 * repository root from {@link RepositoryRoot#find()}), closed when the JVM exits. Tests that share it must not
 * depend on queues or tables being empty. If it cannot start, every later {@link #get()} fails at once with the
 * same cause instead of trying again for each test.
 */
public final class SharedLocalCloud {

    private static LocalCloud instance;
    private static RuntimeException startFailure;

    private SharedLocalCloud() {
    }

    public static synchronized LocalCloud get() {
        if (instance != null) {
            return instance;
        }
        if (startFailure != null) {
            throw new IllegalStateException("The shared LocalCloud failed to start earlier in this JVM", startFailure);
        }
        try {
            LocalCloud cloud = LocalCloud.start(RepositoryRoot.find(), Optional.empty(), Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(cloud::close, "stop-shared-local-cloud"));
            instance = cloud;
            return cloud;
        } catch (RuntimeException e) {
            startFailure = e;
            throw e;
        }
    }
}

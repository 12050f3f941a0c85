package dev.damagedesk.localaws;

import java.util.Map;
import java.util.Optional;

/**
 * One {@link LocalCloud} per JVM for tests: started at the first {@link #get()} (in memory, template defaults),
 * closed when the JVM exits. Tests that share it must not depend on queues or tables being empty.
 */
public final class SharedLocalCloud {

    private static LocalCloud instance;

    private SharedLocalCloud() {
    }

    public static synchronized LocalCloud get() {
        if (instance == null) {
            LocalCloud cloud = LocalCloud.start(RepositoryRoot.find(), Optional.empty(), Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(cloud::close, "stop-shared-local-cloud"));
            instance = cloud;
        }
        return instance;
    }
}

package dev.damagedesk.localaws.emulator;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Starts an {@link AwsBackend}. Found with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/dev.damagedesk.localaws.emulator.AwsBackendProvider} entry in the backend's jar) and chosen
 * by the system property {@value AwsBackends#PROPERTY}; see {@link AwsBackends}.
 */
public interface AwsBackendProvider {

    /** The value of {@value AwsBackends#PROPERTY} that chooses this backend, e.g. {@code localstack}. */
    String name();

    /**
     * Starts the backend and returns once SQS, DynamoDB and (when it serves it) SES answer.
     *
     * @param repositoryRoot the folder with {@code template.yaml}
     * @param dataDir        the local data directory, if any (a backend that cannot keep data there says so)
     */
    AwsBackend start(Path repositoryRoot, Optional<Path> dataDir);
}

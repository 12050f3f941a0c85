package dev.damagedesk.localaws.localstack;

import dev.damagedesk.localaws.emulator.AwsBackend;
import dev.damagedesk.localaws.emulator.AwsBackendProvider;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code -Ddamagedesk.aws=localstack}: LocalStack in Docker through Testcontainers. Registered in
 * {@code META-INF/services}; the image is {@value LocalStackBackend#DEFAULT_IMAGE} unless
 * {@code -D}{@value LocalStackBackend#IMAGE_PROPERTY} names another.
 */
public final class LocalStackBackendProvider implements AwsBackendProvider {

    public static final String NAME = "localstack";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AwsBackend start(Path repositoryRoot, Optional<Path> dataDir) {
        return LocalStackBackend.start(System.getProperty(LocalStackBackend.IMAGE_PROPERTY, LocalStackBackend.DEFAULT_IMAGE),
                dataDir);
    }
}

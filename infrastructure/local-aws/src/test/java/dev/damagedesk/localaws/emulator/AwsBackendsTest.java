package dev.damagedesk.localaws.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.localaws.RepositoryRoot;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which AWS backend -Ddamagedesk.aws chooses; LocalStack itself needs Docker and is tested with -Plocalstack only. */
class AwsBackendsTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "emulators", "EMULATORS"})
    void withoutTheProperty_theBuiltInEmulatorsAreChosen(String requested) {
        assertThat(AwsBackends.select(requested, List.of(provider("localstack")))).isEmpty();
    }

    @Test
    void localstackWithoutItsModuleOnTheClassPath_failsSayingHowToGetIt() {
        assertThatThrownBy(() -> AwsBackends.select("localstack", List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("-Ddamagedesk.aws=localstack")
                .hasMessageContaining("found: none")
                .hasMessageContaining("run with -Plocalstack");
    }

    @Test
    void thisModulesOwnClassPathHasNoBackendProvider() {
        assertThat(ServiceLoader.load(AwsBackendProvider.class)).isEmpty();
        assertThatThrownBy(() -> AwsBackends.select("localstack", ServiceLoader.load(AwsBackendProvider.class)))
                .hasMessageContaining("run with -Plocalstack");
    }

    @Test
    void theProviderNamedByThePropertyIsChosen() {
        AwsBackendProvider localstack = provider("localstack");
        assertThat(AwsBackends.select(" LocalStack ", List.of(provider("other"), localstack))).containsSame(localstack);
        assertThatThrownBy(() -> AwsBackends.select("moto", List.of(localstack))).hasMessageContaining("found: localstack");
    }

    @Test
    void localAwsStartReadsTheSystemPropertyAndStartsNothingWhenTheBackendIsMissing(@TempDir Path data) {
        String before = System.getProperty(AwsBackends.PROPERTY);
        System.setProperty(AwsBackends.PROPERTY, "localstack");
        try {
            assertThatThrownBy(() -> LocalAws.start(RepositoryRoot.find(), Optional.of(data)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("run with -Plocalstack");
            assertThat(data).isEmptyDirectory(); // no lock taken, no emulator log written
        } finally {
            if (before == null) {
                System.clearProperty(AwsBackends.PROPERTY);
            } else {
                System.setProperty(AwsBackends.PROPERTY, before);
            }
        }
    }

    private static AwsBackendProvider provider(String name) {
        return new AwsBackendProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public AwsBackend start(Path repositoryRoot, Optional<Path> dataDir) {
                throw new UnsupportedOperationException("not started in this test");
            }
        };
    }
}

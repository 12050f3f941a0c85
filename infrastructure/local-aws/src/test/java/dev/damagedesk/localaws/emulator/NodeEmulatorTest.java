package dev.damagedesk.localaws.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.localaws.RepositoryRoot;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeEmulatorTest {

    private final Path emulatorsDir = RepositoryRoot.find().resolve("infrastructure/emulators");

    @Test
    void closeStopsTheProcessAndFreesThePort() {
        LocalAws.installNodeEmulatorsIfMissing(emulatorsDir);
        NodeEmulator dynalite = NodeEmulator.dynalite(emulatorsDir, Optional.empty());
        NodeEmulator ses = NodeEmulator.sesLocal(emulatorsDir);
        try {
            assertThat(dynalite.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(NodeEmulator.acceptsConnections(dynalite.endpoint())).isTrue();
            assertThat(NodeEmulator.answers200(ses.endpoint().resolve("/health-check"))).isTrue();
            assertThat(dynalite.port()).isNotEqualTo(ses.port()).isNotEqualTo(4567);
            assertThat(dynalite.logFile()).exists();
        } finally {
            dynalite.close();
            ses.close();
        }
        assertThat(dynalite.isAlive()).isFalse();
        assertThat(ses.isAlive()).isFalse();
        assertThat(NodeEmulator.acceptsConnections(dynalite.endpoint())).isFalse();
        assertThat(NodeEmulator.acceptsConnections(ses.endpoint())).isFalse();
        dynalite.close(); // idempotent
    }

    @Test
    void anEmulatorThatDiesReportsItsOutput(@TempDir Path logDir) {
        assertThatThrownBy(() -> NodeEmulator.start("doomed", emulatorsDir, logDir,
                port -> java.util.List.of("-e", "console.error('no luck on port ' + " + port + "); process.exit(3)"),
                NodeEmulator::acceptsConnections))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("doomed exited with code 3")
                .hasMessageContaining("no luck on port");
        assertThat(logDir.resolve("doomed.log")).content().contains("no luck on port");
    }

    @Test
    void aMissingInstallIsExplained(@TempDir Path dir) {
        assertThatThrownBy(() -> NodeEmulator.sesLocal(dir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("install.sh");
    }

    /** The guard against orphans when the JVM is killed outright: the emulator exits when its stdin closes. */
    @Test
    void theWatchdogEndsNodeWhenItsParentGoesAway() throws Exception {
        Process node = new ProcessBuilder("node", "--require", emulatorsDir.resolve("exit-with-parent.js").toString(),
                "-e", "setInterval(() => {}, 1000)").redirectErrorStream(true).start();
        assertThat(node.waitFor(500, TimeUnit.MILLISECONDS)).as("still running while its stdin is open").isFalse();
        node.getOutputStream().close();
        assertThat(node.waitFor(10, TimeUnit.SECONDS)).as("exited after its stdin closed").isTrue();
    }
}

package dev.damagedesk.localruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.localruntime.RuntimeOptions.FunctionHosting;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RuntimeOptionsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void everyOptionIsRead() {
        RuntimeOptions options = parse(Map.of(), "--port", "4000", "--data-dir", "/tmp/dd", "--failed-message-visibility=5",
                "--parameter-overrides", "SenderEmail=a@b.example,ActiveIncidentId=2023-01-01", "--functions", "in-process").orElseThrow();

        assertThat(options).isEqualTo(new RuntimeOptions(ROOT, 4000, Optional.of(Path.of("/tmp/dd")), OptionalInt.of(5),
                Map.of("SenderEmail", "a@b.example", "ActiveIncidentId", "2023-01-01"), FunctionHosting.IN_PROCESS));
    }

    @Test
    void theCommandLineRunsFunctionsAsProcessesUnlessToldOtherwise() {
        assertThat(parse(Map.of()).orElseThrow().functionHosting()).isEqualTo(FunctionHosting.PROCESSES);
        assertThat(parse(Map.of(), "--functions=processes").orElseThrow().functionHosting()).isEqualTo(FunctionHosting.PROCESSES);
        assertThat(parse(Map.of(), "--functions", "in-process").orElseThrow().functionHosting()).isEqualTo(FunctionHosting.IN_PROCESS);
        assertThatThrownBy(() -> parse(Map.of(), "--functions", "threads")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--functions takes processes or in-process");
    }

    @Test
    void thePortComesFromThePortVariableThenDefaultsTo3000() {
        assertThat(parse(Map.of("PORT", "8080")).orElseThrow().port()).isEqualTo(8080);
        assertThat(parse(Map.of("PORT", "8080"), "--port=9090").orElseThrow().port()).isEqualTo(9090);
        assertThat(parse(Map.of()).orElseThrow())
                .isEqualTo(new RuntimeOptions(ROOT, 3000, Optional.empty(), OptionalInt.empty(), Map.of(), FunctionHosting.PROCESSES));
    }

    @Test
    void helpAsksForNothingElse() {
        assertThat(RuntimeOptions.parse(new String[] {"--help"}, Map.of(), () -> {
            throw new AssertionError("the repository is not needed for --help");
        })).isEmpty();
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> parse(Map.of(), "--prot", "1")).hasMessage("Unknown option: --prot");
        assertThatThrownBy(() -> parse(Map.of(), "--port")).hasMessage("--port needs a value");
        assertThatThrownBy(() -> parse(Map.of(), "--port", "http")).hasMessageContaining("--port must be a whole number");
        assertThatThrownBy(() -> parse(Map.of(), "--port", "70000")).hasMessageContaining("port must be 0..65535");
        assertThatThrownBy(() -> parse(Map.of(), "--parameter-overrides", "Greeting")).hasMessageContaining("KEY=VALUE");
    }

    private static Optional<RuntimeOptions> parse(Map<String, String> environment, String... args) {
        return RuntimeOptions.parse(args, environment, () -> ROOT);
    }
}

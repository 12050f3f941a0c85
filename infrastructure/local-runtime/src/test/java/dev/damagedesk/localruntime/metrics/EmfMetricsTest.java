package dev.damagedesk.localruntime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.lambda.PowertoolsTelemetry;
import dev.damagedesk.localaws.lambda.CapturedOutput;
import dev.damagedesk.localaws.lambda.LocalContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The last minute's figures, from the lines Powertools itself writes for the functions. */
class EmfMetricsTest {

    private final MovableClock clock = new MovableClock();
    private final EmfMetrics metrics = new EmfMetrics(clock);

    /** What the processor and the intake print for two stored reports, a refusal and their rules, as real lines. */
    private static List<String> powertoolsLines() {
        PowertoolsTelemetry telemetry = PowertoolsTelemetry.forFunction(FunctionEnvironment.of(Map.of(
                PowertoolsTelemetry.NAMESPACE_VARIABLE, "DamageDesk", PowertoolsTelemetry.SERVICE_VARIABLE, "damagedesk")));
        try (CapturedOutput output = CapturedOutput.start()) {
            telemetry.invoke(LocalContext.forTest("ProcessorFunction"), () -> {
                telemetry.reportStored(Duration.ofMillis(1200));
                telemetry.reportStored(Duration.ofMillis(300));
                telemetry.decided("paid-subscription.extension-3x");
                telemetry.decided("paid-subscription.extension-3x");
                telemetry.decided("business-loss.band-300k");
                telemetry.reportRefused("required");
                org.slf4j.LoggerFactory.getLogger(EmfMetricsTest.class).info("a log line, not a metric");
                return null;
            });
            return output.lines();
        }
    }

    @Test
    void sumsEachMetricPerDimensionSetOverTheLastMinute() {
        List<String> lines = powertoolsLines();
        assertThat(lines).anyMatch(line -> line.contains("\"_aws\""));
        lines.forEach(line -> metrics.line("ProcessorFunction", line));
        metrics.line("ProcessorFunction", "REPORT RequestId: 1 Duration: 2.00 ms");
        metrics.line("ProcessorFunction", "{\"_aws\": not json");

        Map<String, Object> figures = metrics.lastMinute();

        assertThat(figures).containsEntry("windowSeconds", 60L);
        assertThat(series(figures, "ReportsStored", Map.of("Service", "damagedesk")))
                .containsEntry("namespace", "DamageDesk").containsEntry("unit", "Count")
                .containsEntry("samples", 2).containsEntry("sum", 2.0)
                .containsEntry("functions", List.of("ProcessorFunction"));
        assertThat(series(figures, "ProcessingLag", Map.of("Service", "damagedesk")))
                .containsEntry("unit", "Milliseconds").containsEntry("sum", 1500.0)
                .containsEntry("min", 300.0).containsEntry("max", 1200.0);
        assertThat(series(figures, "Decisions", Map.of("Service", "damagedesk", "Rule", "paid-subscription.extension-3x")))
                .containsEntry("sum", 2.0);
        assertThat(series(figures, "Decisions", Map.of("Service", "damagedesk", "Rule", "business-loss.band-300k")))
                .containsEntry("sum", 1.0);
        assertThat(series(figures, "ReportsRefused", Map.of("Service", "damagedesk", "Reason", "required")))
                .containsEntry("sum", 1.0);
        assertThat((List<?>) figures.get("series")).hasSize(5);
    }

    @Test
    void aMinuteLaterTheFiguresAreGone() {
        powertoolsLines().forEach(line -> metrics.line("ProcessorFunction", line));
        assertThat((List<?>) metrics.lastMinute().get("series")).isNotEmpty();

        clock.advance(Duration.ofSeconds(61));

        assertThat((List<?>) metrics.lastMinute().get("series")).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> series(Map<String, Object> figures, String name, Map<String, String> dimensions) {
        return ((List<Map<String, Object>>) figures.get("series")).stream()
                .filter(figure -> name.equals(figure.get("name")) && dimensions.equals(figure.get("dimensions")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " " + dimensions + " in " + figures));
    }

    /** The real time, moved on by the test. */
    private static final class MovableClock extends Clock {
        private Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}

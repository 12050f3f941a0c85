package dev.damagedesk.adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.localaws.lambda.CapturedOutput;
import dev.damagedesk.localaws.lambda.LocalContext;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.common.internal.LambdaHandlerProcessor;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/** The Embedded Metric Format documents and log keys one invocation writes, read back as CloudWatch would. */
class PowertoolsTelemetryTest {

    private final PowertoolsTelemetry telemetry = new PowertoolsTelemetry("DamageDesk", "damagedesk");

    @Test
    @SuppressWarnings("unchecked")
    void anInvocationFlushesItsCountsAndLagInOneDocumentAndEachDimensionedCountInItsOwn() {
        List<Map<String, Object>> documents;
        try (CapturedOutput output = CapturedOutput.start()) {
            telemetry.invoke(LocalContext.forTest("ProcessorFunction"), () -> {
                telemetry.reportStored(Duration.ofMillis(1500));
                telemetry.reportStored(Duration.ofMillis(700));
                telemetry.duplicateLinked();
                telemetry.decided("paid-subscription.extension-3x");
                telemetry.reportRefused("required");
                return null;
            });
            documents = output.metricDocuments();
        }

        assertThat(documents).hasSize(3);
        Map<String, Object> decision = documents.get(0);
        assertThat(directive(decision)).containsEntry("Namespace", "DamageDesk")
                .containsEntry("Dimensions", List.of(List.of("Service", "Rule")))
                .containsEntry("Metrics", List.of(Map.of("Name", "Decisions", "Unit", "Count")));
        assertThat(decision).containsEntry("Rule", "paid-subscription.extension-3x").containsEntry("Service", "damagedesk")
                .containsEntry("Decisions", 1.0);
        Map<String, Object> refused = documents.get(1);
        assertThat(directive(refused)).containsEntry("Dimensions", List.of(List.of("Service", "Reason")));
        assertThat(refused).containsEntry("Reason", "required").containsEntry("ReportsRefused", 1.0);

        Map<String, Object> invocation = documents.get(2);
        assertThat(directive(invocation)).containsEntry("Namespace", "DamageDesk")
                .containsEntry("Dimensions", List.of(List.of("Service")));
        assertThat((List<Object>) directive(invocation).get("Metrics")).containsExactlyInAnyOrder(
                Map.of("Name", "ReportsStored", "Unit", "Count"),
                Map.of("Name", "ProcessingLag", "Unit", "Milliseconds"),
                Map.of("Name", "DuplicatesLinked", "Unit", "Count"));
        assertThat(invocation).containsEntry("ReportsStored", List.of(1.0, 1.0))
                .containsEntry("ProcessingLag", List.of(1500.0, 700.0))
                .containsEntry("DuplicatesLinked", 1.0)
                .containsEntry("Service", "damagedesk")
                .doesNotContainKeys("Rule", "Reason");
    }

    @Test
    void anInvocationThatMeasuredNothingWritesNoDocumentAndTheNextStartsEmpty() {
        try (CapturedOutput output = CapturedOutput.start()) {
            telemetry.invoke(LocalContext.forTest("ReportApiFunction"), () -> null);
            assertThat(output.metricDocuments()).isEmpty();

            telemetry.invoke(LocalContext.forTest("ReportApiFunction"), () -> {
                telemetry.reportAccepted();
                return null;
            });
            telemetry.invoke(LocalContext.forTest("ReportApiFunction"), () -> {
                telemetry.emailSent();
                return null;
            });
            assertThat(output.metricDocuments()).extracting(document -> document.keySet().stream()
                    .filter(key -> key.startsWith("Reports") || key.startsWith("Emails")).toList())
                    .containsExactly(List.of("ReportsAccepted"), List.of("EmailsSent"));
        }
    }

    @Test
    void aDocumentIsStampedWhenItsInvocationEndsNotWhenThePreviousOneDid() throws InterruptedException {
        try (CapturedOutput output = CapturedOutput.start()) {
            telemetry.invoke(LocalContext.forTest("ReportApiFunction"), () -> {
                telemetry.reportAccepted();
                return null;
            });
            Thread.sleep(1200); // a quiet spell in a warm container
            long before = System.currentTimeMillis();
            telemetry.invoke(LocalContext.forTest("ReportApiFunction"), () -> {
                telemetry.reportAccepted();
                return null;
            });
            Map<?, ?> aws = (Map<?, ?>) output.metricDocuments().get(1).get("_aws");
            assertThat(((Number) aws.get("Timestamp")).longValue()).isGreaterThanOrEqualTo(before);
        }
    }

    @Test
    void theLogLinesOfAnInvocationCarryTheLambdaKeysAndAFailingOneStillFlushes() {
        LocalContext context = LocalContext.forTest("NotificationFunction");
        List<Map<String, Object>> logs;
        List<Map<String, Object>> documents;
        try (CapturedOutput output = CapturedOutput.start()) {
            assertThatThrownBy(() -> telemetry.invoke(context, () -> {
                LogKeys.reportId("01GFM4V7Q2S8W3N5K6P9R0T1X2");
                LoggerFactory.getLogger(PowertoolsTelemetryTest.class).info("sending");
                telemetry.emailDeferred();
                throw new IllegalStateException("SES unavailable");
            })).isInstanceOf(IllegalStateException.class);
            LoggerFactory.getLogger(PowertoolsTelemetryTest.class).info("after the invocation");
            logs = output.logEvents();
            documents = output.metricDocuments();
        }

        assertThat(logs.get(0)).containsEntry("message", "sending").containsEntry("level", "INFO")
                .containsEntry("function_name", "NotificationFunction")
                .containsEntry("function_request_id", context.getAwsRequestId())
                .containsEntry("reportId", "01GFM4V7Q2S8W3N5K6P9R0T1X2")
                .containsEntry("service", "damagedesk")
                .containsKey("cold_start");
        assertThat(logs.get(1)).containsEntry("message", "after the invocation").doesNotContainKey("reportId");
        assertThat(logs.get(1).get("function_request_id")).isNull();
        assertThat(documents).singleElement().satisfies(document -> assertThat(document).containsEntry("EmailsDeferred", 1.0));
    }

    @Test
    void aColdStartIsCountedOnceWithTheFunctionsNameAndMarkedOnTheFirstLogLines() throws Exception {
        // A fresh container, as Lambda's on-demand initialisation starts one: Powertools keeps both flags per JVM.
        Field coldStart = LambdaHandlerProcessor.class.getDeclaredField("isColdStart");
        coldStart.setAccessible(true);
        Object before = coldStart.get(null);
        coldStart.set(null, Boolean.TRUE);
        Field loggingInitialised = PowertoolsLogging.class.getDeclaredField("hasBeenInitialized");
        loggingInitialised.setAccessible(true);
        ((AtomicBoolean) loggingInitialised.get(null)).set(false);
        try (CapturedOutput output = CapturedOutput.start()) {
            for (int i = 0; i < 2; i++) {
                telemetry.invoke(LocalContext.forTest("ProcessorFunction"), () -> {
                    LoggerFactory.getLogger(PowertoolsTelemetryTest.class).info("working");
                    return null;
                });
            }

            assertThat(output.metricDocuments()).singleElement().satisfies(document -> {
                assertThat(directive(document)).containsEntry("Namespace", "DamageDesk")
                        .containsEntry("Dimensions", List.of(List.of("Service", "FunctionName")))
                        .containsEntry("Metrics", List.of(Map.of("Name", "ColdStart", "Unit", "Count")));
                assertThat(document).containsEntry("ColdStart", 1.0).containsEntry("FunctionName", "ProcessorFunction");
            });
            assertThat(output.logEvents()).extracting(line -> line.get("cold_start")).containsExactly(true, false);
        } finally {
            coldStart.set(null, before);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> directive(Map<String, Object> document) {
        Map<String, Object> aws = (Map<String, Object>) document.get("_aws");
        return ((List<Map<String, Object>>) aws.get("CloudWatchMetrics")).get(0);
    }
}

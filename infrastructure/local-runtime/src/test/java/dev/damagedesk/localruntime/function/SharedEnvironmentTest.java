package dev.damagedesk.localruntime.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedEnvironmentTest {

    @Test
    void functionsThatAgreeShareOneSetOfProperties() {
        SharedEnvironment environment = SharedEnvironment.merge(Map.of(
                "IntakeFunction", Map.of("REPORTS_TABLE", "ReportsTable", "INTAKE_QUEUE_URL", "http://q/intake"),
                "ProcessorFunction", Map.of("REPORTS_TABLE", "ReportsTable", "NOTIFICATION_QUEUE_URL", "http://q/notify")));

        assertThat(environment.variables()).containsOnly(
                Map.entry("REPORTS_TABLE", "ReportsTable"),
                Map.entry("INTAKE_QUEUE_URL", "http://q/intake"),
                Map.entry("NOTIFICATION_QUEUE_URL", "http://q/notify"));
    }

    @Test
    void twoFunctionsNeedingOneVariableWithDifferentValuesAreRefused() {
        assertThatThrownBy(() -> SharedEnvironment.merge(Map.of(
                "IntakeFunction", Map.of("QUEUE_URL", "http://q/intake"),
                "ProcessorFunction", Map.of("QUEUE_URL", "http://q/notify"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("QUEUE_URL (IntakeFunction: 'http://q/intake', ProcessorFunction: 'http://q/notify')");
    }

    @Test
    void appliesTheVariablesAsSystemPropertiesAndPutsBackWhatWasThere() {
        System.setProperty("LOCAL_RUNTIME_TEST_KEPT", "before");
        System.clearProperty("LOCAL_RUNTIME_TEST_NEW");

        Runnable restore = SharedEnvironment.merge(Map.of("F", Map.of("LOCAL_RUNTIME_TEST_KEPT", "applied",
                "LOCAL_RUNTIME_TEST_NEW", "applied"))).applyAsSystemProperties();

        assertThat(System.getProperty("LOCAL_RUNTIME_TEST_KEPT")).isEqualTo("applied");
        assertThat(System.getProperty("LOCAL_RUNTIME_TEST_NEW")).isEqualTo("applied");
        restore.run();
        assertThat(System.getProperty("LOCAL_RUNTIME_TEST_KEPT")).isEqualTo("before");
        assertThat(System.getProperty("LOCAL_RUNTIME_TEST_NEW")).isNull();
    }

    @Test
    void findsVariablesTheProcessEnvironmentShadowsAndTheEndpointsAmongThem() {
        SharedEnvironment environment = SharedEnvironment.merge(Map.of("F", Map.of(
                "AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:9324", "REPORTS_TABLE", "ReportsTable")));
        Map<String, String> shell = Map.of("AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL_SQS", "https://sqs.eu-west-1.amazonaws.com",
                "REPORTS_TABLE", "ReportsTable");

        assertThat(environment.shadowedBy(shell::get)).containsExactly("AWS_ENDPOINT_URL_SQS", "AWS_REGION");
        assertThat(environment.overriddenEndpoints(shell::get)).containsExactly("AWS_ENDPOINT_URL_SQS");
    }
}

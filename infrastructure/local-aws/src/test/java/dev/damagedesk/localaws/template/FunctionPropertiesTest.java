package dev.damagedesk.localaws.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.localaws.RepositoryRoot;
import org.junit.jupiter.api.Test;

/** A function's properties: honoured, known to work on AWS only (and said so at start), or refused by name. */
class FunctionPropertiesTest {

    private static SamTemplate parse(String template) {
        return SamTemplate.of(TemplateYaml.parse(template, "test template"));
    }

    @Test
    void snapStartAliasesAndTracingAreAcceptedAndSaidToBeNotEmulated() {
        SamTemplate template = parse("""
            Globals:
              Function:
                SnapStart: {ApplyOn: PublishedVersions}
                AutoPublishAlias: live
                Tracing: Active
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: {Handler: a.B::handleRequest}
              Other:
                Type: AWS::Serverless::Function
                Properties: {Handler: a.C::handleRequest, Tracing: PassThrough}
              Board:
                Type: AWS::CloudWatch::Dashboard
                Properties: {DashboardBody: '{}'}
              Lag:
                Type: AWS::CloudWatch::Alarm
                Properties: {MetricName: ProcessingLag}
            """);

        assertThat(template.functions()).hasSize(2);
        assertThat(template.notEmulatedNotes()).containsExactly(
                "AutoPublishAlias: not emulated locally; events invoke the function itself, no version or alias"
                        + " (Globals.Function.AutoPublishAlias)",
                "SnapStart: not emulated locally; instances start cold (no snapshot, no runtime hooks)"
                        + " (Globals.Function.SnapStart)",
                "Tracing: not emulated locally; no X-Ray segments are recorded (Globals.Function.Tracing, Other.Tracing)",
                "CloudWatch: 1 alarm and 1 dashboard not emulated locally; no metrics are collected");
    }

    @Test
    void anEventTheRuntimeDoesNotDeliverIsNamedAtStart() {
        SamTemplate template = parse("""
            Resources:
              Controller:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: a.B::handleRequest
                  Events:
                    EveryMinute:
                      Type: Schedule
                      Properties: {Schedule: rate(1 minute)}
                    AlarmChange:
                      Type: EventBridgeRule
                      Properties: {Pattern: {source: [aws.cloudwatch]}}
            """);

        assertThat(template.functions().get(0).schedules()).hasSize(1);
        assertThat(template.notEmulatedNotes()).containsExactly("Controller.Events.AlarmChange: event type"
                + " EventBridgeRule not emulated locally; the function gets no such event (its other events, e.g. a"
                + " Schedule, still run it)");
    }

    @Test
    void anUnknownFunctionPropertyStillStopsTheStartByName() {
        assertThatThrownBy(() -> parse("""
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: {Handler: a.B::handleRequest, MemorySiz: 512}
            """)).isInstanceOf(TemplateException.class).hasMessageContaining("Fn").hasMessageContaining("[MemorySiz]");
        assertThatThrownBy(() -> parse("""
            Globals:
              Function:
                SnapStartt: {ApplyOn: PublishedVersions}
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: {Handler: a.B::handleRequest}
            """)).isInstanceOf(TemplateException.class).hasMessageContaining("Globals.Function")
                .hasMessageContaining("[SnapStartt]");
    }

    @Test
    void theRealTemplateSnapshotsTracesAndAliasesEveryFunction() {
        SamTemplate template = SamTemplate.load(RepositoryRoot.find().resolve("template.yaml"));

        for (FunctionSpec function : template.functions()) {
            assertThat(template.functionProperties(function.logicalId()))
                    .containsEntry("SnapStart", java.util.Map.of("ApplyOn", "PublishedVersions"))
                    .containsEntry("AutoPublishAlias", "live")
                    .containsEntry("Tracing", "Active");
        }
        assertThat(template.notEmulatedNotes()).anySatisfy(note -> assertThat(note).startsWith("SnapStart: not emulated"))
                .anySatisfy(note -> assertThat(note).contains("1 dashboard"));
    }
}

package dev.damagedesk.localaws.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.localaws.RepositoryRoot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The model of the real template.yaml: if the template changes shape, this test says so. */
class SamTemplateTest {

    private final SamTemplate template = SamTemplate.load(RepositoryRoot.find().resolve("template.yaml"));

    @Test
    void fourFunctionsWithTheirHandlers() {
        assertThat(template.functions()).extracting(FunctionSpec::logicalId)
                .containsExactly("IntakeFunction", "ProcessorFunction", "NotifierFunction", "RescoreFunction",
                        "DocumentDeadlineFunction", "SurgeControllerFunction", "AdminFunction", "StaffJobFunction");
        FunctionSpec intake = template.function("IntakeFunction");
        assertThat(intake.handlerClass()).isEqualTo("dev.damagedesk.intake.handler.ReportApiHandler");
        assertThat(intake.handlerMethod()).isEqualTo("handleRequest");
        assertThat(template.function("ProcessorFunction").handlerClass())
                .isEqualTo("dev.damagedesk.processor.handler.ReportProcessorHandler");
        assertThat(template.function("NotifierFunction").handlerClass())
                .isEqualTo("dev.damagedesk.notifier.handler.NotificationHandler");
        assertThat(template.function("RescoreFunction").handlerClass())
                .isEqualTo("dev.damagedesk.rescorer.handler.RescoreHandler");
        assertThat(template.function("DocumentDeadlineFunction").handlerClass())
                .isEqualTo("dev.damagedesk.deadlines.handler.DocumentDeadlineHandler");
        assertThat(template.function("SurgeControllerFunction").handlerClass())
                .isEqualTo("dev.damagedesk.surge.handler.SurgeControllerHandler");
        assertThat(template.function("AdminFunction").handlerClass())
                .isEqualTo("dev.damagedesk.admin.handler.AdminApiHandler");
        assertThat(template.function("StaffJobFunction").handlerClass())
                .isEqualTo("dev.damagedesk.admin.handler.StaffJobHandler");
    }

    @Test
    void globalsAreMergedIntoEachFunction() {
        for (FunctionSpec function : template.functions()) {
            // the scheduled batch and the staff job worker set their own, as a function's property overrides Globals
            boolean worker = function.logicalId().equals("StaffJobFunction");
            assertThat(function.timeoutSeconds()).isEqualTo(function.logicalId().equals("DocumentDeadlineFunction") ? 120
                    : worker ? 300 : 30);
            assertThat(function.memoryMb()).isEqualTo(worker ? 1536 : 1024);
            assertThat(function.environment()).containsKeys("JAVA_TOOL_OPTIONS", "REPORTS_TABLE",
                    "ACTIVE_INCIDENT_ID", "REPORT_RETENTION_DAYS");
            assertThat(function.environment().get("REPORTS_TABLE")).isEqualTo(Map.of("Ref", "ReportsTable"));
        }
        assertThat(template.function("IntakeFunction").environment())
                .containsKeys("INTAKE_QUEUE_URL", "PROCESSING_RATE_PER_MINUTE", "TRACKING_TOKEN_SECRET");
        assertThat(template.function("ProcessorFunction").environment()).containsKey("NOTIFICATION_QUEUE_URL")
                .doesNotContainKey("INTAKE_QUEUE_URL");
        assertThat(template.function("NotifierFunction").environment()).containsKey("SENDER_EMAIL");
        assertThat(template.functionProperties("NotifierFunction"))
                .containsEntry("Runtime", "java17").containsEntry("Architectures", List.of("arm64"));
    }

    @Test
    void globalsMergeAsSamDoes() {
        Map<String, Object> merged = SamTemplate.mergeGlobals(
                Map.of("Timeout", 30, "Layers", List.of("a"), "Environment", Map.of("Variables", Map.of("A", "1", "B", "2")),
                        "Description", Map.of("Ref", "X")),
                Map.of("Timeout", 5, "Layers", List.of("b"), "Environment", Map.of("Variables", Map.of("B", "3")),
                        "Description", Map.of("Fn::Sub", "y")));
        assertThat(merged).containsEntry("Timeout", 5).containsEntry("Layers", List.of("a", "b"))
                .containsEntry("Environment", Map.of("Variables", Map.of("A", "1", "B", "3")))
                .containsEntry("Description", Map.of("Fn::Sub", "y"));
    }

    @Test
    void httpRoutesOfTheIntake() {
        assertThat(template.function("IntakeFunction").httpRoutes()).containsExactly(
                new HttpRoute("SubmitReport", "POST", "/v1/reports", "PublicApi"),
                new HttpRoute("GetReport", "GET", "/v1/reports/{reportId}", "PublicApi"),
                new HttpRoute("SubscribeToNotices", "POST", "/v1/notices/subscriptions", "PublicApi"));
        assertThat(template.function("IntakeFunction").httpRoutes()).extracting(HttpRoute::routeKey)
                .containsExactly("POST /v1/reports", "GET /v1/reports/{reportId}", "POST /v1/notices/subscriptions");
        assertThat(template.httpApis()).containsExactly("PublicApi", "AdminApi");
    }

    @Test
    void sqsEventSourcesReportBatchItemFailures() {
        assertThat(template.function("ProcessorFunction").sqsEventSources()).containsExactly(
                new SqsEventSource("IntakeQueueEvent", "IntakeQueue", 10, 0, true, 10));
        assertThat(template.function("NotifierFunction").sqsEventSources()).containsExactly(
                new SqsEventSource("NotificationQueueEvent", "NotificationQueue", 10, 0, true, 2));
        assertThat(template.function("IntakeFunction").sqsEventSources()).isEmpty();
    }

    @Test
    void sixQueuesWithRedrive() {
        assertThat(template.queues()).containsExactly(
                new QueueSpec("IntakeQueue", 180, 1_209_600, 0, Optional.of("IntakeDeadLetterQueue"), 5),
                new QueueSpec("IntakeDeadLetterQueue", 30, 1_209_600, 0, Optional.empty(), 0),
                new QueueSpec("NotificationQueue", 180, 1_209_600, 0, Optional.of("NotificationDeadLetterQueue"), 10),
                new QueueSpec("NotificationDeadLetterQueue", 30, 1_209_600, 0, Optional.empty(), 0),
                new QueueSpec("RescoreQueue", 180, 1_209_600, 0, Optional.of("RescoreDeadLetterQueue"), 5),
                new QueueSpec("RescoreDeadLetterQueue", 30, 1_209_600, 0, Optional.empty(), 0),
                new QueueSpec("StaffJobQueue", 1800, 1_209_600, 0, Optional.of("StaffJobDeadLetterQueue"), 5),
                new QueueSpec("StaffJobDeadLetterQueue", 30, 1_209_600, 0, Optional.empty(), 0));
    }

    @Test
    void theReportsTableWithItsIndexesAndTtlAndTheAuditTable() {
        assertThat(template.tables()).extracting(TableSpec::logicalId).containsExactly("ReportsTable", "AuditTable");
        TableSpec audit = template.table("AuditTable");
        assertThat(audit.hashKey()).isEqualTo("pk");
        assertThat(audit.rangeKey()).contains("sk");
        assertThat(audit.globalSecondaryIndexes()).isEmpty();
        assertThat(audit.ttlAttribute()).as("audit entries never expire").isEmpty();
        TableSpec table = template.table("ReportsTable");
        assertThat(table.hashKey()).isEqualTo("pk");
        assertThat(table.rangeKey()).contains("sk");
        assertThat(table.attributeTypes()).containsOnlyKeys("pk", "sk", "gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk", "gsi3sk")
                .allSatisfy((name, type) -> assertThat(type).isEqualTo("S"));
        assertThat(table.globalSecondaryIndexes()).containsExactly(
                new IndexSpec("StatusQueue", "gsi1pk", Optional.of("gsi1sk"), "ALL"),
                new IndexSpec("IncidentService", "gsi2pk", Optional.of("gsi2sk"), "ALL"),
                new IndexSpec("StatusPriority", "gsi1pk", Optional.of("gsi3sk"), "ALL"));
        assertThat(table.ttlAttribute()).contains("expiresAt");
    }

    @Test
    void secretsParametersAndWhatIsNotEmulated() {
        assertThat(template.secrets()).containsExactly("TrackingTokenSecret", "IdentityKeySecret");
        assertThat(template.parameterDefaults()).containsEntry("SenderEmail", "no-reply@damagedesk.example")
                .containsEntry("ActiveIncidentId", "2022-10-15").containsEntry("ProcessingRatePerMinute", "600")
                .containsEntry("ReportRetentionDays", "1095").containsEntry("AlarmTopicArn", "");
        assertThat(template.unemulatedResources())
                .containsEntry("PublicApiAccessLogs", "AWS::Logs::LogGroup")
                .containsEntry("IntakeFunctionLogs", "AWS::Logs::LogGroup")
                .containsEntry("IntakeDeadLetterQueueNotEmpty", "AWS::CloudWatch::Alarm")
                .containsEntry("PublicApi5xx", "AWS::CloudWatch::Alarm")
                .doesNotContainKeys("IntakeQueue", "ReportsTable", "TrackingTokenSecret", "PublicApi", "IntakeFunction");
    }

    @Test
    void defaultsAndErrorsOfASmallTemplate() {
        SamTemplate small = SamTemplate.of(TemplateYaml.parse("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B
                      Events:
                        Poll: {Type: SQS, Properties: {Queue: !GetAtt Q.Arn}}
                        Any: {Type: HttpApi}
                        Nightly: {Type: Schedule, Properties: {Schedule: rate(1 day)}}
                  Q:
                    Type: AWS::SQS::Queue
                """, "small"));
        FunctionSpec function = small.function("Fn");
        assertThat(function.handlerMethod()).isEqualTo("handleRequest");
        assertThat(function.timeoutSeconds()).isEqualTo(3);
        assertThat(function.memoryMb()).isEqualTo(128);
        assertThat(function.sqsEventSources()).containsExactly(new SqsEventSource("Poll", "Q", 10, 0, false, 1000));
        assertThat(function.httpRoutes()).containsExactly(new HttpRoute("Any", "ANY", "$default", "ServerlessHttpApi"));
        assertThat(function.httpRoutes().get(0).routeKey()).isEqualTo("$default");
        assertThat(small.httpApis()).containsExactly("ServerlessHttpApi");
        assertThat(function.schedules()).containsExactly(new ScheduleEvent("Nightly", "rate(1 day)", true, Optional.empty()));
        assertThat(small.unemulatedResources()).doesNotContainKey("Fn.Events.Nightly");
        assertThat(small.queue("Q")).isEqualTo(new QueueSpec("Q", 30, 345_600, 0, Optional.empty(), 0));

        assertThatThrownBy(() -> SamTemplate.of(TemplateYaml.parse("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B
                      Events:
                        Poll: {Type: SQS, Properties: {Queue: !GetAtt Missing.Arn}}
                """, "broken"))).isInstanceOf(TemplateException.class).hasMessageContaining("Fn.Events.Poll")
                .hasMessageContaining("Missing");
    }
}

package dev.damagedesk.localaws.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.localaws.RepositoryRoot;
import dev.damagedesk.localaws.provision.ProvisionedResources;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateValuesTest {

    private static final String SECRET = "s3cr3t".repeat(10) + "abcd";
    private static final String IDENTITY_SECRET = "identity-secret-of-the-test-0123456789abcdefghijklmnopqrstuv";

    private final SamTemplate template = SamTemplate.load(RepositoryRoot.find().resolve("template.yaml"));
    private final ProvisionedResources names = new ProvisionedResources(
            Map.of("IntakeQueue", "http://127.0.0.1:9324/000000000000/IntakeQueue",
                    "IntakeDeadLetterQueue", "http://127.0.0.1:9324/000000000000/IntakeDeadLetterQueue",
                    "NotificationQueue", "http://127.0.0.1:9324/000000000000/NotificationQueue",
                    "NotificationDeadLetterQueue", "http://127.0.0.1:9324/000000000000/NotificationDeadLetterQueue"),
            Map.of("IntakeQueue", "arn:aws:sqs:us-east-1:000000000000:IntakeQueue",
                    "IntakeDeadLetterQueue", "arn:aws:sqs:us-east-1:000000000000:IntakeDeadLetterQueue",
                    "NotificationQueue", "arn:aws:sqs:us-east-1:000000000000:NotificationQueue",
                    "NotificationDeadLetterQueue", "arn:aws:sqs:us-east-1:000000000000:NotificationDeadLetterQueue"),
            Map.of("ReportsTable", "arn:aws:dynamodb:us-east-1:000000000000:table/ReportsTable",
                    "AuditTable", "arn:aws:dynamodb:us-east-1:000000000000:table/AuditTable"),
            Map.of("TrackingTokenSecret", SECRET, "IdentityKeySecret", IDENTITY_SECRET),
            List.of("IntakeFunction", "ProcessorFunction", "NotifierFunction"));
    private final TemplateValues values = new TemplateValues(template, Map.of(), names);

    private static Object yaml(String value) {
        return TemplateYaml.parse("V: " + value + "\n", "test").get("V");
    }

    @Test
    void parametersTakeOverridesThenDefaults() {
        assertThat(values.resolve(yaml("!Ref SenderEmail"))).isEqualTo("no-reply@damagedesk.example");
        assertThat(values.resolve(yaml("!Ref ProcessingRatePerMinute"))).isEqualTo("600");
        TemplateValues overridden = new TemplateValues(template, Map.of("SenderEmail", "desk@example.org"), names);
        assertThat(overridden.resolve(yaml("!Ref SenderEmail"))).isEqualTo("desk@example.org");
        assertThatThrownBy(() -> new TemplateValues(template, Map.of("SenderMail", "x"), names))
                .isInstanceOf(TemplateException.class).hasMessageContaining("SenderMail");
    }

    @Test
    void pseudoParametersAndPlainScalars() {
        assertThat(values.resolve(yaml("!Sub '${AWS::Region}/${AWS::AccountId}/${AWS::Partition}/${AWS::StackName}/${AWS::URLSuffix}'")))
                .isEqualTo("us-east-1/000000000000/aws/damagedesk-local/amazonaws.com");
        assertThat(values.resolve(600)).isEqualTo("600");
        assertThat(values.resolve(1.5)).isEqualTo("1.5");
        assertThat(values.resolve(true)).isEqualTo("true");
        assertThat(values.resolve("-XX:+TieredCompilation")).isEqualTo("-XX:+TieredCompilation");
    }

    @Test
    void resourcesResolveThroughTheLocalNames() {
        assertThat(values.resolve(yaml("!Ref IntakeQueue"))).isEqualTo("http://127.0.0.1:9324/000000000000/IntakeQueue");
        assertThat(values.resolve(yaml("!GetAtt IntakeQueue.Arn"))).isEqualTo("arn:aws:sqs:us-east-1:000000000000:IntakeQueue");
        assertThat(values.resolve(yaml("!GetAtt IntakeDeadLetterQueue.QueueName"))).isEqualTo("IntakeDeadLetterQueue");
        assertThat(values.resolve(yaml("!GetAtt IntakeQueue.QueueUrl"))).endsWith("/IntakeQueue");
        assertThat(values.resolve(yaml("!Ref ReportsTable"))).isEqualTo("ReportsTable");
        assertThat(values.resolve(yaml("!GetAtt ReportsTable.Arn"))).endsWith(":table/ReportsTable");
        assertThat(values.resolve(yaml("!Ref IntakeFunction"))).isEqualTo("IntakeFunction");
        assertThat(values.resolve(yaml("!GetAtt NotifierFunction.Arn")))
                .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:NotifierFunction");
    }

    @Test
    void subWithADynamicSecretReference() {
        Object tokenSecret = template.function("IntakeFunction").environment().get("TRACKING_TOKEN_SECRET");
        assertThat(values.resolve(tokenSecret)).isEqualTo(SECRET);
        assertThat(values.resolve("{{resolve:secretsmanager:TrackingTokenSecret}}")).isEqualTo(SECRET);
        assertThat(values.resolve(yaml("!Sub 'key=${TrackingTokenSecret}'")))
                .isEqualTo("key=arn:aws:secretsmanager:us-east-1:000000000000:secret:TrackingTokenSecret");
        assertThatThrownBy(() -> values.resolve("{{resolve:ssm:/damagedesk/x}}"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("resolve:ssm");
    }

    @Test
    void subVariablesLiteralsJoinSelectAndSplit() {
        assertThat(values.resolve(yaml("!Sub ['${Q}|${!NotAVariable}', {Q: !GetAtt IntakeQueue.QueueName}]")))
                .isEqualTo("IntakeQueue|${NotAVariable}");
        assertThat(values.resolve(yaml("!Join [',', [a, !Ref ReportsTable, 3]]"))).isEqualTo("a,ReportsTable,3");
        assertThat(values.resolve(yaml("!Select [1, !Split ['-', !Ref ActiveIncidentId]]"))).isEqualTo("10");
        assertThat(values.resolve(yaml("!Select [0, !GetAZs '']"))).isEqualTo("us-east-1a");
        assertThat(values.resolve(yaml("!Base64 abc"))).isEqualTo("YWJj");
    }

    @Test
    void conditionsAndIf() {
        assertThat(values.condition("HasAlarmTopic")).isFalse();
        assertThat(values.resolveOptional(yaml("!If [HasAlarmTopic, !Ref AlarmTopicArn, !Ref 'AWS::NoValue']"))).isEmpty();
        TemplateValues withTopic = new TemplateValues(template,
                Map.of("AlarmTopicArn", "arn:aws:sns:us-east-1:000000000000:alarms"), names);
        assertThat(withTopic.condition("HasAlarmTopic")).isTrue();
        assertThat(withTopic.resolve(yaml("!If [HasAlarmTopic, !Ref AlarmTopicArn, none]")))
                .isEqualTo("arn:aws:sns:us-east-1:000000000000:alarms");
        assertThat(values.resolve(yaml("!If [HasAlarmTopic, yes-topic, no-topic]"))).isEqualTo("no-topic");
    }

    @Test
    void theFunctionsEnvironmentsResolve() {
        assertThat(values.environmentOf(template.function("IntakeFunction"))).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"),
                Map.entry("REPORTS_TABLE", "ReportsTable"),
                Map.entry("AUDIT_TABLE", "AuditTable"),
                Map.entry("ACTIVE_INCIDENT_ID", "2022-10-15"),
                Map.entry("REPORT_RETENTION_DAYS", "1095"),
                Map.entry("INTAKE_QUEUE_URL", "http://127.0.0.1:9324/000000000000/IntakeQueue"),
                Map.entry("PROCESSING_RATE_PER_MINUTE", "600"),
                Map.entry("TRACKING_TOKEN_SECRET", SECRET),
                Map.entry("IDENTITY_KEY_SECRET", IDENTITY_SECRET),
                Map.entry("SUBMISSION_LIMIT_PER_CONTACT_PER_HOUR", "20"),
                Map.entry("SUBMISSION_LIMIT_PER_CLIENT_PER_MINUTE", "120"),
                Map.entry("POWERTOOLS_SERVICE_NAME", "damagedesk"),
                Map.entry("POWERTOOLS_METRICS_NAMESPACE", "DamageDesk")));
        assertThat(values.environmentOf(template.function("ProcessorFunction")))
                .containsEntry("NOTIFICATION_QUEUE_URL", "http://127.0.0.1:9324/000000000000/NotificationQueue")
                .containsEntry("IDENTITY_KEY_SECRET", IDENTITY_SECRET);
        assertThat(values.environmentOf(template.function("NotifierFunction")))
                .containsEntry("SENDER_EMAIL", "no-reply@damagedesk.example");
    }

    @Test
    void whatCannotBeResolvedIsNamed() {
        assertThatThrownBy(() -> values.resolve(yaml("!Ref PublicApi5xx")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("PublicApi5xx")
                .hasMessageContaining("AWS::CloudWatch::Alarm");
        assertThatThrownBy(() -> values.resolve(yaml("!Ref Nowhere")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("Nowhere");
        assertThatThrownBy(() -> values.resolve(yaml("!GetAtt ReportsTable.StreamArn")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("ReportsTable.StreamArn");
        assertThatThrownBy(() -> values.resolve(yaml("!Sub '${Missing.Arn}'")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("Missing");
        assertThatThrownBy(() -> values.resolve(yaml("!ImportValue Shared")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("Fn::ImportValue");
    }
}

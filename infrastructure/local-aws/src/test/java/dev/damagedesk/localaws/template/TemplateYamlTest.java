package dev.damagedesk.localaws.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.localaws.RepositoryRoot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateYamlTest {

    private static Object value(String yamlValue) {
        return TemplateYaml.parse("Value: " + yamlValue + "\n", "test").get("Value");
    }

    @Test
    void refAndGetAttTakeTheirJsonForms() {
        assertThat(value("!Ref ReportsTable")).isEqualTo(Map.of("Ref", "ReportsTable"));
        assertThat(value("!GetAtt IntakeQueue.Arn")).isEqualTo(Map.of("Fn::GetAtt", List.of("IntakeQueue", "Arn")));
        assertThat(value("!GetAtt [IntakeQueue, QueueName]"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("IntakeQueue", "QueueName")));
        assertThat(value("!GetAtt Database.Endpoint.Address"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("Database", "Endpoint.Address")));
        assertThat(value("!Condition HasAlarmTopic")).isEqualTo(Map.of("Condition", "HasAlarmTopic"));
    }

    @Test
    void subTakesBothForms() {
        assertThat(value("!Sub 'arn:${AWS::Partition}:ses:${AWS::Region}'"))
                .isEqualTo(Map.of("Fn::Sub", "arn:${AWS::Partition}:ses:${AWS::Region}"));
        assertThat(value("!Sub ['${Name}-x', {Name: !Ref Stage}]"))
                .isEqualTo(Map.of("Fn::Sub", List.of("${Name}-x", Map.of("Name", Map.of("Ref", "Stage")))));
    }

    @Test
    void everyOtherShortFormBecomesItsFnKey() {
        assertThat(value("!Join [':', [a, !Ref B]]"))
                .isEqualTo(Map.of("Fn::Join", List.of(":", List.of("a", Map.of("Ref", "B")))));
        assertThat(value("!If [HasTopic, !Ref Topic, !Ref 'AWS::NoValue']"))
                .isEqualTo(Map.of("Fn::If", List.of("HasTopic", Map.of("Ref", "Topic"), Map.of("Ref", "AWS::NoValue"))));
        assertThat(value("!Not [!Equals [!Ref A, '']]"))
                .isEqualTo(Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "A"), "")))));
        assertThat(value("!And [!Condition A, !Or [!Condition B, !Condition C]]")).isEqualTo(Map.of("Fn::And",
                List.of(Map.of("Condition", "A"),
                        Map.of("Fn::Or", List.of(Map.of("Condition", "B"), Map.of("Condition", "C"))))));
        assertThat(value("!Select [0, !GetAZs '']"))
                .isEqualTo(Map.of("Fn::Select", List.of(0, Map.of("Fn::GetAZs", ""))));
        assertThat(value("!Split [',', !ImportValue Shared]"))
                .isEqualTo(Map.of("Fn::Split", List.of(",", Map.of("Fn::ImportValue", "Shared"))));
        assertThat(value("!FindInMap [Regions, !Ref 'AWS::Region', Ami]")).isEqualTo(
                Map.of("Fn::FindInMap", List.of("Regions", Map.of("Ref", "AWS::Region"), "Ami")));
        assertThat(value("!Base64 hello")).isEqualTo(Map.of("Fn::Base64", "hello"));
        assertThat(value("!Cidr ['10.0.0.0/16', 6, 5]")).isEqualTo(Map.of("Fn::Cidr", List.of("10.0.0.0/16", 6, 5)));
    }

    @Test
    void blockStyleMappingsAndSequencesUnderATag() {
        Map<String, Object> parsed = TemplateYaml.parse("""
                Value: !Sub
                  - 'https://${Api}.example'
                  - Api: !Ref PublicApi
                """, "test");
        assertThat(parsed.get("Value")).isEqualTo(
                Map.of("Fn::Sub", List.of("https://${Api}.example", Map.of("Api", Map.of("Ref", "PublicApi")))));
    }

    @Test
    void datesStayStrings() {
        Map<String, Object> parsed = TemplateYaml.parse("AWSTemplateFormatVersion: 2010-09-09\n", "test");
        assertThat(parsed.get("AWSTemplateFormatVersion")).isEqualTo("2010-09-09");
    }

    @Test
    void rejectsDuplicateKeysAndNamesTheSource() {
        assertThatThrownBy(() -> TemplateYaml.parse("A: 1\nA: 2\n", "dup.yaml"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("dup.yaml");
    }

    @Test
    void readsTheRealTemplate() {
        Map<String, Object> template = TemplateYaml.load(RepositoryRoot.find().resolve("template.yaml"));
        assertThat(template).containsKeys("Parameters", "Conditions", "Globals", "Resources", "Outputs");
        assertThat(template.get("Conditions")).isEqualTo(Map.of("HasAlarmTopic",
                Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "AlarmTopicArn"), ""))))));
    }
}

package dev.damagedesk.localaws.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.localaws.RepositoryRoot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The customer-managed KMS key of template.yaml: what it encrypts, who may use it and how, and what the local runtime
 * does with it (knows it, does not emulate it, says so, refuses a reference it cannot describe).
 */
class EncryptionAtRestTest {

    private static final Map<String, Object> KEY_ARN = Map.of("Fn::GetAtt", List.of("PersonalDataKey", "Arn"));

    private final SamTemplate template = SamTemplate.load(RepositoryRoot.find().resolve("template.yaml"));

    // ------------------------------------------------------------------ the real template

    @Test
    void everyTableQueueTheExportBucketAndEverySecretAreEncryptedWithTheOneKey() {
        assertThat(template.kmsKeys()).extracting(KmsKeySpec::logicalId).containsExactly("PersonalDataKey");
        KmsKeySpec key = template.kmsKey("PersonalDataKey");
        List<String> expected = new ArrayList<>();
        template.tables().forEach(table -> expected.add(table.logicalId()));
        template.queues().forEach(queue -> expected.add(queue.logicalId()));
        expected.add("ExportBucket");
        expected.addAll(template.secrets());

        assertThat(key.encrypts()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(template.queues()).hasSize(8); // dead-letter queues included
        assertThat(template.tables()).extracting(TableSpec::logicalId).containsExactlyInAnyOrder("ReportsTable", "AuditTable");
        assertThat(key.rotation()).isTrue();
        assertThat(key.aliases()).containsExactly("PersonalDataKeyAlias");
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachResourceNamesTheKeyAsItsServiceExpects() {
        for (TableSpec table : template.tables()) {
            Map<String, Object> sse = (Map<String, Object>) properties(table.logicalId()).get("SSESpecification");
            assertThat(sse).as(table.logicalId()).containsEntry("SSEEnabled", true).containsEntry("SSEType", "KMS")
                    .containsEntry("KMSMasterKeyId", KEY_ARN);
        }
        for (QueueSpec queue : template.queues()) {
            assertThat(properties(queue.logicalId())).as(queue.logicalId()).containsEntry("KmsMasterKeyId", KEY_ARN)
                    .containsKey("KmsDataKeyReusePeriodSeconds").doesNotContainKey("SqsManagedSseEnabled");
        }
        Map<String, Object> rule = (Map<String, Object>) ((List<Object>) ((Map<String, Object>) properties("ExportBucket")
                .get("BucketEncryption")).get("ServerSideEncryptionConfiguration")).get(0);
        assertThat(rule).containsEntry("BucketKeyEnabled", true);
        assertThat((Map<String, Object>) rule.get("ServerSideEncryptionByDefault"))
                .containsEntry("SSEAlgorithm", "aws:kms").containsEntry("KMSMasterKeyID", KEY_ARN);
        for (String secret : template.secrets()) {
            assertThat(properties(secret)).as(secret).containsEntry("KmsKeyId", KEY_ARN);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theKeyRotatesAndTheAccountAdministersIt() {
        Map<String, Object> key = properties("PersonalDataKey");
        assertThat(key).containsEntry("EnableKeyRotation", true).containsEntry("Enabled", true);
        List<Map<String, Object>> statements = (List<Map<String, Object>>) ((Map<String, Object>) key.get("KeyPolicy"))
                .get("Statement");
        assertThat(statements).anySatisfy(statement -> {
            assertThat(statement).containsEntry("Effect", "Allow").containsEntry("Action", "kms:*");
            assertThat(String.valueOf(statement.get("Principal"))).contains(":root");
        });
        // the other statements only let this account use it through the services
        statements.stream().filter(statement -> !"kms:*".equals(statement.get("Action"))).forEach(statement ->
                assertThat(String.valueOf(statement.get("Condition"))).as(String.valueOf(statement.get("Sid")))
                        .contains("kms:ViaService").contains("kms:CallerAccount"));
        assertThat(properties("PersonalDataKeyAlias")).containsEntry("TargetKeyId", Map.of("Ref", "PersonalDataKey"));
    }

    /**
     * Least privilege: every function may decrypt with the key (all read the table), only those that send to a queue
     * or write to the bucket may make data keys, always on this key alone and only through the services.
     */
    @Test
    @SuppressWarnings("unchecked")
    void eachFunctionUsesTheKeyOnlyForWhatItDoesAndOnlyThroughTheServices() {
        for (FunctionSpec function : template.functions()) {
            List<String> kmsActions = new ArrayList<>();
            List<String> otherActions = new ArrayList<>();
            for (Object policy : (List<Object>) template.functionProperties(function.logicalId()).get("Policies")) {
                for (Map<String, Object> statement : (List<Map<String, Object>>) ((Map<String, Object>) policy).get("Statement")) {
                    List<String> actions = actions(statement);
                    if (actions.stream().anyMatch(action -> action.startsWith("kms:"))) {
                        String where = function.logicalId() + " " + statement.get("Sid");
                        assertThat(actions).as(where).allSatisfy(action -> assertThat(action).startsWith("kms:"));
                        assertThat(statement.get("Resource")).as(where + " Resource").isEqualTo(KEY_ARN);
                        assertThat(String.valueOf(statement.get("Condition"))).as(where).contains("kms:ViaService");
                        kmsActions.addAll(actions);
                    } else {
                        otherActions.addAll(actions);
                    }
                }
            }
            boolean encrypts = otherActions.contains("sqs:SendMessage") || otherActions.contains("s3:PutObject");
            assertThat(kmsActions).as(function.logicalId() + " KMS actions").containsExactlyInAnyOrderElementsOf(
                    encrypts ? List.of("kms:Decrypt", "kms:GenerateDataKey") : List.of("kms:Decrypt"));
        }
    }

    // ------------------------------------------------------------------ what the local runtime does with it

    @Test
    void locallyTheKeyIsKnownNotEmulatedAndTheStartUpSaysWhatStaysUnencrypted() {
        assertThat(template.unemulatedResources()).containsEntry("PersonalDataKey", "AWS::KMS::Key")
                .containsEntry("PersonalDataKeyAlias", "AWS::KMS::Alias");
        assertThat(template.notEmulatedNotes()).anySatisfy(note -> assertThat(note)
                .startsWith("KMS: PersonalDataKey (alias PersonalDataKeyAlias) not emulated locally")
                .contains("unencrypted").contains("ReportsTable").contains("AuditTable").contains("IntakeDeadLetterQueue")
                .contains("ExportBucket").contains("IdentityKeySecret"));
    }

    @Test
    void aKeyOrAnAliasOfTheTemplateIsAcceptedDirectlyOrThroughTheAlias() {
        SamTemplate small = small("""
                  Key:
                    Type: AWS::KMS::Key
                    Properties: {EnableKeyRotation: true, KeyPolicy: {Statement: []}}
                  Alias:
                    Type: AWS::KMS::Alias
                    Properties: {AliasName: alias/local-test, TargetKeyId: !GetAtt Key.Arn}
                  ByArn:
                    Type: AWS::SQS::Queue
                    Properties: {KmsMasterKeyId: !GetAtt Key.Arn, KmsDataKeyReusePeriodSeconds: 60}
                  ByAlias:
                    Type: AWS::SQS::Queue
                    Properties: {KmsMasterKeyId: !Ref Alias}
                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
                      SSESpecification: {SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: !Ref Key}
                  AwsOwned:
                    Type: AWS::SQS::Queue
                    Properties: {SqsManagedSseEnabled: true}
                """);

        assertThat(small.kmsKey("Key").encrypts()).containsExactly("ByArn", "ByAlias", "Table");
        assertThat(small.kmsKey("Key").aliases()).containsExactly("Alias");
    }

    @Test
    void aKeyTheTemplateDoesNotDeclareIsRefusedNotIgnored() {
        assertThatThrownBy(() -> small("""
                  Q:
                    Type: AWS::SQS::Queue
                    Properties: {KmsMasterKeyId: alias/aws/sqs}
                """)).isInstanceOf(TemplateException.class).hasMessageContaining("Q is encrypted with KMS key alias/aws/sqs")
                .hasMessageContaining("not an AWS::KMS::Key");
        assertThatThrownBy(() -> small("""
                  S:
                    Type: AWS::SecretsManager::Secret
                    Properties: {KmsKeyId: !GetAtt Elsewhere.Arn}
                """)).isInstanceOf(TemplateException.class).hasMessageContaining("S is encrypted with KMS key");
        assertThatThrownBy(() -> small("""
                  Alias:
                    Type: AWS::KMS::Alias
                    Properties: {AliasName: alias/x, TargetKeyId: some-key-id}
                """)).isInstanceOf(TemplateException.class).hasMessageContaining("Alias.TargetKeyId");
    }

    @Test
    void anUnknownKeyPropertyOrAMalformedEncryptionSettingIsRefused() {
        String key = """
                  Key:
                    Type: AWS::KMS::Key
                    Properties: {KeyPolicy: {Statement: []}}
                """;
        assertThatThrownBy(() -> small("""
                  Key:
                    Type: AWS::KMS::Key
                    Properties: {KeyPolicy: {Statement: []}, Origin: EXTERNAL}
                """)).isInstanceOf(TemplateException.class).hasMessageContaining("Key: AWS::KMS::Key property [Origin]");
        assertThatThrownBy(() -> small(key + """
                  Q:
                    Type: AWS::SQS::Queue
                    Properties: {KmsMasterKeyId: !GetAtt Key.Arn, SqsManagedSseEnabled: true}
                """)).isInstanceOf(TemplateException.class).hasMessageContaining("SqsManagedSseEnabled");
        assertThatThrownBy(() -> small(key + """
                  Q:
                    Type: AWS::SQS::Queue
                    Properties: {KmsDataKeyReusePeriodSeconds: 300}
                """)).isInstanceOf(TemplateException.class).hasMessageContaining("without a KmsMasterKeyId");
        assertThatThrownBy(() -> small(key + """
                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
                      SSESpecification: {SSEEnabled: true, KMSMasterKeyId: !GetAtt Key.Arn}
                """)).isInstanceOf(TemplateException.class).hasMessageContaining("SSEType KMS");
        assertThatThrownBy(() -> small(key + """
                  Bucket:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketEncryption:
                        ServerSideEncryptionConfiguration:
                          - ServerSideEncryptionByDefault: {SSEAlgorithm: AES256, KMSMasterKeyID: !GetAtt Key.Arn}
                """)).isInstanceOf(TemplateException.class).hasMessageContaining("AES256");
    }

    private Map<String, Object> properties(String logicalId) {
        return TemplateMaps.map(TemplateMaps.map(template.resources().get(logicalId), logicalId), "Properties", logicalId);
    }

    @SuppressWarnings("unchecked")
    private static List<String> actions(Map<String, Object> statement) {
        Object actions = statement.get("Action");
        return actions instanceof List<?> list ? (List<String>) list : List.of((String) actions);
    }

    private static SamTemplate small(String resources) {
        return SamTemplate.of(TemplateYaml.parse("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B
                """ + resources, "small"));
    }
}

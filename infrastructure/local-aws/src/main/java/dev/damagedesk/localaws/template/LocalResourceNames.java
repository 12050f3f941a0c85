package dev.damagedesk.localaws.template;

/** What the template's resources are called in the local world; {@link TemplateValues} resolves through it. */
public interface LocalResourceNames {

    String LOCAL_REGION = "us-east-1";
    String LOCAL_ACCOUNT_ID = "000000000000";

    String queueUrl(String logicalId);

    String queueArn(String logicalId);

    String queueName(String logicalId);

    String tableName(String logicalId);

    String tableArn(String logicalId);

    /** The secret string of a secret, by logical id, name or ARN (as {@code Ref} of the secret returns). */
    String secretValue(String secretIdOrLogicalId);

    String functionName(String logicalId);

    /** {@code Ref} of an {@code AWS::SecretsManager::Secret}: its ARN. */
    default String secretArn(String logicalId) {
        return "arn:aws:secretsmanager:" + LOCAL_REGION + ":" + LOCAL_ACCOUNT_ID + ":secret:" + logicalId;
    }

    /** {@code Fn::GetAtt Function.Arn}. */
    default String functionArn(String logicalId) {
        return "arn:aws:lambda:" + LOCAL_REGION + ":" + LOCAL_ACCOUNT_ID + ":function:" + functionName(logicalId);
    }
}

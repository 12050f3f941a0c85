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

    // ------------------------------------------------------------------ staff side (Cognito, S3, CloudFront)

    /** {@code Ref} of an {@code AWS::Cognito::UserPool}: its pool id. */
    default String userPoolId(String logicalId) {
        throw new TemplateException("No user pool " + logicalId + " was provisioned locally");
    }

    /** {@code Fn::GetAtt Pool.ProviderURL}: the issuer without its scheme ({@code localhost:<port>/<poolId>} locally). */
    default String userPoolProviderUrl(String logicalId) {
        throw new TemplateException("No user pool " + logicalId + " was provisioned locally");
    }

    default String userPoolArn(String logicalId) {
        return "arn:aws:cognito-idp:" + LOCAL_REGION + ":" + LOCAL_ACCOUNT_ID + ":userpool/" + userPoolId(logicalId);
    }

    /** {@code Ref} of an {@code AWS::Cognito::UserPoolClient}: its client id. */
    default String userPoolClientId(String logicalId) {
        throw new TemplateException("No user pool client " + logicalId + " was provisioned locally");
    }

    /** {@code Ref} of an {@code AWS::Cognito::UserPoolGroup}: its group name. */
    default String userPoolGroupName(String logicalId) {
        throw new TemplateException("No user pool group " + logicalId + " was provisioned locally");
    }

    /** {@code Ref} of an {@code AWS::S3::Bucket}: its name. */
    default String bucketName(String logicalId) {
        throw new TemplateException("No bucket " + logicalId + " was provisioned locally");
    }

    default String bucketArn(String logicalId) {
        return "arn:aws:s3:::" + bucketName(logicalId);
    }

    /** {@code Fn::GetAtt Bucket.DomainName} (and RegionalDomainName): locally the path-style host and path. */
    default String bucketDomainName(String logicalId) {
        throw new TemplateException("No bucket " + logicalId + " was provisioned locally");
    }

    /**
     * {@code Fn::GetAtt Distribution.DomainName} of an {@code AWS::CloudFront::Distribution}: there is no CloudFront
     * locally, so a name in the reserved {@code .localhost} domain that the local runtime maps to the origin it serves
     * the distribution's content from (see {@link #DISTRIBUTION_DOMAIN_SUFFIX}).
     */
    default String distributionDomainName(String logicalId) {
        return logicalId.toLowerCase(java.util.Locale.ROOT) + DISTRIBUTION_DOMAIN_SUFFIX;
    }

    String DISTRIBUTION_DOMAIN_SUFFIX = ".cloudfront.localhost";

    /**
     * A URL as the local world has it: AWS service URLs that have a local counterpart (a Cognito pool's issuer
     * {@code https://cognito-idp.<region>.amazonaws.com/<poolId>}) replaced by it; others unchanged.
     */
    default String localUrl(String url) {
        return url;
    }
}

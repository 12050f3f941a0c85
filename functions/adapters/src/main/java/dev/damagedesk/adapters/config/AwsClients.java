package dev.damagedesk.adapters.config;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the SDK clients a function uses, once per container (call from a handler's constructor).
 * Cold start matters more than throughput here, so: the UrlConnection HTTP client (Apache and Netty are
 * excluded from the build), a region read from AWS_REGION instead of the default provider chain, and only
 * the credentials Lambda puts in the function's environment (read through {@link FunctionEnvironment}, so
 * the local runtime's system properties and a test's settings work the same way).
 * AWS_ENDPOINT_URL_&lt;SERVICE&gt; points a client at a local emulator; it is never set on AWS.
 */
public final class AwsClients {

    private final FunctionEnvironment environment;

    public AwsClients(FunctionEnvironment environment) {
        this.environment = environment;
    }

    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder(), "DYNAMODB").build();
    }

    public SqsClient sqs() {
        return configure(SqsClient.builder(), "SQS").build();
    }

    public SesV2Client sesV2() {
        return configure(SesV2Client.builder(), "SESV2").build();
    }

    public LambdaClient lambda() {
        return configure(LambdaClient.builder(), "LAMBDA").build();
    }

    /**
     * Path-style addressing when an endpoint is overridden: a local S3 emulator has no per-bucket host names.
     * Checksums only where S3 requires them: by default the SDK streams uploads as {@code aws-chunked} bodies with a
     * trailing checksum, which s3rver stores as they are (chunk headers inside the file).
     */
    public S3Client s3() {
        software.amazon.awssdk.services.s3.S3ClientBuilder builder = configure(S3Client.builder(), "S3")
                .requestChecksumCalculation(software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(software.amazon.awssdk.core.checksums.ResponseChecksumValidation.WHEN_REQUIRED);
        // Locally (plain HTTP) the SDK would sign uploads chunk by chunk (aws-chunked), which s3rver stores verbatim.
        endpointFor("S3").ifPresent(endpoint -> builder.serviceConfiguration(S3Configuration.builder()
                .pathStyleAccessEnabled(true).chunkedEncodingEnabled(false).build()));
        return builder.build();
    }

    /** Presigned links are signed with the function's credentials and valid for the time asked, at most their lifetime. */
    public S3Presigner s3Presigner() {
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(Region.of(environment.required("AWS_REGION")))
                .credentialsProvider(this::credentials);
        endpointFor("S3").ifPresent(endpoint -> builder.endpointOverride(endpoint)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()));
        return builder.build();
    }

    private <B extends AwsClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>>
    B configure(B builder, String serviceSuffix) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(environment.required("AWS_REGION")))
                .credentialsProvider(this::credentials);
        endpointFor(serviceSuffix).ifPresent(builder::endpointOverride);
        return builder;
    }

    private Optional<URI> endpointFor(String serviceSuffix) {
        return environment.optional("AWS_ENDPOINT_URL_" + serviceSuffix)
                .or(() -> environment.optional("AWS_ENDPOINT_URL"))
                .map(URI::create);
    }

    /** Read on every resolution, as the SDK's own environment provider does. */
    private AwsCredentials credentials() {
        String keyId = environment.required("AWS_ACCESS_KEY_ID");
        String secret = environment.required("AWS_SECRET_ACCESS_KEY");
        return environment.optional("AWS_SESSION_TOKEN")
                .<AwsCredentials>map(token -> AwsSessionCredentials.create(keyId, secret, token))
                .orElseGet(() -> AwsBasicCredentials.create(keyId, secret));
    }
}

package dev.damagedesk.coldstart.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.Module;
import dagger.Provides;
import java.net.URI;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** As the sample does: region and credentials from the environment, the UrlConnection client, an optional endpoint. */
@Module
final class SampleModule {

    private SampleModule() {
    }

    @Provides
    @Singleton
    static DynamoDbClient dynamoDb() {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.builder().build())
                .region(Region.of(System.getenv("AWS_REGION")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create());
        String endpoint = System.getenv("AWS_ENDPOINT_URL_DYNAMODB");
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    @Provides
    @Singleton
    static ObjectMapper mapper() {
        return new ObjectMapper();
    }

    @Provides
    @Singleton
    static ProductDao products(DynamoDbClient dynamoDb) {
        return new ProductDao(dynamoDb, System.getenv("REPORTS_TABLE"));
    }
}

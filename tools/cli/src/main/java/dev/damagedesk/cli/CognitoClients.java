package dev.damagedesk.cli;

import dev.damagedesk.adapters.config.FunctionEnvironment;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClientBuilder;

/**
 * The user pools client of the staff commands, configured like the functions' clients ({@code AwsClients}): the
 * UrlConnection HTTP client, the region and credentials from the environment, cognito-local's endpoint locally.
 * Only the tool manages staff accounts, so only the tool builds one.
 */
final class CognitoClients {

    private CognitoClients() {
    }

    static CognitoIdentityProviderClient of(FunctionEnvironment environment) {
        String keyId = environment.required("AWS_ACCESS_KEY_ID");
        String secret = environment.required("AWS_SECRET_ACCESS_KEY");
        CognitoIdentityProviderClientBuilder builder = CognitoIdentityProviderClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(environment.required("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(environment.optional("AWS_SESSION_TOKEN")
                        .<software.amazon.awssdk.auth.credentials.AwsCredentials>map(token -> AwsSessionCredentials.create(keyId, secret, token))
                        .orElseGet(() -> AwsBasicCredentials.create(keyId, secret))));
        environment.optional(DamageDeskCli.COGNITO_ENDPOINT).map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }
}

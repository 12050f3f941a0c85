package dev.damagedesk.localaws.provision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.SharedLocalCloud;
import dev.damagedesk.localaws.provision.StaffProvisioned.DemoUser;
import dev.damagedesk.localaws.template.HttpApiSpec;
import dev.damagedesk.localaws.template.JwtAuthorizerSpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/** The template's user pool, client, groups and buckets, provisioned in cognito-local and s3rver. */
class StaffProvisioningTest {

    private static LocalCloud cloud;
    private static CognitoIdentityProviderClient cognito;

    @BeforeAll
    static void start() {
        cloud = SharedLocalCloud.get();
        cognito = cloud.aws().cognito();
    }

    @Test
    void thePoolCarriesTheTemplatesSettings() {
        String poolId = cloud.resources().userPoolId("StaffUserPool");
        UserPoolType pool = cognito.describeUserPool(request -> request.userPoolId(poolId)).userPool();

        assertThat(pool.name()).isEqualTo("StaffUserPool");
        assertThat(pool.usernameAttributesAsStrings()).containsExactly("email");
        assertThat(pool.adminCreateUserConfig().allowAdminCreateUserOnly()).isTrue();
        assertThat(pool.policies().passwordPolicy().minimumLength()).isEqualTo(14);
        assertThat(pool.policies().passwordPolicy().requireSymbols()).isTrue();
        assertThat(pool.mfaConfigurationAsString()).isEqualTo("OPTIONAL");
    }

    @Test
    void theClientHasTheTemplatesFlowsAndNoSecret() {
        String poolId = cloud.resources().userPoolId("StaffUserPool");
        String clientId = cloud.resources().userPoolClientId("StaffAdminClient");
        UserPoolClientType client = cognito.describeUserPoolClient(request -> request.userPoolId(poolId)
                .clientId(clientId)).userPoolClient();

        assertThat(client.clientName()).isEqualTo("admin-page");
        assertThat(client.clientSecret()).isNull();
        assertThat(client.explicitAuthFlowsAsStrings())
                .containsExactlyInAnyOrder("ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH");
        assertThat(client.accessTokenValidity()).isEqualTo(60);
    }

    @Test
    void theThreeGroupsExistWithTheirPrecedence() {
        String poolId = cloud.resources().userPoolId("StaffUserPool");
        var groups = cognito.listGroups(request -> request.userPoolId(poolId)).groups();

        assertThat(groups).extracting(group -> group.groupName() + ":" + group.precedence())
                .containsExactlyInAnyOrder("viewer:30", "reviewer:20", "supervisor:10");
    }

    @Test
    void eachDemoUserSignsInWithItsPasswordAndCarriesItsGroupAndTheIssuerTheAuthorizerExpects() throws Exception {
        HttpApiSpec adminApi = cloud.template().httpApi("AdminApi");
        JwtAuthorizerSpec authorizer = adminApi.authorizers().get("StaffAuthorizer");
        String issuer = cloud.values().resolve(authorizer.issuer());
        String audience = cloud.values().resolve(authorizer.audience().get(0));

        assertThat(cloud.resources().staff().demoUsers()).extracting(DemoUser::email)
                .containsExactlyInAnyOrder("viewer@damagedesk.local", "reviewer@damagedesk.local",
                        "supervisor@damagedesk.local");
        for (DemoUser user : cloud.resources().staff().demoUsers()) {
            assertThat(DemoPasswords.satisfies(user.password(),
                    StaffProvisioner.passwordPolicy(cloud.template(), "StaffUserPool"))).as(user.email()).isTrue();
            AuthenticationResultType tokens = cognito.initiateAuth(request -> request
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH).clientId(audience)
                    .authParameters(Map.of("USERNAME", user.email(), "PASSWORD", user.password())))
                    .authenticationResult();
            Map<String, Object> claims = claims(tokens.accessToken());
            assertThat(claims.get("iss")).isEqualTo(issuer);
            assertThat(claims.get("client_id")).isEqualTo(audience);
            assertThat(claims.get("token_use")).isEqualTo("access");
            assertThat(claims.get("cognito:groups")).asList().containsExactly(user.group());
        }
        assertThat(issuer).isEqualTo("http://localhost:" + cloud.aws().cognitoEndpoint().getPort() + "/"
                + cloud.resources().userPoolId("StaffUserPool"));
    }

    @Test
    void theAdminPageBucketExistsInS3rverAndResolvesByRefAndGetAtt() {
        String name = cloud.resources().bucketName("AdminPageBucket");

        assertThat(cloud.aws().s3().listBuckets().buckets()).extracting(bucket -> bucket.name()).contains(name);
        assertThat(cloud.values().resolve(Map.of("Ref", "AdminPageBucket"))).isEqualTo(name);
        assertThat(cloud.values().resolve(Map.of("Fn::GetAtt", java.util.List.of("AdminPageBucket", "Arn"))))
                .isEqualTo("arn:aws:s3:::" + name);
        assertThat(cloud.values().resolve(Map.of("Fn::GetAtt", java.util.List.of("AdminPageBucket", "RegionalDomainName"))))
                .isEqualTo("127.0.0.1:" + cloud.aws().s3Endpoint().getPort() + "/" + name);
    }

    @Test
    void poolAttributesResolveToTheLocalPool() {
        String poolId = cloud.resources().userPoolId("StaffUserPool");
        assertThat(cloud.values().resolve(Map.of("Fn::GetAtt", java.util.List.of("StaffUserPool", "Arn"))))
                .isEqualTo("arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + poolId);
        assertThat(cloud.values().resolve(Map.of("Fn::GetAtt", java.util.List.of("StaffUserPool", "ProviderURL"))))
                .isEqualTo("localhost:" + cloud.aws().cognitoEndpoint().getPort() + "/" + poolId);
        assertThat(cloud.values().resolve(Map.of("Ref", "StaffViewerGroup"))).isEqualTo("viewer");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> claims(String jwt) throws Exception {
        String payload = jwt.split("\\.")[1];
        return JSON.std.mapFrom(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}

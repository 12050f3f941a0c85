package dev.damagedesk.localaws.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.localaws.RepositoryRoot;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The staff side's resources as the local world models them, and what it refuses to pretend to honour. */
class StaffResourcesTest {

    private static final String FUNCTION = """
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: a.B::handleRequest
                  Events:
            """;

    private static SamTemplate parse(String resources) {
        return SamTemplate.of(TemplateYaml.parse("Resources:\n" + resources, "test template"));
    }

    @Test
    void theRealAdminApiHasTheStaffAuthorizerAsDefaultAndCorsForThePageOnly() {
        SamTemplate template = SamTemplate.load(RepositoryRoot.find().resolve("template.yaml"));
        HttpApiSpec admin = template.httpApi("AdminApi");

        assertThat(admin.defaultAuthorizer()).contains("StaffAuthorizer");
        JwtAuthorizerSpec authorizer = admin.authorizers().get("StaffAuthorizer");
        assertThat(authorizer.identitySource()).isEqualTo("$request.header.Authorization");
        assertThat(authorizer.audience()).containsExactly(java.util.Map.of("Ref", "StaffAdminClient"));
        assertThat(admin.cors()).get().satisfies(cors -> {
            assertThat(cors.allowOrigins()).containsExactly(
                    java.util.Map.of("Fn::Sub", "https://${AdminPageDistribution.DomainName}"));
            assertThat(cors.allowHeaders()).contains("authorization");
            assertThat(cors.allowCredentials()).isFalse();
        });
        assertThat(template.httpApi("PublicApi").authorizers()).isEmpty();
        assertThat(template.userPoolGroups()).extracting(UserPoolGroupSpec::groupName)
                .containsExactly("viewer", "reviewer", "supervisor");
        assertThat(template.unemulatedResources()).containsKeys("AdminApi.AccessLogSettings",
                "StaffUserPool.DeletionProtection", "AdminPageBucket.BucketEncryption", "AdminPageDistribution");
        // the route throttles are enforced locally (the gateway's RouteThrottles), so they are no "not emulated" entry
        assertThat(template.unemulatedResources()).doesNotContainKeys("AdminApi.DefaultRouteSettings",
                "PublicApi.RouteSettings");
        assertThat(admin.defaultThrottle()).isPresent();
    }

    @Test
    void aRouteCanBeOpenedOrGivenScopes() {
        SamTemplate template = parse("""
              Api:
                Type: AWS::Serverless::HttpApi
                Properties:
                  Auth:
                    DefaultAuthorizer: Jwt
                    Authorizers:
                      Jwt:
                        JwtConfiguration: {issuer: https://issuer, audience: [client]}
                        IdentitySource: $request.header.Authorization
            """ + FUNCTION + """
                    Open:
                      Type: HttpApi
                      Properties: {ApiId: !Ref Api, Method: GET, Path: /open, Auth: {Authorizer: NONE}}
                    Scoped:
                      Type: HttpApi
                      Properties: {ApiId: !Ref Api, Method: GET, Path: /scoped, Auth: {AuthorizationScopes: [read]}}
                    Guarded:
                      Type: HttpApi
                      Properties: {ApiId: !Ref Api, Method: GET, Path: /guarded}
            """);
        HttpApiSpec api = template.httpApi("Api");
        List<HttpRoute> routes = template.function("Fn").httpRoutes();

        assertThat(api.authorizerFor(routes.get(0))).isEmpty();
        assertThat(routes.get(1).auth().scopes()).containsExactly("read");
        assertThat(api.authorizerFor(routes.get(2))).map(JwtAuthorizerSpec::name).contains("Jwt");
    }

    @Test
    void anAuthSettingTheGatewayDoesNotUnderstandStopsTheStart() {
        assertThatThrownBy(() -> parse("""
              Api:
                Type: AWS::Serverless::HttpApi
                Properties:
                  Auth:
                    EnableIamAuthorizer: true
            """)).isInstanceOf(TemplateException.class).hasMessageContaining("EnableIamAuthorizer");
        assertThatThrownBy(() -> parse("""
              Api:
                Type: AWS::Serverless::HttpApi
                Properties:
                  Auth:
                    Authorizers:
                      Lambda:
                        FunctionArn: arn:aws:lambda:us-east-1:1:function:x
            """)).isInstanceOf(TemplateException.class).hasMessageContaining("only JWT authorizers");
        assertThatThrownBy(() -> parse("""
              Api:
                Type: AWS::Serverless::HttpApi
                Properties:
                  Auth:
                    Authorizers:
                      Jwt:
                        JwtConfiguration: {issuer: https://issuer, audience: [client]}
                        IdentitySource: $request.querystring.token
            """)).isInstanceOf(TemplateException.class).hasMessageContaining("IdentitySource");
        assertThatThrownBy(() -> parse("""
              Api:
                Type: AWS::Serverless::HttpApi
                Properties:
                  Auth:
                    DefaultAuthorizer: Missing
                    Authorizers:
                      Jwt:
                        JwtConfiguration: {issuer: https://issuer, audience: [client]}
            """)).isInstanceOf(TemplateException.class).hasMessageContaining("DefaultAuthorizer names Missing");
        assertThatThrownBy(() -> parse("""
              Api:
                Type: AWS::Serverless::HttpApi
            """ + FUNCTION + """
                    Route:
                      Type: HttpApi
                      Properties: {ApiId: !Ref Api, Method: GET, Path: /x, Auth: {Authorizer: Nobody}}
            """)).isInstanceOf(TemplateException.class).hasMessageContaining("names Nobody");
        assertThatThrownBy(() -> parse("""
              Api:
                Type: AWS::Serverless::HttpApi
            """ + FUNCTION + """
                    Route:
                      Type: HttpApi
                      Properties: {ApiId: !Ref Api, Method: GET, Path: /x, Auth: {InvokeRole: CALLER_CREDENTIALS}}
            """)).isInstanceOf(TemplateException.class).hasMessageContaining("InvokeRole");
    }

    @Test
    void propertiesOfPoolsClientsAndBucketsThatCannotBeHonouredAreRefusedByName() {
        assertThatThrownBy(() -> parse("""
              Pool:
                Type: AWS::Cognito::UserPool
                Properties:
                  LambdaConfig: {PreSignUp: arn:aws:lambda:us-east-1:1:function:x}
            """)).isInstanceOf(TemplateException.class).hasMessageContaining("[LambdaConfig]");
        assertThatThrownBy(() -> parse("""
              Pool:
                Type: AWS::Cognito::UserPool
              Client:
                Type: AWS::Cognito::UserPoolClient
                Properties: {UserPoolId: !Ref Pool, AllowedOAuthFlows: [code]}
            """)).isInstanceOf(TemplateException.class).hasMessageContaining("AllowedOAuthFlows");
        assertThatThrownBy(() -> parse("""
              Pool:
                Type: AWS::Cognito::UserPool
              Client:
                Type: AWS::Cognito::UserPoolClient
                Properties: {UserPoolId: !Ref Pool, GenerateSecret: true}
            """)).isInstanceOf(TemplateException.class).hasMessageContaining("GenerateSecret");
        assertThatThrownBy(() -> parse("""
              Group:
                Type: AWS::Cognito::UserPoolGroup
                Properties: {UserPoolId: !Ref Elsewhere, GroupName: g}
            """)).isInstanceOf(TemplateException.class).hasMessageContaining("Elsewhere");
        assertThatThrownBy(() -> parse("""
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  NotificationConfiguration: {}
            """)).isInstanceOf(TemplateException.class).hasMessageContaining("NotificationConfiguration");
    }

    @Test
    void scheduleEventsAreModelledAndUnknownSettingsRefused() {
        SamTemplate template = parse(FUNCTION + """
                    Hourly:
                      Type: Schedule
                      Properties: {Schedule: rate(1 hour), Input: '{"a":1}'}
                    Paused:
                      Type: Schedule
                      Properties: {Schedule: 'cron(0 9 * * ? *)', Enabled: false}
            """);
        assertThat(template.function("Fn").schedules()).containsExactly(
                new ScheduleEvent("Hourly", "rate(1 hour)", true, Optional.of("{\"a\":1}")),
                new ScheduleEvent("Paused", "cron(0 9 * * ? *)", false, Optional.empty()));

        assertThatThrownBy(() -> parse(FUNCTION + """
                    Retried:
                      Type: Schedule
                      Properties: {Schedule: rate(1 hour), RetryPolicy: {MaximumRetryAttempts: 2}}
            """)).isInstanceOf(TemplateException.class).hasMessageContaining("RetryPolicy");
    }
}

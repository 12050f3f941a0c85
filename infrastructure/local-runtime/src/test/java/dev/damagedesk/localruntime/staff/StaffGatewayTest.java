package dev.damagedesk.localruntime.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.damagedesk.localaws.auth.StaffTokens;
import dev.damagedesk.localruntime.RunningRuntime;
import dev.damagedesk.localruntime.fixtures.ClaimsEchoHandler;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The AdminApi's JWT authorizer and CORS as the local gateway enforces them from template.yaml, against real tokens
 * from cognito-local and tokens wrong in exactly one way; and the admin page served with its security headers.
 */
class StaffGatewayTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path root;
    private static RunningRuntime runtime;
    private static StaffTokens tokens;
    private static URI adminApi;
    private static String pageOrigin;

    @BeforeAll
    static void start() throws IOException {
        runtime = StaffRuntime.start(root, StaffRuntime.TEST_FUNCTIONS);
        tokens = StaffTokens.of(runtime.cloud());
        adminApi = runtime.apiBaseUris().get("AdminApi");
        URI page = runtime.apiBaseUris().get("PublicApi");
        pageOrigin = "http://127.0.0.1:" + page.getPort();
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"viewer", "reviewer", "supervisor"})
    @SuppressWarnings("unchecked")
    void aRolesAccessTokenReachesTheFunctionWithItsClaimsAsApiGatewayPassesThem(String role) throws Exception {
        HttpResponse<String> response = get("/v1/admin/echo", Optional.of("Bearer " + tokens.accessToken(role)), Optional.empty());

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> jwt = (Map<String, Object>) JSON.std.mapFrom(response.body()).get("jwt");
        Map<String, Object> claims = (Map<String, Object>) jwt.get("claims");
        assertThat(claims).containsEntry("cognito:groups", "[" + role + "]")
                .containsEntry("token_use", "access")
                .containsEntry("client_id", runtime.cloud().resources().userPoolClientId("StaffAdminClient"))
                .containsEntry("iss", runtime.cloud().resources().issuer("StaffUserPool"));
        assertThat(claims.values()).allSatisfy(value -> assertThat(value).isInstanceOf(String.class));
        assertThat((String) claims.get("exp")).matches("\\d{10}");
        assertThat(jwt.get("scopes")).as("no route scopes").isNull();
    }

    @Test
    void anIdTokenIsAcceptedByItsAudienceAndABareTokenWithoutBearerToo() throws Exception {
        assertThat(get("/v1/admin/echo", Optional.of("Bearer " + tokens.idToken("viewer")), Optional.empty()).statusCode())
                .isEqualTo(200);
        assertThat(get("/v1/admin/echo", Optional.of(tokens.accessToken("viewer")), Optional.empty()).statusCode())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "empty", "garbage", "expired", "forged", "wrong-issuer", "wrong-audience"})
    void aBadTokenIsAnswered401ByTheGatewayAndTheFunctionNeverRuns(String kind) throws Exception {
        Optional<String> authorization = switch (kind) {
            case "none" -> Optional.empty();
            case "empty" -> Optional.of("Bearer ");
            case "garbage" -> Optional.of("Bearer not.a.jwt");
            case "expired" -> Optional.of("Bearer " + tokens.expiredAccessToken("supervisor"));
            case "forged" -> Optional.of("Bearer " + tokens.forgedAccessToken("supervisor"));
            case "wrong-issuer" -> Optional.of("Bearer " + tokens.wrongIssuerAccessToken("supervisor"));
            case "wrong-audience" -> Optional.of("Bearer " + tokens.wrongAudienceAccessToken("supervisor"));
            default -> throw new IllegalArgumentException(kind);
        };
        int before = ClaimsEchoHandler.INVOCATIONS.get();

        HttpResponse<String> response = get("/v1/admin/echo", authorization, Optional.empty());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.std.mapFrom(response.body())).isEqualTo(Map.of("message", "Unauthorized"));
        assertThat(response.headers().firstValue("www-authenticate")).get().asString().startsWith("Bearer");
        assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
        assertThat(ClaimsEchoHandler.INVOCATIONS.get()).isEqualTo(before);
    }

    @Test
    void theReasonIsNamedInWwwAuthenticateAsApiGatewayDoes() throws Exception {
        HttpResponse<String> expired = get("/v1/admin/echo", Optional.of("Bearer " + tokens.expiredAccessToken("viewer")),
                Optional.empty());
        HttpResponse<String> audience = get("/v1/admin/echo",
                Optional.of("Bearer " + tokens.wrongAudienceAccessToken("viewer")), Optional.empty());

        assertThat(expired.headers().firstValue("www-authenticate")).get().asString()
                .contains("error=\"invalid_token\"").contains("expired");
        assertThat(audience.headers().firstValue("www-authenticate")).get().asString()
                .contains("the token does not have a valid audience");
    }

    @Test
    void aRouteWithAuthorizerNoneIsOpen() throws Exception {
        HttpResponse<String> response = get("/v1/admin/open", Optional.empty(), Optional.empty());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.std.mapFrom(response.body())).isEmpty();
    }

    @Test
    void thePreflightFromTheAdminPageIsAnsweredByTheGatewayWithTheTemplatesCors() throws Exception {
        HttpResponse<String> allowed = preflight(pageOrigin, "POST", "authorization,content-type");
        HttpResponse<String> otherOrigin = preflight("https://evil.example", "POST", "authorization");
        HttpResponse<String> otherHeader = preflight(pageOrigin, "POST", "x-unknown");

        assertThat(allowed.statusCode()).isEqualTo(204);
        assertThat(allowed.headers().firstValue("access-control-allow-origin")).contains(pageOrigin);
        assertThat(allowed.headers().firstValue("access-control-allow-methods")).get().asString().contains("POST");
        assertThat(allowed.headers().firstValue("access-control-allow-headers")).get().asString()
                .contains("authorization").contains("content-type");
        assertThat(allowed.headers().firstValue("access-control-max-age")).contains("600");
        assertThat(otherOrigin.statusCode()).isEqualTo(204);
        assertThat(otherOrigin.headers().firstValue("access-control-allow-origin")).isEmpty();
        assertThat(otherHeader.headers().firstValue("access-control-allow-origin")).isEmpty();
    }

    @Test
    void responsesCarryTheGatewaysCorsHeadersNotTheFunctionsIncluding401s() throws Exception {
        HttpResponse<String> fromPage = get("/v1/admin/echo", Optional.of("Bearer " + tokens.accessToken("viewer")),
                Optional.of(pageOrigin));
        HttpResponse<String> fromElsewhere = get("/v1/admin/echo", Optional.of("Bearer " + tokens.accessToken("viewer")),
                Optional.of("https://evil.example"));
        HttpResponse<String> refused = get("/v1/admin/echo", Optional.empty(), Optional.of(pageOrigin));

        assertThat(fromPage.headers().allValues("access-control-allow-origin")).containsExactly(pageOrigin);
        assertThat(fromPage.headers().firstValue("access-control-expose-headers")).contains("apigw-requestid");
        assertThat(fromElsewhere.statusCode()).isEqualTo(200);
        assertThat(fromElsewhere.headers().firstValue("access-control-allow-origin")).isEmpty();
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("access-control-allow-origin")).contains(pageOrigin);
    }

    @Test
    void theAdminPageIsServedWithTheDistributionsSecurityHeadersAndALocalConfig() throws Exception {
        URI page = runtime.adminPageUri().orElseThrow();
        HttpResponse<String> index = HTTP.send(HttpRequest.newBuilder(page).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> config = HTTP.send(HttpRequest.newBuilder(page.resolve("config.json")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("content-type")).contains("text/html; charset=utf-8");
        String csp = index.headers().firstValue("content-security-policy").orElseThrow();
        assertThat(csp).contains("default-src 'none'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                .contains("connect-src 'self' " + pageOrigin + " " + "http://127.0.0.1:" + adminApi.getPort())
                .contains("http://127.0.0.1:" + runtime.cloud().aws().cognitoEndpoint().getPort())
                .doesNotContain("amazonaws.com");
        assertThat(index.headers().firstValue("strict-transport-security")).contains("max-age=63072000; includeSubDomains; preload");
        assertThat(index.headers().firstValue("x-content-type-options")).contains("nosniff");
        assertThat(index.headers().firstValue("x-frame-options")).contains("DENY");
        assertThat(index.headers().firstValue("referrer-policy")).contains("no-referrer");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(JSON.std.mapFrom(config.body())).containsEntry("apiBaseUrl", adminApi.toString())
                .containsEntry("cognito", Map.of("endpoint", runtime.cloud().aws().cognitoEndpoint().toString(),
                        "region", "us-east-1",
                        "userPoolId", runtime.cloud().resources().userPoolId("StaffUserPool"),
                        "clientId", runtime.cloud().resources().userPoolClientId("StaffAdminClient")));
        assertThat(config.headers().firstValue("content-security-policy")).isPresent();
    }

    @Test
    void nothingOutsideThePageFolderIsServedAndTheBarePrefixRedirects() throws Exception {
        URI base = runtime.apiBaseUris().get("PublicApi");
        HttpResponse<String> traversal = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/admin/%2e%2e/%2e%2e/template.yaml"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> missing = HTTP.send(HttpRequest.newBuilder(base.resolve("/admin/nope.js")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> bare = HTTP.send(HttpRequest.newBuilder(base.resolve("/admin")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(traversal.statusCode()).isEqualTo(404);
        assertThat(traversal.body()).doesNotContain("AWSTemplateFormatVersion");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(bare.statusCode()).isEqualTo(301);
        assertThat(bare.headers().firstValue("location")).contains("/admin/");
    }

    private static HttpResponse<String> get(String path, Optional<String> authorization, Optional<String> origin)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(adminApi.resolve(path)).GET();
        authorization.ifPresent(value -> request.header("Authorization", value));
        origin.ifPresent(value -> request.header("Origin", value));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> preflight(String origin, String method, String headers)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(adminApi.resolve("/v1/admin/echo/1"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers).build(), HttpResponse.BodyHandlers.ofString());
    }
}

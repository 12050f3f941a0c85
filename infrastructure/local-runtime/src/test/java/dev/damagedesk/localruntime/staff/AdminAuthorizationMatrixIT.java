package dev.damagedesk.localruntime.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.damagedesk.localaws.auth.StaffTokens;
import dev.damagedesk.localaws.template.FunctionSpec;
import dev.damagedesk.localaws.template.HttpApiSpec;
import dev.damagedesk.localaws.template.HttpRoute;
import dev.damagedesk.localruntime.RunningRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route of AdminApi, as template.yaml declares it, x every kind of bad token (401 from the gateway, the
 * function never reached) and x every role's real token (the function reached, with the answer
 * {@code admin-authorization-matrix.tsv} expects). Routes opened with {@code Authorizer: NONE} are listed apart and
 * must not exist among AdminApi's routes unless the table says so: there is none today.
 */
class AdminAuthorizationMatrixIT {

    private static final String API = "AdminApi";
    private static final List<String> ROLES = List.of("viewer", "reviewer", "supervisor");
    private static final Map<String, String> SAMPLE_PATH_VALUES = Map.of("reportId", "01JDEMO0000000000000000000",
            "jobId", "job-demo", "incidentId", "2022-10-15", "queue", "IntakeDeadLetterQueue", "id", "1");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path root;
    private static RunningRuntime runtime;
    private static StaffTokens tokens;
    private static URI adminApi;
    private static Map<String, List<String>> expected;

    @BeforeAll
    static void start() throws IOException {
        runtime = StaffRuntime.start(root, StaffRuntime.TEST_FUNCTIONS);
        tokens = StaffTokens.of(runtime.cloud());
        adminApi = runtime.apiBaseUris().get(API);
        expected = table();
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    /** The guarded routes of AdminApi in the template, in template order. */
    private static List<HttpRoute> guardedRoutes() {
        HttpApiSpec api = runtime.cloud().template().httpApi(API);
        List<HttpRoute> routes = new ArrayList<>();
        for (FunctionSpec function : runtime.cloud().template().functions()) {
            for (HttpRoute route : function.httpRoutes()) {
                if (route.apiLogicalId().equals(API) && api.authorizerFor(route).isPresent()) {
                    routes.add(route);
                }
            }
        }
        return routes;
    }

    @Test
    void everyGuardedRouteHasARowAndEveryRowARoute() {
        List<String> keys = guardedRoutes().stream().map(HttpRoute::routeKey).toList();

        assertThat(keys).isNotEmpty();
        assertThat(expected.keySet()).as("rows of admin-authorization-matrix.tsv").containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void theOnlyOpenRouteOfAdminApiIsTheTestFunctionsOwn() {
        HttpApiSpec api = runtime.cloud().template().httpApi(API);
        List<String> open = new ArrayList<>();
        runtime.cloud().template().functions().forEach(function -> function.httpRoutes().stream()
                .filter(route -> route.apiLogicalId().equals(API) && api.authorizerFor(route).isEmpty())
                .forEach(route -> open.add(function.logicalId() + " " + route.routeKey())));

        assertThat(open).containsExactly("ClaimsEchoFunction GET /v1/admin/open");
    }

    @TestFactory
    List<DynamicTest> aBadTokenIsRefusedByTheGatewayOnEveryRoute() {
        Map<String, Function<String, Optional<String>>> kinds = new LinkedHashMap<>();
        kinds.put("no token", role -> Optional.empty());
        kinds.put("expired", role -> Optional.of("Bearer " + tokens.expiredAccessToken(role)));
        kinds.put("forged signature", role -> Optional.of("Bearer " + tokens.forgedAccessToken(role)));
        kinds.put("wrong issuer", role -> Optional.of("Bearer " + tokens.wrongIssuerAccessToken(role)));
        kinds.put("wrong audience", role -> Optional.of("Bearer " + tokens.wrongAudienceAccessToken(role)));
        List<DynamicTest> tests = new ArrayList<>();
        for (HttpRoute route : guardedRoutes()) {
            kinds.forEach((kind, token) -> tests.add(dynamicTest(route.routeKey() + " x " + kind, () -> {
                HttpResponse<String> response = send(route, token.apply("supervisor"));

                assertThat(response.statusCode()).isEqualTo(401);
                assertThat(JSON.std.mapFrom(response.body())).isEqualTo(Map.of("message", "Unauthorized"));
                assertThat(response.headers().firstValue("www-authenticate")).isPresent();
            })));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> eachRolesTokenReachesTheFunctionWithTheExpectedAnswer() {
        List<DynamicTest> tests = new ArrayList<>();
        for (HttpRoute route : guardedRoutes()) {
            for (int i = 0; i < ROLES.size(); i++) {
                String role = ROLES.get(i);
                int column = i;
                tests.add(dynamicTest(route.routeKey() + " x " + role, () -> {
                    HttpResponse<String> response = send(route, Optional.of("Bearer " + tokens.accessToken(role)));

                    assertThat(response.headers().firstValue("www-authenticate"))
                            .as("answered by the gateway's authorizer, not the function").isEmpty();
                    assertThat(response.statusCode()).as("not the gateway's 500 either").isNotIn(401, 500);
                    String cell = expected.getOrDefault(route.routeKey(), List.of("?", "?", "?")).get(column);
                    if (!cell.equals("reach")) {
                        assertThat(response.statusCode()).as(route.routeKey() + " as " + role)
                                .isEqualTo(Integer.parseInt(cell));
                    }
                }));
            }
        }
        return tests;
    }

    private static HttpResponse<String> send(HttpRoute route, Optional<String> authorization)
            throws IOException, InterruptedException {
        String path = route.path();
        for (Map.Entry<String, String> sample : SAMPLE_PATH_VALUES.entrySet()) {
            path = path.replace("{" + sample.getKey() + "}", sample.getValue());
        }
        boolean withBody = route.method().equals("POST") || route.method().equals("PUT");
        HttpRequest.Builder request = HttpRequest.newBuilder(adminApi.resolve(path))
                .method(route.method().equals("ANY") ? "GET" : route.method(),
                        withBody ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody())
                .header("Content-Type", "application/json").header("Accept-Language", "en");
        authorization.ifPresent(value -> request.header("Authorization", value));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Route key to its three cells (viewer, reviewer, supervisor). */
    private static Map<String, List<String>> table() throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (InputStream in = AdminAuthorizationMatrixIT.class.getResourceAsStream("/admin-authorization-matrix.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                if (cells.length != 4) {
                    throw new IllegalStateException("admin-authorization-matrix.tsv: '" + line
                            + "' needs a route and three cells, tab-separated");
                }
                rows.put(cells[0].trim(), List.of(cells[1].trim(), cells[2].trim(), cells[3].trim()));
            }
        }
        return rows;
    }
}

package dev.damagedesk.browsertests;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.damagedesk.localaws.auth.StaffTokens;
import dev.damagedesk.localaws.mailbox.LocalMailbox;
import dev.damagedesk.localruntime.LocalRuntime;
import dev.damagedesk.localruntime.RunningRuntime;
import dev.damagedesk.localruntime.RuntimeOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/**
 * The whole local system for one test class: the local runtime (every function, the public and the admin API,
 * the emulators, cognito-local), the admin page it serves at {@code /admin/}, staff users made for each test
 * in the local user pool, and reports filed through the public API as a reporter's app files them.
 */
final class StaffSystem implements AutoCloseable {

    static final Duration LIMIT = Duration.ofSeconds(45);
    static final String PASSWORD = "Browser-Test-1!";

    /** The page's settings, as the runtime generated them into {@code /admin/config.json}. */
    record PageConfig(URI adminApi, URI cognito, String userPoolId, String clientId) {
    }

    /** A staff member made for one test. */
    record Staff(String username, String role) {
    }

    /** A report filed through the public API. */
    record FiledReport(String reportId, String trackingToken, String email, String status) {
    }

    private final RunningRuntime runtime;
    private final URI adminPage;
    private final PageConfig config;
    private final CognitoIdentityProviderClient cognito;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private StaffSystem(RunningRuntime runtime) {
        this.runtime = runtime;
        this.adminPage = runtime.apiBaseUri().resolve("/admin/");
        Map<String, Object> json = json(get(adminPage.resolve("config.json"), null).body());
        @SuppressWarnings("unchecked")
        Map<String, Object> pool = (Map<String, Object>) json.get("cognito");
        this.config = new PageConfig(URI.create(String.valueOf(json.get("apiBaseUrl"))),
                URI.create(String.valueOf(pool.get("endpoint"))),
                String.valueOf(pool.get("userPoolId")), String.valueOf(pool.get("clientId")));
        this.cognito = CognitoIdentityProviderClient.builder()
                .endpointOverride(config.cognito())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    static StaffSystem start() {
        return new StaffSystem(LocalRuntime.start(RuntimeOptions.defaults().withPort(0)));
    }

    URI adminPage() {
        return adminPage;
    }

    PageConfig config() {
        return config;
    }

    /** cognito-local's own signing key, to make a validly signed token that is wrong in one way only. */
    StaffTokens tokens() {
        return StaffTokens.of(runtime.cloud());
    }

    LocalMailbox mailbox() {
        return runtime.cloud().aws().mailbox();
    }

    /**
     * A draft incident for a sharp rise of {@code service} in the minute {@code minutesAgo} before now, stored as the
     * detection run writes it (the per-minute tallies it reads are written by the intake, not in this system yet).
     * The open one of an earlier test is ended first: one episode is open at a time.
     */
    dev.damagedesk.domain.detection.DetectedIncident detectedDraft(String service, int minutesAgo) {
        var stored = new dev.damagedesk.adapters.repository.DynamoDbDetectedIncidents(runtime.cloud().aws().dynamoDb(),
                runtime.cloud().resources().tableName("ReportsTable"));
        stored.open().ifPresent(open -> stored.replace(open, open.ended()));
        java.time.Instant minute = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                .minusSeconds(60L * minutesAgo);
        var draft = dev.damagedesk.domain.detection.DetectedIncident.detected("2022-10-15", List.of(
                new dev.damagedesk.domain.detection.ServiceSpike(service, Map.of(minute, 42L, minute.plusSeconds(60), 57L))));
        if (!stored.create(draft)) {
            throw new AssertionError("could not open the draft " + draft.id());
        }
        return draft;
    }

    /** A new staff member of {@code role} (viewer, reviewer, supervisor) with a permanent password. */
    Staff staff(String role) {
        String username = role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@staff.damagedesk.test";
        cognito.adminCreateUser(create -> create.userPoolId(config.userPoolId()).username(username)
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(AttributeType.builder().name("email").value(username).build()));
        cognito.adminSetUserPassword(set -> set.userPoolId(config.userPoolId()).username(username)
                .password(PASSWORD).permanent(true));
        cognito.adminAddUserToGroup(add -> add.userPoolId(config.userPoolId()).username(username).groupName(role));
        return new Staff(username, role);
    }

    /** The access token a staff member gets from the pool, for calling the admin API directly. */
    String accessToken(Staff staff) {
        return cognito.initiateAuth(auth -> auth.authFlow(AuthFlowType.USER_PASSWORD_AUTH).clientId(config.clientId())
                        .authParameters(Map.of("USERNAME", staff.username(), "PASSWORD", PASSWORD)))
                .authenticationResult().accessToken();
    }

    /**
     * Files a report and waits until the processor has scored and triaged it. A service the policy offers no
     * paid subscription for (navigation) sends it to a person: {@code NEEDS_REVIEW}, reason manual-review.
     */
    FiledReport fileReportForReview(String name, String description) {
        return fileReport(name, unique("reporter") + "@example.com", "navigation", "paid-subscription", 9900, description);
    }

    FiledReport fileReport(String name, String email, String service, String category, long amountKrw, String description) {
        String body;
        try {
            body = JSON.std.asString(Map.of(
                    "reporter", Map.of("name", name, "email", email),
                    "locale", "ko", "service", service, "category", category,
                    "occurredFrom", "2022-10-15T15:30:00+09:00", "occurredTo", "2022-10-16T15:00:00+09:00",
                    "amountClaimedKrw", amountKrw, "description", description, "privacyConsent", true));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpResponse<String> accepted = send(HttpRequest.newBuilder(runtime.apiBaseUri().resolve("/v1/reports"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
        if (accepted.statusCode() != 202) {
            throw new AssertionError("The public API refused the report: " + accepted.statusCode() + " " + accepted.body());
        }
        Map<String, Object> receipt = json(accepted.body());
        String reportId = (String) receipt.get("reportId");
        String token = (String) receipt.get("trackingToken");
        String status = Waits.until("report " + reportId + " to be triaged", LIMIT, () -> {
            HttpResponse<String> answer = get(runtime.apiBaseUri().resolve("/v1/reports/" + reportId),
                    Map.of("X-Tracking-Token", token));
            String current = (String) json(answer.body()).get("status");
            return current == null || "RECEIVED".equals(current) ? Optional.empty() : Optional.of(current);
        });
        return new FiledReport(reportId, token, email, status);
    }

    /** A direct call to the admin API, as the page would make it. */
    HttpResponse<String> adminApi(String method, String path, String token, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.adminApi().toString().replaceAll("/+$", "") + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.build());
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> json(String body) {
        try {
            return JSON.std.mapFrom(body);
        } catch (IOException e) {
            throw new AssertionError("Not a JSON object: " + body, e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private HttpResponse<String> get(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        if (headers != null) {
            headers.forEach(request::header);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("No answer from " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        try {
            cognito.close();
        } finally {
            runtime.close();
        }
    }
}

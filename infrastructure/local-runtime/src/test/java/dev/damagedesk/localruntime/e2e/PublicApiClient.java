package dev.damagedesk.localruntime.e2e;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What the mobile app does: plain HTTP against the local API Gateway. */
final class PublicApiClient {

    record Reply(int status, Map<String, List<String>> headers, String body) {
        Map<String, Object> json() {
            try {
                return JSON.std.mapFrom(body);
            } catch (IOException e) {
                throw new AssertionError("Response is not a JSON object: " + body, e);
            }
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors() {
            return (List<Map<String, Object>>) json().get("errors");
        }

        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final URI baseUri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    PublicApiClient(URI baseUri) {
        this.baseUri = baseUri;
    }

    Reply submit(String json, String... headerPairs) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri.resolve("/v1/reports"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        for (int i = 0; i < headerPairs.length; i += 2) {
            request.setHeader(headerPairs[i], headerPairs[i + 1]);
        }
        return send(request.build());
    }

    Reply status(String reportId, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri.resolve("/v1/reports/" + reportId))
                .timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("X-Tracking-Token", token);
        }
        return send(request.build());
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new AssertionError("The local API did not answer " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUri.resolve(path)).timeout(Duration.ofSeconds(30));
    }

    static String validReport(String email) {
        return """
                {"reporter":{"name":"Lee Jun","email":"%s"},
                 "locale":"en","service":"music","category":"paid-subscription",
                 "occurredFrom":"2022-10-15T15:30:00+09:00","occurredTo":"2022-10-16T15:00:00+09:00",
                 "amountClaimedKrw":10900,"description":"My music pass did not play all weekend.",
                 "privacyConsent":true}""".formatted(email);
    }
}

package dev.damagedesk.localaws.localstack;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * LocalStack's own report of itself, {@code GET /_localstack/health}: edition, version and the state of every service
 * it has ({@code available}, {@code running}, {@code disabled}, ...). A service it lacks is not listed at all.
 */
record LocalStackHealth(String edition, String version, Map<String, String> services) {

    static final String PATH = "/_localstack/health";
    private static final Set<String> USABLE = Set.of("available", "running");

    LocalStackHealth {
        services = Map.copyOf(services);
    }

    /**
     * Whether this LocalStack serves the SES v2 API the notifier calls. The free image serves SES v1 only; SES v2 came
     * with the licensed editions.
     */
    boolean servesSesV2() {
        return USABLE.contains(services.getOrDefault("sesv2", "absent"));
    }

    static LocalStackHealth read(URI endpoint) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(PATH)).timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("LocalStack answered " + response.statusCode() + " to " + request.uri());
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("LocalStack's " + request.uri() + " is not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + request.uri(), e);
        }
    }

    static LocalStackHealth parse(String json) {
        Map<String, Object> health;
        try {
            health = JSON.std.mapFrom(json);
        } catch (IOException e) {
            throw new IllegalStateException("LocalStack's " + PATH + " is not JSON: " + json, e);
        }
        Map<String, String> services = new LinkedHashMap<>();
        if (health.get("services") instanceof Map<?, ?> states) {
            states.forEach((name, state) -> services.put(String.valueOf(name), String.valueOf(state)));
        }
        return new LocalStackHealth(String.valueOf(health.getOrDefault("edition", "unknown edition")),
                String.valueOf(health.getOrDefault("version", "unknown version")), services);
    }
}

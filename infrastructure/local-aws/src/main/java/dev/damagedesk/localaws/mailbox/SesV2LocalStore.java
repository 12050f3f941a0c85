package dev.damagedesk.localaws.mailbox;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.damagedesk.localaws.mailbox.LocalMailbox.SentEmail;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** aws-ses-v2-local's store of accepted mail, read over its own HTTP API ({@code GET /store}, {@code POST /clear-store}). */
final class SesV2LocalStore implements LocalMailbox.Store {

    private final URI sesEndpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SesV2LocalStore(URI sesEndpoint) {
        this.sesEndpoint = sesEndpoint;
    }

    @Override
    public List<SentEmail> all() {
        Map<String, Object> store = getJson("/store");
        List<?> emails = (List<?>) store.getOrDefault("emails", List.of());
        return emails.stream().map(email -> toSentEmail((Map<?, ?>) email)).toList();
    }

    @Override
    public void clear() {
        send(HttpRequest.newBuilder(sesEndpoint.resolve("/clear-store")).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static SentEmail toSentEmail(Map<?, ?> email) {
        Map<?, ?> destination = (Map<?, ?>) email.get("destination");
        Map<?, ?> body = (Map<?, ?>) email.get("body");
        return new SentEmail(
                (String) email.get("messageId"),
                (String) email.get("from"),
                destination == null ? List.of() : ((List<?>) destination.get("to")).stream().map(String::valueOf).toList(),
                (String) email.get("subject"),
                body == null ? null : (String) body.get("text"),
                body == null ? null : (String) body.get("html"));
    }

    private Map<String, Object> getJson(String path) {
        String body = send(HttpRequest.newBuilder(sesEndpoint.resolve(path)).GET().build());
        try {
            return JSON.std.mapFrom(body);
        } catch (IOException e) {
            throw new IllegalStateException("The SES emulator's " + path + " is not JSON: " + body, e);
        }
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The SES emulator answered " + response.statusCode() + " to " + request.uri());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("The SES emulator at " + sesEndpoint + " is not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the local mailbox", e);
        }
    }
}

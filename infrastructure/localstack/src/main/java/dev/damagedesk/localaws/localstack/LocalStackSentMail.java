package dev.damagedesk.localaws.localstack;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.damagedesk.localaws.mailbox.LocalMailbox;
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

/**
 * The mail LocalStack's SES accepted, from its internal endpoint {@code /_aws/ses}: {@code GET} lists every message
 * as {@code {"messages": [{"Id", "Source", "Destination": {"ToAddresses"}, "Subject", "Body": {"text_part",
 * "html_part"}, ...}]}}, {@code DELETE} forgets them all.
 */
final class LocalStackSentMail implements LocalMailbox.Store {

    static final String PATH = "/_aws/ses";

    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    LocalStackSentMail(URI endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public List<SentEmail> all() {
        return parse(send(HttpRequest.newBuilder(endpoint.resolve(PATH)).GET().build()));
    }

    @Override
    public void clear() {
        send(HttpRequest.newBuilder(endpoint.resolve(PATH)).DELETE().build());
    }

    static List<SentEmail> parse(String json) {
        Map<String, Object> store;
        try {
            store = JSON.std.mapFrom(json);
        } catch (IOException e) {
            throw new IllegalStateException("LocalStack's " + PATH + " is not JSON: " + json, e);
        }
        List<?> messages = store.get("messages") instanceof List<?> list ? list : List.of();
        return messages.stream().map(message -> toSentEmail((Map<?, ?>) message)).toList();
    }

    private static SentEmail toSentEmail(Map<?, ?> message) {
        Map<?, ?> destination = message.get("Destination") instanceof Map<?, ?> map ? map : Map.of();
        Map<?, ?> body = message.get("Body") instanceof Map<?, ?> map ? map : Map.of();
        List<?> to = destination.get("ToAddresses") instanceof List<?> list ? list : List.of();
        return new SentEmail(
                text(message.get("Id")),
                text(message.containsKey("Source") ? message.get("Source") : message.get("FromEmailAddress")),
                to.stream().map(String::valueOf).toList(),
                text(message.get("Subject")),
                text(body.get("text_part")),
                text(body.get("html_part")));
    }

    /** A string, or the {@code Data} of an SES {@code Content} structure. */
    private static String text(Object value) {
        if (value instanceof Map<?, ?> content) {
            return text(content.get("Data"));
        }
        return value == null ? null : String.valueOf(value);
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("LocalStack answered " + response.statusCode() + " to "
                        + request.method() + " " + request.uri());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("LocalStack at " + endpoint + " is not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading LocalStack's sent mail", e);
        }
    }
}

package dev.damagedesk.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.damagedesk.adapters.json.Json;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.validation.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one shape of every HTTP API answer (public and staff): JSON, never cached, never sniffed; errors as a list of
 * field errors with the message in the caller's language.
 */
public final class HttpAnswers {

    /** Seconds a client should wait after a 503: the SDK's own retries are already spent. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private HttpAnswers() {
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return json(status, body, Map.of());
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.putAll(extraHeaders);
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers)
                .withBody(Json.write(body)).withIsBase64Encoded(false).build();
    }

    public static APIGatewayV2HTTPResponse errors(int status, List<FieldError> errors, Language language) {
        return errors(status, errors, language, Map.of());
    }

    private static APIGatewayV2HTTPResponse errors(int status, List<FieldError> errors, Language language,
                                                   Map<String, String> extraHeaders) {
        List<Map<String, Object>> list = errors.stream().map(error -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("field", error.field());
            entry.put("code", error.code());
            entry.put("message", error.message(language));
            return entry;
        }).toList();
        return json(status, Map.of("errors", list), extraHeaders);
    }

    public static APIGatewayV2HTTPResponse error(int status, FieldError error, Language language) {
        return errors(status, List.of(error), language);
    }

    /** A 429 with {@code Retry-After} in whole seconds (at least 1): a limit of ours, free again after that long. */
    public static APIGatewayV2HTTPResponse limited(FieldError error, Language language, java.time.Duration retryAfter) {
        long seconds = Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
        return errors(429, List.of(error), language, Map.of("Retry-After", Long.toString(seconds)));
    }

    /** A 503 with {@code Retry-After}: only for a dependency that is not answering, where retrying can help. */
    public static APIGatewayV2HTTPResponse unavailable(FieldError error, Language language) {
        return errors(503, List.of(error), language, Map.of("Retry-After", RETRY_AFTER_SECONDS));
    }
}

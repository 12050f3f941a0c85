package dev.damagedesk.localruntime.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP API's {@code CorsConfiguration}, applied as API Gateway applies it: a preflight ({@code OPTIONS} with
 * {@code Origin} and {@code Access-Control-Request-Method}) is answered by the gateway itself, 204, before any route
 * or authorizer, with the allow headers when origin, method and headers are allowed and without them otherwise;
 * every other response to an allowed origin carries {@code Access-Control-Allow-Origin} (and expose/credentials
 * headers), replacing whatever CORS headers the function set.
 *
 * @param allowOrigins resolved origins, {@code *} for any
 */
public record CorsPolicy(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
                         List<String> exposeHeaders, boolean allowCredentials, Optional<Integer> maxAgeSeconds) {

    public CorsPolicy {
        allowOrigins = List.copyOf(allowOrigins);
        allowMethods = allowMethods.stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
        allowHeaders = allowHeaders.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        exposeHeaders = List.copyOf(exposeHeaders);
    }

    public boolean isPreflight(String method, Map<String, List<String>> headers) {
        return "OPTIONS".equalsIgnoreCase(method) && header(headers, "Origin").isPresent()
                && header(headers, "Access-Control-Request-Method").isPresent();
    }

    /** The 204 answer to a preflight. */
    public HttpApiResponse preflight(Map<String, List<String>> headers) {
        List<Map.Entry<String, String>> answer = new ArrayList<>();
        String origin = header(headers, "Origin").orElse("");
        String method = header(headers, "Access-Control-Request-Method").orElse("").toUpperCase(Locale.ROOT);
        List<String> requested = header(headers, "Access-Control-Request-Headers")
                .map(value -> List.of(value.toLowerCase(Locale.ROOT).split("\\s*,\\s*"))).orElse(List.of()).stream()
                .filter(h -> !h.isBlank()).toList();
        boolean methodAllowed = allowMethods.contains("*") || allowMethods.contains(method);
        boolean headersAllowed = allowHeaders.contains("*") || allowHeaders.containsAll(requested);
        if (allowsOrigin(origin) && methodAllowed && headersAllowed) {
            answer.add(Map.entry("Access-Control-Allow-Origin", allowedOriginValue(origin)));
            answer.add(Map.entry("Access-Control-Allow-Methods", String.join(",", allowMethods)));
            if (!allowHeaders.isEmpty()) {
                answer.add(Map.entry("Access-Control-Allow-Headers", String.join(",", allowHeaders)));
            }
            if (allowCredentials) {
                answer.add(Map.entry("Access-Control-Allow-Credentials", "true"));
            }
            maxAgeSeconds.ifPresent(age -> answer.add(Map.entry("Access-Control-Max-Age", Integer.toString(age))));
        }
        return new HttpApiResponse(204, answer, new byte[0]);
    }

    /** The response with its CORS headers as API Gateway sets them for the request's origin. */
    public HttpApiResponse apply(Map<String, List<String>> requestHeaders, HttpApiResponse response) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (Map.Entry<String, String> header : response.headers()) {
            if (!header.getKey().toLowerCase(Locale.ROOT).startsWith("access-control-")) {
                headers.add(header);
            }
        }
        Optional<String> origin = header(requestHeaders, "Origin");
        if (origin.isPresent() && allowsOrigin(origin.get())) {
            headers.add(Map.entry("Access-Control-Allow-Origin", allowedOriginValue(origin.get())));
            if (!exposeHeaders.isEmpty()) {
                headers.add(Map.entry("Access-Control-Expose-Headers", String.join(",", exposeHeaders)));
            }
            if (allowCredentials) {
                headers.add(Map.entry("Access-Control-Allow-Credentials", "true"));
            }
            headers.add(Map.entry("Vary", "Origin"));
        }
        return new HttpApiResponse(response.statusCode(), headers, response.body());
    }

    boolean allowsOrigin(String origin) {
        return allowOrigins.contains("*") || allowOrigins.stream().anyMatch(allowed -> allowed.equalsIgnoreCase(origin));
    }

    private String allowedOriginValue(String origin) {
        return allowOrigins.contains("*") && !allowCredentials ? "*" : origin;
    }

    static Optional<String> header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return Optional.of(header.getValue().get(0));
            }
        }
        return Optional.empty();
    }
}

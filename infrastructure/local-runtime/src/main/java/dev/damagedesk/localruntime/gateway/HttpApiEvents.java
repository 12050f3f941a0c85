package dev.damagedesk.localruntime.gateway;

import dev.damagedesk.localaws.template.LocalResourceNames;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the event API Gateway sends a Lambda proxy integration of an HTTP API, payload format version 2.0: header
 * names in lower case with repeated headers joined by commas (hop-by-hop headers dropped), the {@code Cookie} header
 * moved into {@code cookies}, repeated query parameters joined by commas, path variables, the request context, and
 * the body as UTF-8 text, or base64 with {@code isBase64Encoded} when its content type is not textual.
 */
final class HttpApiEvents {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Connection-level headers a proxy consumes instead of passing on (RFC 9110 7.6.1, plus HTTP/2's upgrade). */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "te", "trailer",
            "transfer-encoding", "upgrade", "http2-settings");

    private HttpApiEvents() {
    }

    /** A request id in API Gateway's shape (16 characters of base64, e.g. {@code JKJaXmPLvHcESHA=}). */
    static String newRequestId() {
        byte[] bytes = new byte[11];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static Map<String, Object> build(HttpApiRequest request, RouteTable.Match match, String apiId, String requestId, Instant now) {
        return build(request, match, apiId, requestId, now, java.util.Optional.empty());
    }

    /** @param authorized the JWT authorizer's claims and scopes, passed as {@code requestContext.authorizer.jwt} */
    static Map<String, Object> build(HttpApiRequest request, RouteTable.Match match, String apiId, String requestId,
                                     Instant now, java.util.Optional<JwtAuthorizer.Allowed> authorized) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(lower)) {
                return;
            }
            if (lower.equals("cookie")) {
                for (String header : values) {
                    for (String cookie : header.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.trim());
                        }
                    }
                }
                return;
            }
            headers.merge(lower, String.join(",", values), (first, more) -> first + "," + more);
        });
        headers.merge("x-forwarded-for", request.sourceIp(), (existing, ip) -> existing + ", " + ip);
        headers.putIfAbsent("x-forwarded-port", Integer.toString(request.localPort()));
        headers.putIfAbsent("x-forwarded-proto", "http");
        headers.putIfAbsent("x-amzn-trace-id", traceId(now));

        String host = headers.getOrDefault("host", "127.0.0.1");
        String domainName = host.contains(":") && !host.startsWith("[") ? host.substring(0, host.indexOf(':')) : host;
        String domainPrefix = domainName.contains(".") ? domainName.substring(0, domainName.indexOf('.')) : domainName;
        String routeKey = match.binding().route().routeKey();

        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", request.method().toUpperCase(Locale.ROOT));
        http.put("path", request.rawPath());
        http.put("protocol", request.protocol());
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", headers.getOrDefault("user-agent", ""));

        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", LocalResourceNames.LOCAL_ACCOUNT_ID);
        context.put("apiId", apiId);
        authorized.ifPresent(allowed -> {
            Map<String, Object> jwt = new LinkedHashMap<>();
            jwt.put("claims", allowed.claims());
            jwt.put("scopes", allowed.scopes());
            context.put("authorizer", Map.of("jwt", jwt));
        });
        context.put("domainName", domainName);
        context.put("domainPrefix", domainPrefix);
        context.put("http", http);
        context.put("requestId", requestId);
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());

        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQueryString());
        if (!cookies.isEmpty()) {
            event.put("cookies", cookies);
        }
        event.put("headers", headers);
        Map<String, String> query = queryParameters(request.rawQueryString());
        if (!query.isEmpty()) {
            event.put("queryStringParameters", query);
        }
        if (!match.pathParameters().isEmpty()) {
            event.put("pathParameters", match.pathParameters());
        }
        event.put("requestContext", context);
        boolean base64 = false;
        if (request.body().length > 0) {
            base64 = !isTextual(headers.get("content-type"));
            event.put("body", base64
                    ? Base64.getEncoder().encodeToString(request.body())
                    : new String(request.body(), StandardCharsets.UTF_8));
        }
        event.put("isBase64Encoded", base64);
        return event;
    }

    /** Repeated parameters joined by commas; values URL-decoded; a parameter without '=' has the empty value. */
    static Map<String, String> queryParameters(String rawQueryString) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQueryString == null || rawQueryString.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQueryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (!name.isEmpty()) {
                parameters.merge(name, value, (first, more) -> first + "," + more);
            }
        }
        return parameters;
    }

    /** Text types pass as they are; everything else (and a body without a content type) is base64-encoded. */
    static boolean isTextual(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.startsWith("text/")
                || mediaType.equals("application/json")
                || mediaType.equals("application/xml")
                || mediaType.equals("application/javascript")
                || mediaType.equals("application/x-www-form-urlencoded")
                || mediaType.endsWith("+json")
                || mediaType.endsWith("+xml");
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String traceId(Instant now) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "Root=1-" + Long.toHexString(now.getEpochSecond()) + "-" + HexFormat.of().formatHex(bytes);
    }
}

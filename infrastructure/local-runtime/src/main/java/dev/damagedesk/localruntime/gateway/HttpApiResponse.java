package dev.damagedesk.localruntime.gateway;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The HTTP response API Gateway makes of a Lambda proxy integration's result, payload format version 2.0.
 *
 * <p>A JSON object with a {@code statusCode} is read field by field: {@code statusCode}, {@code headers},
 * {@code multiValueHeaders}, {@code cookies} (one {@code Set-Cookie} each) and {@code body}, base64-decoded when
 * {@code isBase64Encoded} is true. Any other valid JSON is taken as the body of a 200 {@code application/json}
 * response, as API Gateway does for format 2.0. What API Gateway cannot read is a {@link MalformedResponseException}
 * (a 500 for the client).
 *
 * @param headers name and value pairs, in order; a name may repeat
 */
record HttpApiResponse(int statusCode, List<Map.Entry<String, String>> headers, byte[] body) {

    static final class MalformedResponseException extends Exception {
        MalformedResponseException(String message) {
            super(message);
        }
    }

    /** API Gateway's own JSON error answer, e.g. {@code {"message":"Not Found"}}. */
    static HttpApiResponse message(int statusCode, String message) {
        try {
            byte[] body = JSON.std.asBytes(Map.of("message", message));
            return new HttpApiResponse(statusCode, List.of(Map.entry("Content-Type", "application/json")), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This response with one more header. */
    HttpApiResponse withHeader(String name, String value) {
        List<Map.Entry<String, String>> more = new ArrayList<>(headers);
        more.add(Map.entry(name, value));
        return new HttpApiResponse(statusCode, more, body);
    }

    static HttpApiResponse fromLambda(String responseJson) throws MalformedResponseException {
        Object parsed;
        try {
            parsed = JSON.std.anyFrom(responseJson);
        } catch (IOException | RuntimeException e) {
            throw new MalformedResponseException("the function's response is not JSON");
        }
        if (!(parsed instanceof Map<?, ?> map) || !map.containsKey("statusCode")) {
            return new HttpApiResponse(200, List.of(Map.entry("Content-Type", "application/json")),
                    responseJson.getBytes(StandardCharsets.UTF_8));
        }
        int statusCode = statusCode(map.get("statusCode"));
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        Object single = map.get("headers");
        if (single != null) {
            for (Map.Entry<?, ?> header : asMap(single, "headers").entrySet()) {
                if (header.getValue() != null) {
                    headers.add(Map.entry(String.valueOf(header.getKey()), scalar(header.getValue(), "headers")));
                }
            }
        }
        Object multi = map.get("multiValueHeaders");
        if (multi != null) {
            for (Map.Entry<?, ?> header : asMap(multi, "multiValueHeaders").entrySet()) {
                for (Object value : asList(header.getValue(), "multiValueHeaders")) {
                    headers.add(Map.entry(String.valueOf(header.getKey()), scalar(value, "multiValueHeaders")));
                }
            }
        }
        Object cookies = map.get("cookies");
        if (cookies != null) {
            for (Object cookie : asList(cookies, "cookies")) {
                headers.add(Map.entry("Set-Cookie", scalar(cookie, "cookies")));
            }
        }
        Object body = map.get("body");
        byte[] bytes;
        if (body == null) {
            bytes = new byte[0];
        } else if (!(body instanceof String text)) {
            throw new MalformedResponseException("body must be a string");
        } else if (Boolean.TRUE.equals(map.get("isBase64Encoded"))) {
            try {
                bytes = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new MalformedResponseException("isBase64Encoded is true but body is not base64");
            }
        } else {
            bytes = text.getBytes(StandardCharsets.UTF_8);
        }
        return new HttpApiResponse(statusCode, headers, bytes);
    }

    private static int statusCode(Object value) throws MalformedResponseException {
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            int code = number.intValue();
            if (code >= 100 && code <= 599) {
                return code;
            }
        }
        throw new MalformedResponseException("statusCode must be an HTTP status code, was " + value);
    }

    private static Map<?, ?> asMap(Object value, String field) throws MalformedResponseException {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new MalformedResponseException(field + " must be an object");
    }

    private static List<?> asList(Object value, String field) throws MalformedResponseException {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new MalformedResponseException(field + " must be an array");
    }

    private static String scalar(Object value, String field) throws MalformedResponseException {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        throw new MalformedResponseException(field + " values must be strings");
    }
}

package dev.damagedesk.intake.submit;

import dev.damagedesk.adapters.json.Json;
import dev.damagedesk.domain.validation.FieldError;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the raw HTTP body into a JSON object, or says precisely why it cannot: wrong media type (415), too
 * large (413), not decodable, not JSON or not an object (400). Nothing here depends on what the object says.
 */
public final class RequestBody {

    /**
     * Above the longest valid report in its longest JSON encoding: every character of every text at its limit
     * written as an escaped surrogate pair ({@code \uD83D\uDE21}, 12 bytes a character) is (4,000 + 100 + 254 + 100
     * + 32) x 12 = 53,760 bytes of text, plus the names, the other values and the punctuation, under 56 KB; the rest
     * is room for insignificant white space. {@code RequestBodyTest} builds that report and checks it fits.
     */
    public static final int MAX_BYTES = 64 * 1024;

    public sealed interface Parsed {
        record Json(Map<String, Object> object, byte[] bytes) implements Parsed {
        }

        record UnsupportedMediaType(FieldError error) implements Parsed {
        }

        record TooLarge(FieldError error) implements Parsed {
        }

        record Malformed(FieldError error) implements Parsed {
        }
    }

    private RequestBody() {
    }

    public static Parsed parse(String contentType, String body, boolean base64Encoded) {
        if (!isJson(contentType)) {
            return new Parsed.UnsupportedMediaType(new FieldError("body", "unsupported_media_type",
                    "The body must be JSON, sent with Content-Type: application/json.",
                    "본문은 JSON이어야 하며 Content-Type: application/json 으로 보내야 합니다."));
        }
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0]
                    : base64Encoded ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return malformed();
        }
        if (bytes.length > MAX_BYTES) {
            return new Parsed.TooLarge(new FieldError("body", "too_large",
                    "The body is larger than " + MAX_BYTES + " bytes.",
                    "본문이 " + MAX_BYTES + "바이트를 넘습니다."));
        }
        if (bytes.length == 0) {
            return new Parsed.Malformed(new FieldError("body", "required",
                    "The request has no body; send the report as a JSON object.",
                    "요청 본문이 없습니다. 신고 내용을 JSON 객체로 보내 주세요."));
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return new Parsed.Json(dev.damagedesk.adapters.json.Json.parseObject(text), bytes);
        } catch (Json.NotAnObjectException e) {
            return new Parsed.Malformed(FieldError.bodyNotAnObject());
        } catch (Json.MalformedJsonException | CharacterCodingException e) {
            return malformed();
        }
    }

    private static Parsed malformed() {
        return new Parsed.Malformed(FieldError.invalidJsonBody());
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        String mediaType = parts[0].trim();
        if (!mediaType.equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.startsWith("charset=") && !parameter.substring(8).replace("\"", "").equals("utf-8")) {
                return false;
            }
        }
        return true;
    }
}

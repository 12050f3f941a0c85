package dev.damagedesk.domain.validation;

import dev.damagedesk.domain.report.Language;

import java.util.Objects;

/**
 * One problem with one field of a request, in both languages so the caller picks per reporter.
 *
 * @param field JSON path as the client sent it, e.g. {@code reporter.email}; {@code body} for the whole body;
 *              null for a problem that is about no field (the service is unavailable, a route does not exist)
 * @param code  stable machine code from {@link ErrorCodes}
 */
public record FieldError(String field, String code, String messageEn, String messageKo) {

    public FieldError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(messageEn, "messageEn");
        Objects.requireNonNull(messageKo, "messageKo");
    }

    public String message(Language language) {
        return language == Language.KO ? messageKo : messageEn;
    }

    /** For a handler whose request body is not parseable JSON. */
    public static FieldError invalidJsonBody() {
        return new FieldError("body", ErrorCodes.INVALID_JSON,
                "The request body is not valid JSON.",
                "요청 본문이 올바른 JSON 형식이 아닙니다.");
    }

    /** For a handler whose request body is JSON but not an object. */
    public static FieldError bodyNotAnObject() {
        return new FieldError("body", ErrorCodes.TYPE,
                "The request body must be a JSON object.",
                "요청 본문은 JSON 객체여야 합니다.");
    }
}

package dev.damagedesk.domain.validation;

/** The machine codes of {@link FieldError}; clients switch on these, so they never change. */
public final class ErrorCodes {

    public static final String REQUIRED = "required";
    public static final String TYPE = "type";
    public static final String UNKNOWN_FIELD = "unknown_field";
    public static final String INVALID_CHARACTERS = "invalid_characters";
    public static final String INVALID_FORMAT = "invalid_format";
    public static final String INVALID_JSON = "invalid_json";
    public static final String TOO_LONG = "too_long";
    public static final String NOT_ALLOWED = "not_allowed";
    public static final String BEFORE_START = "before_start";
    public static final String IN_FUTURE = "in_future";
    public static final String OUT_OF_RANGE = "out_of_range";
    public static final String NOT_APPLICABLE = "not_applicable";
    public static final String MUST_BE_TRUE = "must_be_true";

    private ErrorCodes() {
    }
}

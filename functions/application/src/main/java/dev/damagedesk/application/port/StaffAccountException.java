package dev.damagedesk.application.port;

/** A staff account operation the directory refused, with a machine-readable code. */
public final class StaffAccountException extends RuntimeException {

    public static final String EXISTS = "exists";
    public static final String NOT_FOUND = "not-found";
    public static final String INVALID_EMAIL = "invalid-email";
    public static final String INVALID_PASSWORD = "invalid-password";

    private final String code;

    public StaffAccountException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

package dev.damagedesk.domain.staff;

/** The actor's role does not allow the action, or the amount is above what their role may decide. */
public final class StaffNotAllowedException extends RuntimeException {

    public enum Why {
        /** The role may not do this at all. */
        FORBIDDEN("forbidden"),
        /** A reviewer deciding more money than the configured limit. */
        OVER_DECISION_LIMIT("over-decision-limit");

        private final String code;

        Why(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Why why;

    public StaffNotAllowedException(Why why, String message) {
        super(message);
        this.why = why;
    }

    public Why why() {
        return why;
    }
}

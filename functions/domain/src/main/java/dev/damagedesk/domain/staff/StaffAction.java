package dev.damagedesk.domain.staff;

import java.util.Optional;

/** What a staff member can do to one report (docs/admin-api.md, docs/triage.md). */
public enum StaffAction {
    APPROVE("approve"),
    /** Approve another amount than the policy's, with a reason. */
    ADJUST("adjust"),
    REJECT("reject"),
    REQUEST_DOCUMENTS("request-documents"),
    MARK_DUPLICATE("mark-duplicate"),
    UNMARK_DUPLICATE("unmark-duplicate"),
    REOPEN("reopen");

    private final String code;

    StaffAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<StaffAction> fromCode(String code) {
        for (StaffAction action : values()) {
            if (action.code.equals(code)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}

package dev.damagedesk.domain.staff;

import java.util.Objects;

/**
 * Who changed a report: a staff member (their Cognito user id, sign-in name and role) or one of the functions
 * (automatic scoring, re-scoring, the document-deadline schedule).
 *
 * @param id   the Cognito {@code sub} of a staff member; the function's logical id for a function
 * @param name the staff member's sign-in name (their work email); the function's logical id for a function
 * @param role null for a function
 */
public record Actor(Kind kind, String id, String name, StaffRole role) {

    public enum Kind { STAFF, FUNCTION }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (kind == Kind.STAFF) {
            Objects.requireNonNull(role, "a staff member has a role");
        } else if (role != null) {
            throw new IllegalArgumentException("a function has no staff role");
        }
    }

    public static Actor staff(String userId, String name, StaffRole role) {
        return new Actor(Kind.STAFF, userId, name, role);
    }

    public static Actor function(String logicalId) {
        return new Actor(Kind.FUNCTION, logicalId, logicalId, null);
    }

    public boolean isStaff() {
        return kind == Kind.STAFF;
    }
}

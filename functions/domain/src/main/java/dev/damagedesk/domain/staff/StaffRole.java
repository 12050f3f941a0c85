package dev.damagedesk.domain.staff;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * A staff member's role, from the Cognito group they belong to ({@code cognito:groups}). Each role may do what
 * the one before it may: a viewer reads; a reviewer also decides up to the configured amount; a supervisor also
 * decides above it, manages incidents and policy versions, exports personal data and redrives dead letters.
 */
public enum StaffRole {
    VIEWER("viewer"),
    REVIEWER("reviewer"),
    SUPERVISOR("supervisor");

    private final String group;

    StaffRole(String group) {
        this.group = group;
    }

    /** The Cognito group name. */
    public String group() {
        return group;
    }

    public boolean atLeast(StaffRole other) {
        return compareTo(other) >= 0;
    }

    public static Optional<StaffRole> fromGroup(String group) {
        if (group == null) {
            return Optional.empty();
        }
        String normalised = group.trim().toLowerCase(Locale.ROOT);
        for (StaffRole role : values()) {
            if (role.group.equals(normalised)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** The highest role among the groups; empty when none of them is a staff group. */
    public static Optional<StaffRole> highestOf(Collection<String> groups) {
        StaffRole highest = null;
        for (String group : groups) {
            StaffRole role = fromGroup(group).orElse(null);
            if (role != null && (highest == null || role.atLeast(highest))) {
                highest = role;
            }
        }
        return Optional.ofNullable(highest);
    }
}

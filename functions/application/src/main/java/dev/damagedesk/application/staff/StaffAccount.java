package dev.damagedesk.application.staff;

import dev.damagedesk.domain.staff.StaffRole;
import java.util.Optional;

/**
 * A staff account as {@code staff list} shows it.
 *
 * @param role    the highest of its staff groups; empty when it is in none (it can sign in but the admin API answers 403)
 * @param enabled false once disabled: it can no longer sign in
 */
public record StaffAccount(String email, Optional<StaffRole> role, boolean enabled) {
}

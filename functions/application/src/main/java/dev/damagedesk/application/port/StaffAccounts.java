package dev.damagedesk.application.port;

import dev.damagedesk.application.staff.StaffAccount;
import dev.damagedesk.domain.staff.StaffRole;
import java.util.List;
import java.util.Optional;

/**
 * Where staff accounts live (on AWS and locally: the staff Cognito user pool, its groups being the roles). Emails
 * are given normalised (trimmed, lower case); implementations never log them.
 */
public interface StaffAccounts {

    /**
     * Creates an account. Without a password the directory invites the person with a temporary one that must be
     * changed at first sign-in; with one, that password is set as the permanent one.
     *
     * @throws StaffAccountException {@code exists} when the email has an account, {@code invalid-password} when the
     *                               directory's password policy refuses the password
     */
    void create(String email, Optional<String> permanentPassword);

    /** Makes {@code role} the account's only staff role (its other staff groups are left). */
    void assignRole(String email, StaffRole role);

    /** Every account, with its highest staff role (empty when it has none) and whether it may sign in. */
    List<StaffAccount> list();

    /**
     * Stops the account from signing in; tokens already issued stay valid until they expire.
     *
     * @throws StaffAccountException {@code not-found} when no account has that email
     */
    void disable(String email);
}

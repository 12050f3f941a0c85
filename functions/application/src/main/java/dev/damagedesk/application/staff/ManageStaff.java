package dev.damagedesk.application.staff;

import dev.damagedesk.application.port.StaffAccountException;
import dev.damagedesk.application.port.StaffAccounts;
import dev.damagedesk.domain.staff.StaffRole;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Staff accounts, as the command-line tool manages them ({@code staff add|list|disable}): add an email with a role
 * (an invitation with a temporary password, or a given permanent one), list them with role and state, disable one.
 */
public final class ManageStaff {

    /** Deliberately plain: one {@code @}, a dot in the domain, no spaces; the directory checks the rest. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final StaffAccounts accounts;

    public ManageStaff(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    /**
     * @param permanentPassword empty: the person is invited with a temporary password
     * @return the account as it now is
     */
    public StaffAccount add(String email, StaffRole role, Optional<String> permanentPassword) {
        String normalised = normalise(email);
        accounts.create(normalised, permanentPassword);
        accounts.assignRole(normalised, role);
        return new StaffAccount(normalised, Optional.of(role), true);
    }

    /** Every account, by email. */
    public List<StaffAccount> list() {
        return accounts.list().stream().sorted(Comparator.comparing(StaffAccount::email)).toList();
    }

    public void disable(String email) {
        accounts.disable(normalise(email));
    }

    static String normalise(String email) {
        String normalised = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(normalised).matches()) {
            throw new StaffAccountException(StaffAccountException.INVALID_EMAIL, "not an email address");
        }
        return normalised;
    }
}

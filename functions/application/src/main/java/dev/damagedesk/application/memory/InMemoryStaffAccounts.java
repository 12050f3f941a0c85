package dev.damagedesk.application.memory;

import dev.damagedesk.application.port.StaffAccountException;
import dev.damagedesk.application.port.StaffAccounts;
import dev.damagedesk.application.staff.StaffAccount;
import dev.damagedesk.domain.staff.StaffRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Staff accounts in memory, for unit tests of the use cases. */
public final class InMemoryStaffAccounts implements StaffAccounts {

    private final Map<String, StaffAccount> accounts = new LinkedHashMap<>();

    @Override
    public synchronized void create(String email, Optional<String> permanentPassword) {
        if (accounts.containsKey(email)) {
            throw new StaffAccountException(StaffAccountException.EXISTS, "an account with this email exists");
        }
        accounts.put(email, new StaffAccount(email, Optional.empty(), true));
    }

    @Override
    public synchronized void assignRole(String email, StaffRole role) {
        StaffAccount account = existing(email);
        accounts.put(email, new StaffAccount(email, Optional.of(role), account.enabled()));
    }

    @Override
    public synchronized List<StaffAccount> list() {
        return new ArrayList<>(accounts.values());
    }

    @Override
    public synchronized void disable(String email) {
        StaffAccount account = existing(email);
        accounts.put(email, new StaffAccount(email, account.role(), false));
    }

    private StaffAccount existing(String email) {
        StaffAccount account = accounts.get(email);
        if (account == null) {
            throw new StaffAccountException(StaffAccountException.NOT_FOUND, "no account with this email");
        }
        return account;
    }
}

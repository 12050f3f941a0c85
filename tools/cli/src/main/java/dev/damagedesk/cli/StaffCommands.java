package dev.damagedesk.cli;

import dev.damagedesk.application.port.StaffAccountException;
import dev.damagedesk.application.staff.ManageStaff;
import dev.damagedesk.application.staff.StaffAccount;
import dev.damagedesk.domain.staff.StaffRole;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code staff add EMAIL --role viewer|reviewer|supervisor [--password-stdin]}, {@code staff list},
 * {@code staff disable EMAIL}: argument parsing and printing around {@link ManageStaff}, nothing else.
 */
final class StaffCommands {

    private final Supplier<ManageStaff> staff;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    /** @param staff built only once the arguments are known to be right (it connects to the user pool) */
    StaffCommands(Supplier<ManageStaff> staff, InputStream in, PrintStream out, PrintStream err) {
        this.staff = staff;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** @param args what follows {@code staff}; @return 0 done, 1 refused by the directory, 2 usage error */
    int run(List<String> args) {
        if (args.isEmpty()) {
            return usage("staff needs add, list or disable");
        }
        List<String> rest = new ArrayList<>(args.subList(1, args.size()));
        try {
            return switch (args.get(0)) {
                case "add" -> add(rest);
                case "list" -> rest.isEmpty() ? list() : usage("staff list takes no arguments");
                case "disable" -> rest.size() == 1 ? disable(rest.get(0)) : usage("staff disable needs one EMAIL");
                default -> usage("Unknown command: staff " + args.get(0));
            };
        } catch (StaffAccountException refused) {
            err.println("Refused (" + refused.code() + "): " + refused.getMessage());
            return 1;
        }
    }

    private int add(List<String> args) {
        String email = null;
        StaffRole role = null;
        boolean passwordFromStdin = false;
        for (int i = 0; i < args.size(); i++) {
            String argument = args.get(i);
            if (argument.equals("--role") && i + 1 < args.size()) {
                String group = args.get(++i);
                role = StaffRole.fromGroup(group).orElse(null);
                if (role == null) {
                    return usage("--role must be viewer, reviewer or supervisor, not '" + group + "'");
                }
            } else if (argument.equals("--password-stdin")) {
                passwordFromStdin = true;
            } else if (!argument.startsWith("--") && email == null) {
                email = argument;
            } else {
                return usage("staff add EMAIL --role viewer|reviewer|supervisor [--password-stdin]");
            }
        }
        if (email == null || role == null) {
            return usage("staff add needs an EMAIL and --role viewer|reviewer|supervisor");
        }
        Optional<String> password = passwordFromStdin ? Optional.of(firstLineOfStdin()) : Optional.empty();
        StaffAccount account = staff.get().add(email, role, password);
        out.println("Added " + account.email() + " as " + role.group() + (password.isPresent()
                ? ", with the password given"
                : ": invited by email with a temporary password, to be changed at first sign-in"));
        return 0;
    }

    private int list() {
        List<StaffAccount> accounts = staff.get().list();
        int width = accounts.stream().mapToInt(account -> account.email().length()).max().orElse(5);
        String row = "%-" + Math.max(width, 5) + "s  %-10s  %s%n";
        out.printf(row, "EMAIL", "ROLE", "STATE");
        for (StaffAccount account : accounts) {
            out.printf(row, account.email(), account.role().map(StaffRole::group).orElse("(none)"),
                    account.enabled() ? "enabled" : "disabled");
        }
        return 0;
    }

    private int disable(String email) {
        staff.get().disable(email);
        out.println("Disabled " + email.trim() + ": it can no longer sign in (tokens already issued stay valid until they expire)");
        return 0;
    }

    private String firstLineOfStdin() {
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int usage(String problem) {
        err.println(problem);
        err.print(DamageDeskCli.USAGE);
        return 2;
    }
}

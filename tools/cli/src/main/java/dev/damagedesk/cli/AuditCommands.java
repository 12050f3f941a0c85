package dev.damagedesk.cli;

import dev.damagedesk.application.audit.VerifyAuditChain;
import dev.damagedesk.domain.audit.AuditChain;
import dev.damagedesk.domain.report.ReportId;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code audit verify REPORT_ID} and {@code audit verify --incident ID}: argument parsing and printing around
 * {@link VerifyAuditChain}. Exit 0 when every chain checked is intact, 1 naming the first broken link of each broken one.
 */
final class AuditCommands {

    private final Supplier<VerifyAuditChain> verify;
    private final PrintStream out;
    private final PrintStream err;

    /** @param verify built only once the arguments are known to be right (it connects to the tables) */
    AuditCommands(Supplier<VerifyAuditChain> verify, PrintStream out, PrintStream err) {
        this.verify = verify;
        this.out = out;
        this.err = err;
    }

    /** @param args what follows {@code audit}; @return 0 intact, 1 broken or not found, 2 usage error */
    int run(List<String> args) {
        if (args.size() == 2 && args.get(0).equals("verify") && !args.get(1).startsWith("--")) {
            return report(args.get(1));
        }
        if (args.size() == 3 && args.get(0).equals("verify") && args.get(1).equals("--incident")) {
            return incident(args.get(2));
        }
        err.println("audit verify needs a REPORT_ID, or --incident ID");
        err.print(DamageDeskCli.USAGE);
        return 2;
    }

    private int report(String id) {
        Optional<ReportId> reportId = ReportId.parse(id);
        if (reportId.isEmpty()) {
            err.println("Not a report id: " + id);
            return 2;
        }
        Optional<VerifyAuditChain.ReportCheck> check = verify.get().report(reportId.get());
        if (check.isEmpty()) {
            err.println("No report " + id);
            return 1;
        }
        if (check.get().intact()) {
            out.println("Audit chain of " + id + " is intact: " + check.get().entries() + " entries, version "
                    + check.get().version());
            return 0;
        }
        out.println("Audit chain of " + id + " is BROKEN: " + brokenLink(check.get().verification()));
        return 1;
    }

    private int incident(String incidentId) {
        VerifyAuditChain.IncidentCheck check;
        try {
            check = verify.get().incident(incidentId);
        } catch (IllegalArgumentException unknown) {
            err.println(unknown.getMessage());
            return 1;
        }
        if (check.intact()) {
            out.println("Audit chains of incident " + incidentId + " are intact: " + check.checked() + " reports checked");
            return 0;
        }
        out.println("Audit chains of incident " + incidentId + ": " + check.broken().size() + " of " + check.checked()
                + " reports BROKEN");
        check.broken().forEach(broken -> out.println("  " + broken.reportId().value() + ": "
                + brokenLink(broken.verification())));
        return 1;
    }

    private static String brokenLink(AuditChain.Verification verification) {
        return "first broken link at entry " + verification.firstBrokenSequence() + " ("
                + verification.problem().code() + "): " + verification.message();
    }
}

package dev.damagedesk.application.staff;

import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.Reporter;
import dev.damagedesk.domain.risk.RiskFlag;
import dev.damagedesk.domain.scoring.Decision;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The export's CSV: UTF-8 with a byte-order mark (Excel reads Korean correctly only with it), RFC 4180 (CRLF,
 * fields quoted when they hold a comma, a quote or a line break, quotes doubled), and every cell that a
 * spreadsheet would take for a formula neutralised with a leading apostrophe (OWASP's CSV-injection advice).
 * The personal-data columns (name, email, phone, account, description) are written only when asked for.
 */
public final class ExportCsv {

    public static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static final List<String> COLUMNS = List.of("reportId", "status", "receivedAt", "incidentId", "service",
            "category", "reporterType", "amountClaimedKrw", "outcome", "ruleId", "policyVersion", "amountKrw",
            "extensionMinutes", "triageReason", "riskFlags", "duplicateOf", "version");
    private static final List<String> PERSONAL_COLUMNS = List.of("name", "email", "phone", "accountRef", "description");

    private ExportCsv() {
    }

    /** The header line, CRLF-terminated. */
    public static String header(boolean includePersonalData) {
        List<String> columns = new ArrayList<>(COLUMNS);
        if (includePersonalData) {
            columns.addAll(PERSONAL_COLUMNS);
        }
        return line(columns);
    }

    public static String row(StoredReport stored, boolean includePersonalData) {
        Report report = stored.report();
        Decision decision = report.decision();
        List<String> cells = new ArrayList<>(List.of(
                report.id().value(), report.status().name(), report.receivedAt().toString(), report.incidentId(),
                report.submission().service(), report.submission().category().code(),
                report.submission().reporterType().name(),
                text(report.submission().amountClaimedKrw()),
                decision == null ? "" : decision.outcome().name(),
                decision == null ? "" : decision.ruleId(),
                decision == null ? "" : decision.policyVersion(),
                decision == null ? "" : Long.toString(decision.amountKrw()),
                decision == null ? "" : Long.toString(decision.extensionMinutes()),
                report.triageReason() == null ? "" : report.triageReason().code(),
                report.riskFlags().stream().map(RiskFlag::code).sorted().collect(Collectors.joining(" ")),
                report.duplicateOf() == null ? "" : report.duplicateOf().value(),
                Long.toString(stored.version())));
        if (includePersonalData) {
            Reporter reporter = report.submission().reporter();
            cells.addAll(List.of(reporter.name(), reporter.email(), text(reporter.phone()), text(reporter.accountRef()),
                    report.submission().description()));
        }
        return line(cells);
    }

    /** One cell: neutralised, then quoted as RFC 4180 requires. */
    public static String cell(String value) {
        String safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String line(List<String> cells) {
        return cells.stream().map(ExportCsv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}

package dev.damagedesk.adapters.repository;

import static dev.damagedesk.adapters.repository.Attributes.number;
import static dev.damagedesk.adapters.repository.Attributes.string;

import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.audit.AuditChain;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.audit.AuditState;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.scoring.Outcome;
import dev.damagedesk.domain.staff.Actor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Report items written before audit entries existed: they carry no {@code lastAudit}, a {@code version} of 1 (or
 * none) and maybe a {@code history} list of re-scorings and flags. Their history becomes audit entries, always the
 * same ones for the same item (so converting twice, or after a crash half-way, appends nothing new):
 *
 * <ol>
 *   <li>{@code SCORED} by the processor, at the receipt time (the scoring time was not kept), with the state the
 *       first history line started from (or the report's state when it has no history);</li>
 *   <li>one {@code RESCORED} or {@code FLAGGED} entry by the re-scoring function per history line, at its time,
 *       with its statuses and decisions before and after (a flag keeps the state; the new policy's award is in
 *       the detail).</li>
 * </ol>
 *
 * The report becomes version {@code 1 + history lines}, carrying the last entry; the last flag's policy version is
 * kept as {@code flaggedUnderPolicy} so that re-scoring under it again changes nothing.
 */
final class LegacyReports {

    static final String MIGRATED = "migrated from the report's history list";
    private static final Actor PROCESSOR = Actor.function("ProcessorFunction");
    private static final Actor RESCORER = Actor.function("RescoreFunction");

    /** A legacy item as the report it becomes and the audit entries it holds, oldest first. */
    record Converted(StoredReport stored, List<AuditEntry> entries) {
    }

    private LegacyReports() {
    }

    static Converted convert(Map<String, AttributeValue> item) {
        Report read = ReportItems.fromItem(item);
        String duplicateOf = read.duplicateOf() == null ? null : read.duplicateOf().value();
        List<Map<String, AttributeValue>> history = item.get("history") == null ? List.of()
                : item.get("history").l().stream().map(AttributeValue::m).toList();

        AuditState scored = history.isEmpty() ? AuditState.of(read)
                : state(history.get(0), "before", "statusBefore", duplicateOf);
        List<AuditEntry> entries = new ArrayList<>();
        entries.add(AuditChain.first(read.id(), read.receivedAt(), PROCESSOR, AuditAction.SCORED, scored, null,
                MIGRATED));
        String lastFlag = read.flaggedUnderPolicy();
        for (Map<String, AttributeValue> line : history) {
            AuditState before = state(line, "before", "statusBefore", duplicateOf);
            boolean flagged = "FLAGGED".equals(string(line, "kind"));
            String toVersion = string(line, "toPolicyVersion");
            AuditState after = flagged ? before : state(line, "after", "statusAfter", duplicateOf);
            String detail = flagged
                    ? "policy " + toVersion + " would decide " + award(line.get("after").m()) + "; " + MIGRATED
                    : "policy " + toVersion + "; " + MIGRATED;
            entries.add(AuditChain.next(entries.get(entries.size() - 1), Instant.parse(string(line, "at")), RESCORER,
                    flagged ? AuditAction.FLAGGED : AuditAction.RESCORED, before, after, null, detail));
            if (flagged) {
                lastFlag = toVersion;
            }
        }
        Report report = new Report(read.id(), read.incidentId(), read.submission(), read.receivedAt(), read.status(),
                read.decision(), read.tokenHash(), read.triageReason(), read.riskFlags(), read.duplicateOf(),
                read.documentsDueBy(), lastFlag);
        AuditEntry last = entries.get(entries.size() - 1);
        return new Converted(new StoredReport(report, last.sequence(), last), List.copyOf(entries));
    }

    private static AuditState state(Map<String, AttributeValue> line, String decision, String status,
                                    String duplicateOf) {
        Map<String, AttributeValue> summary = line.get(decision).m();
        return new AuditState(ReportStatus.valueOf(string(line, status)), Outcome.valueOf(string(summary, "outcome")),
                string(summary, "ruleId"), string(summary, "policyVersion"), number(summary, "amountKrw"),
                number(summary, "extensionMinutes"), duplicateOf);
    }

    private static String award(Map<String, AttributeValue> summary) {
        return string(summary, "outcome") + " " + number(summary, "amountKrw") + " KRW "
                + number(summary, "extensionMinutes") + " min (" + string(summary, "ruleId") + ")";
    }
}

package dev.damagedesk.application.staff;

import dev.damagedesk.application.memory.InMemoryAuditTrail;
import dev.damagedesk.application.memory.InMemoryContactIndex;
import dev.damagedesk.application.memory.InMemoryReportStore;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.audit.AuditState;
import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.report.Reporter;
import dev.damagedesk.domain.risk.RiskFlag;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.scoring.Outcome;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffRole;
import dev.damagedesk.domain.triage.TriageReason;
import java.time.Instant;
import java.util.Random;
import java.util.Set;

/** Reports in the in-memory store, as the processor would have stored them; shared by the staff use-case tests. */
public final class StaffFixtures {

    public static final String INCIDENT = "2022-10-15";
    public static final Instant T0 = Instant.parse("2022-10-16T00:00:00Z");
    public static final Actor VIEWER = Actor.staff("sub-viewer", "viewer@damagedesk.example", StaffRole.VIEWER);
    public static final Actor REVIEWER = Actor.staff("sub-reviewer", "reviewer@damagedesk.example", StaffRole.REVIEWER);
    public static final Actor SUPERVISOR = Actor.staff("sub-supervisor", "supervisor@damagedesk.example", StaffRole.SUPERVISOR);
    public static final Actor PROCESSOR = Actor.function("ProcessorFunction");

    public final InMemoryReportStore store = new InMemoryReportStore();
    public final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    public final InMemoryContactIndex contacts = new InMemoryContactIndex(dev.damagedesk.application.testing.UseCaseFixtures.IDENTITY_KEYS);
    private final Random random = new Random(6);
    private int count;

    /** A report in NEEDS_REVIEW, received {@code minutes} after T0, awarding {@code amountKrw}. */
    public StoredReport needsReview(int minutes, long amountKrw) {
        return stored(minutes, ReportStatus.NEEDS_REVIEW, amountKrw, "reporter" + (count + 1) + "@example.com", null,
                "음악 이용권이 재생되지 않았습니다.", null);
    }

    public StoredReport stored(int minutes, ReportStatus status, long amountKrw, String email, String phone,
                               String description, ReportId duplicateOf) {
        count++;
        Instant received = T0.plusSeconds(60L * minutes);
        ReportId id = ReportId.newId(received, random);
        ReportSubmission submission = new ReportSubmission(new Reporter("김민지 " + count, email, phone, null),
                Language.KO, "pay", Category.FAILED_PURCHASE, T0.minusSeconds(3600), T0, amountKrw, description, true);
        Decision decision = new Decision(amountKrw > 100_000 ? Outcome.MANUAL_REVIEW : Outcome.PAYMENT,
                "failed-purchase.refund", INCIDENT + "/v1", amountKrw, 0, "Refund of the purchase.", "구매 금액 환불.");
        Report report = new Report(id, INCIDENT, submission, received, status, decision, "hash",
                duplicateOf != null ? TriageReason.DUPLICATE : TriageReason.MANUAL_REVIEW,
                amountKrw > 100_000 ? Set.of(RiskFlag.OUTLIER_AMOUNT) : Set.of(), duplicateOf, null, null);
        AuditEntry first = new AuditEntry(id, 1, received.plusSeconds(1), PROCESSOR, AuditAction.SCORED, null,
                stateOf(report), null, null, "", "hash-1-" + id.value());
        store.insertIfAbsent(report, first, received.plusSeconds(86_400L * 1095));
        contacts.add(report);
        return store.find(id).orElseThrow();
    }

    public static AuditState stateOf(Report report) {
        Decision decision = report.decision();
        return new AuditState(report.status(), decision == null ? null : decision.outcome(),
                decision == null ? null : decision.ruleId(), decision == null ? null : decision.policyVersion(),
                decision == null ? 0 : decision.amountKrw(), decision == null ? 0 : decision.extensionMinutes(),
                report.duplicateOf() == null ? null : report.duplicateOf().value());
    }
}

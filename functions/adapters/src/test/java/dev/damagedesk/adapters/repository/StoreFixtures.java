package dev.damagedesk.adapters.repository;

import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.audit.AuditChain;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.audit.AuditState;
import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.report.Reporter;
import dev.damagedesk.domain.report.ReporterType;
import dev.damagedesk.domain.risk.RiskFlag;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.scoring.Outcome;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.triage.TriageReason;
import dev.damagedesk.domain.triage.TriageResult;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Set;

/** Reports with ids of their own per test run: the emulators are shared by every test of the JVM. */
final class StoreFixtures {

    static final Actor PROCESSOR = Actor.function("ProcessorFunction");
    private static final SecureRandom RANDOM = new SecureRandom();

    private StoreFixtures() {
    }

    static ReportSubmission submission(String service, Category category, Long amountKrw, ReporterType type) {
        return new ReportSubmission(new Reporter("Park Seoyeon", "seoyeon@example.co.kr", "010-9876-5432", null),
                Language.KO, service, category, Instant.parse("2022-10-15T06:30:00Z"),
                Instant.parse("2022-10-16T06:00:00Z"), amountKrw, "No fares all day.", true, type);
    }

    /** A report triaged to {@code status} in {@code incidentId}, received at {@code receivedAt}. */
    static Report triaged(String incidentId, Instant receivedAt, ReportSubmission submission, ReportStatus status,
                          TriageReason reason, Set<RiskFlag> flags) {
        Decision decision = new Decision(Outcome.MANUAL_REVIEW, "business-loss.manual-review", incidentId + "/v1",
                0, 0, "Reviewed.", "검토합니다.");
        return Report.received(ReportId.newId(receivedAt, RANDOM), incidentId, submission, receivedAt, "hash")
                .triaged(new TriageResult(status, reason, decision, flags, null));
    }

    static AuditEntry scored(Report report) {
        return AuditChain.first(report.id(), report.receivedAt(), PROCESSOR, AuditAction.SCORED,
                AuditState.of(report), null, null);
    }

    /** An incident id no other test uses, so that queue filters see only this test's reports. */
    static String uniqueIncident() {
        return "test-" + Long.toHexString(RANDOM.nextLong());
    }
}

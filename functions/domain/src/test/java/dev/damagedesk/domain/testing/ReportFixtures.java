package dev.damagedesk.domain.testing;

import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.incident.ServiceOutage;
import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.report.Reporter;
import dev.damagedesk.domain.scoring.CompensationPolicy;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.scoring.Outcome;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/** Small reports, incidents and policies for the triage, risk and re-scoring tests. */
public final class ReportFixtures {

    public static final String INCIDENT_ID = "2022-10-15";
    /** Identity keys under a fixed test secret (never a deployed one). */
    public static final dev.damagedesk.domain.risk.IdentityKeys IDENTITY_KEYS = dev.damagedesk.domain.risk.IdentityKeys
            .fromSecret("test-only identity key secret of the domain tests".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    /** music was down from 15:30 on 15 October to 15:00 on 16 October (KST): 23 h 30 min. */
    public static final Instant MUSIC_DOWN = Instant.parse("2022-10-15T06:30:00Z");
    public static final Instant MUSIC_RESTORED = Instant.parse("2022-10-16T06:00:00Z");
    public static final Instant RECEIVED_AT = Instant.parse("2022-10-19T01:00:00Z");
    public static final Incident INCIDENT = new Incident(INCIDENT_ID, "data-centre fire", List.of(
            new ServiceOutage("music", null, MUSIC_DOWN, MUSIC_RESTORED, true),
            new ServiceOutage("taxi", "ride hailing", MUSIC_DOWN, MUSIC_RESTORED, true)));

    private ReportFixtures() {
    }

    public static ReportSubmission submission(String service, Category category, Long amountKrw, Reporter reporter) {
        return new ReportSubmission(reporter, Language.KO, service, category, MUSIC_DOWN, MUSIC_RESTORED, amountKrw,
                "The service did not work.", true);
    }

    public static ReportSubmission music() {
        return submission("music", Category.PAID_SUBSCRIPTION, 10_900L, minji());
    }

    public static Reporter minji() {
        return new Reporter("Kim Minji", "minji@example.com", "010-1234-5678", null);
    }

    public static ReportId id(int n) {
        return ReportId.newId(RECEIVED_AT, new Random(n));
    }

    public static Report received(ReportId id, ReportSubmission submission) {
        return Report.received(id, INCIDENT_ID, submission, RECEIVED_AT, "hash");
    }

    public static Decision decision(Outcome outcome, String ruleId, String version, long amountKrw, long extensionMinutes) {
        return new Decision(outcome, ruleId, version, amountKrw, extensionMinutes, "Explained.", "설명.");
    }

    public static Decision extension(String version, long minutes) {
        return decision(Outcome.EXTENSION, "paid-subscription.extension-3x", version, 0, minutes);
    }

    public static Decision payment(String version, long amountKrw) {
        return decision(Outcome.PAYMENT, "business-loss.band-300k", version, amountKrw, 0);
    }

    public static Decision manualReview(String version) {
        return decision(Outcome.MANUAL_REVIEW, "free-service.proof-required", version, 0, 0);
    }

    /** A manual review that waits for documents, as the policy marks one. */
    public static Decision documentsReview(String version) {
        return new Decision(Outcome.MANUAL_REVIEW, "business-loss.manual-review", version, 0, 0, "Send documents.",
                "서류를 보내 주세요.", 0, false, 0, true);
    }

    /** A policy that answers whatever the function says, under a version. */
    public static CompensationPolicy policy(String version, BiFunction<ReportSubmission, String, Decision> scoring) {
        return new CompensationPolicy() {
            @Override
            public String version() {
                return version;
            }

            @Override
            public Decision score(ReportSubmission submission, Incident incident) {
                return scoring.apply(submission, version);
            }
        };
    }

    /** A policy that decides every report the same way. */
    public static CompensationPolicy fixedPolicy(String version, BiFunction<String, ReportSubmission, Decision> decision) {
        return policy(version, (submission, v) -> decision.apply(v, submission));
    }
}

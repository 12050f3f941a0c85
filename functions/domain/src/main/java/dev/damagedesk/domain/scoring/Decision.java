package dev.damagedesk.domain.scoring;

import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.ReportStatus;

import java.util.Objects;

/**
 * The result of scoring one report, with the rule and policy version that produced it so that a
 * decision can be explained and re-checked later.
 *
 * @param amountKrw        money paid; 0 unless {@link Outcome#PAYMENT}
 * @param extensionMinutes subscription extension; 0 unless {@link Outcome#EXTENSION}
 */
public record Decision(
        Outcome outcome,
        String ruleId,
        String policyVersion,
        long amountKrw,
        long extensionMinutes,
        String explanationEn,
        String explanationKo) {

    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(policyVersion, "policyVersion");
        Objects.requireNonNull(explanationEn, "explanationEn");
        Objects.requireNonNull(explanationKo, "explanationKo");
        if (amountKrw < 0 || extensionMinutes < 0) {
            throw new IllegalArgumentException("amount and extension must not be negative");
        }
    }

    public String explanation(Language language) {
        return language == Language.KO ? explanationKo : explanationEn;
    }

    public ReportStatus resultingStatus() {
        return outcome == Outcome.MANUAL_REVIEW ? ReportStatus.NEEDS_REVIEW : ReportStatus.SCORED;
    }
}

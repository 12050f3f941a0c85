package dev.damagedesk.domain.scoring;

import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.ReportStatus;

import java.time.Duration;
import java.util.Objects;

/**
 * The result of scoring one report, with the rule and policy version that produced it so that a
 * decision can be explained and re-checked later.
 *
 * @param policyVersion          the policy that decided, {@code <incidentId>/v<version>}
 * @param amountKrw              money paid; 0 unless {@link Outcome#PAYMENT}
 * @param extensionMinutes       subscription extension; 0 unless {@link Outcome#EXTENSION}
 * @param eligibleOutageMinutes  how much of the reported period the service was down by the incident's ledger
 *                               (the overlap of the two); 0 when they do not overlap or the rule does not use it
 * @param cancellationRight      the outage was long enough for the reporter to cancel the subscription with a refund
 * @param extensionValueKrw      what the extension is worth at the reporter's fee (fee x extension / billing
 *                               period); 0 when no extension or no fee was given
 * @param documentsRequired      the reporter will be asked for documents (sales figures, receipts) before a decision
 */
public record Decision(
        Outcome outcome,
        String ruleId,
        String policyVersion,
        long amountKrw,
        long extensionMinutes,
        String explanationEn,
        String explanationKo,
        long eligibleOutageMinutes,
        boolean cancellationRight,
        long extensionValueKrw,
        boolean documentsRequired) {

    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(policyVersion, "policyVersion");
        Objects.requireNonNull(explanationEn, "explanationEn");
        Objects.requireNonNull(explanationKo, "explanationKo");
        if (amountKrw < 0 || extensionMinutes < 0 || eligibleOutageMinutes < 0 || extensionValueKrw < 0) {
            throw new IllegalArgumentException("amounts and durations must not be negative");
        }
    }

    /** A decision that needs no outage, cancellation or document details (as stored before they existed). */
    public Decision(Outcome outcome, String ruleId, String policyVersion, long amountKrw, long extensionMinutes,
                    String explanationEn, String explanationKo) {
        this(outcome, ruleId, policyVersion, amountKrw, extensionMinutes, explanationEn, explanationKo,
                0, false, 0, false);
    }

    public Duration eligibleOutage() {
        return Duration.ofMinutes(eligibleOutageMinutes);
    }

    public String explanation(Language language) {
        return language == Language.KO ? explanationKo : explanationEn;
    }

    public ReportStatus resultingStatus() {
        return outcome == Outcome.MANUAL_REVIEW ? ReportStatus.NEEDS_REVIEW : ReportStatus.SCORED;
    }
}

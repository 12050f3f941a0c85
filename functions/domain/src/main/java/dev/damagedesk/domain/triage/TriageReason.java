package dev.damagedesk.domain.triage;

import java.util.Optional;

/** Why {@link Triage} sent a report where it did; stored with the report and shown to staff. */
public enum TriageReason {
    /** The policy decided and nothing called for a person. */
    AUTO_APPROVED("auto-approved"),
    /** The policy's decision is a manual review. */
    MANUAL_REVIEW("manual-review"),
    /** The policy's decision is a manual review that needs the reporter's documents first. */
    DOCUMENTS_REQUIRED("documents-required"),
    /** At least one risk flag was raised. */
    RISK_FLAGGED("risk-flagged"),
    /** The reporter's identity already reported this service in this incident. */
    DUPLICATE("duplicate"),
    /** Would have been auto-approved; drawn into the audit sample. */
    AUDIT_SAMPLE("audit-sample");

    private final String code;

    TriageReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<TriageReason> fromCode(String code) {
        for (TriageReason reason : values()) {
            if (reason.code.equals(code)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}

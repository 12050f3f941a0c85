package dev.damagedesk.domain.report;

import java.time.Instant;
import java.util.Objects;

/**
 * A damage report as the reporter submitted it, after validation and normalisation.
 *
 * @param amountClaimedKrw optional; required by {@link Category#requiresAmount()}
 * @param reporterType     individual unless the reporter says otherwise; a business for {@link Category#BUSINESS_LOSS}
 */
public record ReportSubmission(
        Reporter reporter,
        Language language,
        String service,
        Category category,
        Instant occurredFrom,
        Instant occurredTo,
        Long amountClaimedKrw,
        String description,
        boolean privacyConsent,
        ReporterType reporterType) {

    public ReportSubmission {
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(occurredFrom, "occurredFrom");
        Objects.requireNonNull(occurredTo, "occurredTo");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(reporterType, "reporterType");
    }

    /**
     * This submission without its personal data: the reporter {@link Reporter#erased()} and the description (free
     * text, which reporters fill with names, numbers and account details) {@link Reporter#ERASED}. What the report
     * is scored on and counted by stays: language, service, category, window, amount claimed, consent, reporter
     * type.
     */
    public ReportSubmission withoutPersonalData() {
        return new ReportSubmission(Reporter.erased(), language, service, category, occurredFrom, occurredTo,
                amountClaimedKrw, Reporter.ERASED, privacyConsent, reporterType);
    }

    /** A submission that states no reporter type: {@link ReporterType#assumedFor(Category)}. */
    public ReportSubmission(Reporter reporter, Language language, String service, Category category,
                            Instant occurredFrom, Instant occurredTo, Long amountClaimedKrw, String description,
                            boolean privacyConsent) {
        this(reporter, language, service, category, occurredFrom, occurredTo, amountClaimedKrw, description,
                privacyConsent, ReporterType.assumedFor(category));
    }
}

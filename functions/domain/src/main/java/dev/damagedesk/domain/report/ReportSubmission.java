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

    /** A submission that states no reporter type: {@link ReporterType#assumedFor(Category)}. */
    public ReportSubmission(Reporter reporter, Language language, String service, Category category,
                            Instant occurredFrom, Instant occurredTo, Long amountClaimedKrw, String description,
                            boolean privacyConsent) {
        this(reporter, language, service, category, occurredFrom, occurredTo, amountClaimedKrw, description,
                privacyConsent, ReporterType.assumedFor(category));
    }
}

package dev.damagedesk.domain.report;

import java.time.Instant;
import java.util.Objects;

/**
 * A damage report as the reporter submitted it, after validation and normalisation.
 *
 * @param amountClaimedKrw optional; required by {@link Category#requiresAmount()}
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
        boolean privacyConsent) {

    public ReportSubmission {
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(occurredFrom, "occurredFrom");
        Objects.requireNonNull(occurredTo, "occurredTo");
        Objects.requireNonNull(description, "description");
    }
}

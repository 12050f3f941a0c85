package dev.damagedesk.domain.validation;

import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.report.Reporter;
import dev.damagedesk.domain.report.ReporterType;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The canonical JSON shape of a submission, the same shape {@link SubmissionParser} reads, so that
 * a stored or queued submission parses back to an equal one.
 */
public final class SubmissionFormat {

    private SubmissionFormat() {
    }

    /**
     * Keys in API order; instants as UTC ISO-8601; absent optional fields left out, and so is
     * {@code reporterType} when it is the default, individual.
     */
    public static Map<String, Object> toMap(ReportSubmission submission) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("reporter", reporterMap(submission.reporter()));
        map.put("locale", submission.language().code());
        map.put("service", submission.service());
        map.put("category", submission.category().code());
        if (submission.reporterType() != ReporterType.INDIVIDUAL) {
            map.put("reporterType", submission.reporterType().code());
        }
        map.put("occurredFrom", submission.occurredFrom().toString());
        map.put("occurredTo", submission.occurredTo().toString());
        putIfPresent(map, "amountClaimedKrw", submission.amountClaimedKrw());
        map.put("description", submission.description());
        map.put("privacyConsent", submission.privacyConsent());
        return Collections.unmodifiableMap(map);
    }

    private static Map<String, Object> reporterMap(Reporter reporter) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", reporter.name());
        map.put("email", reporter.email());
        putIfPresent(map, "phone", reporter.phone());
        putIfPresent(map, "accountRef", reporter.accountRef());
        return Collections.unmodifiableMap(map);
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}

package dev.damagedesk.domain.triage;

import dev.damagedesk.domain.report.ReportId;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Which auto-approved reports a person checks anyway. The choice is a pure function of the report id and the seed:
 * the first 53 bits of {@code SHA-256(seed + ":" + reportId)} read as a fraction in [0, 1), selected when below
 * {@code rate}. So a redelivered message, a re-scoring or a replay samples exactly the same reports, while ids
 * (whose last 80 bits are random) are drawn at the rate; another seed draws another sample.
 *
 * @param rate share of reports selected, from 0 (none) to 1 (all)
 * @param seed changes the sample without changing the rate, e.g. per incident
 */
public record AuditSample(double rate, String seed) {

    public static final double DEFAULT_RATE = 0.05;
    public static final String DEFAULT_SEED = "damagedesk-audit/v1";

    private static final double TWO_TO_THE_MINUS_53 = 0x1.0p-53;

    public AuditSample {
        Objects.requireNonNull(seed, "seed");
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("the audit rate must be between 0 and 1: " + rate);
        }
    }

    /** 5% with the default seed. */
    public static AuditSample withDefaults() {
        return new AuditSample(DEFAULT_RATE, DEFAULT_SEED);
    }

    /** Selects nothing. */
    public static AuditSample none() {
        return new AuditSample(0, DEFAULT_SEED);
    }

    public boolean selects(ReportId reportId) {
        Objects.requireNonNull(reportId, "reportId");
        return fraction(reportId) < rate;
    }

    /** Where the id falls in [0, 1) for this seed. */
    double fraction(ReportId reportId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((seed + ":" + reportId.value()).getBytes(StandardCharsets.UTF_8));
            return (ByteBuffer.wrap(hash).getLong() >>> 11) * TWO_TO_THE_MINUS_53;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

package dev.damagedesk.domain.policy;

import dev.damagedesk.domain.validation.SubmissionParser;

/** The ranges a policy document's numbers must fall in; the JSON Schema (docs/policy.schema.json) states the same. */
final class Limits {

    record Range(long min, long max) {
        boolean contains(long value) {
            return value >= min && value <= max;
        }
    }

    static final Range VERSION = new Range(1, 999_999);
    static final Range THRESHOLD_HOURS = new Range(0, 8_784);
    static final Range MULTIPLIER = new Range(1, 100);
    static final Range BILLING_PERIOD_DAYS = new Range(1, 366);
    static final Range CONSECUTIVE_DAYS = new Range(1, 366);
    static final Range HOURS_IN_MONTH = new Range(1, 744);
    static final Range KRW = new Range(0, SubmissionParser.MAX_AMOUNT_KRW);
    static final Range BAND_LOSS_KRW = new Range(1, SubmissionParser.MAX_AMOUNT_KRW);
    static final int MAX_BANDS = 20;
    static final int MAX_DESCRIPTION_LENGTH = 2_000;
    static final String INCIDENT_ID_PATTERN = "[A-Za-z0-9-]{1,64}";

    private Limits() {
    }

    static void check(String name, long value, Range range) {
        if (!range.contains(value)) {
            throw new IllegalArgumentException(name + " must be from " + range.min() + " to " + range.max() + ", got " + value);
        }
    }
}

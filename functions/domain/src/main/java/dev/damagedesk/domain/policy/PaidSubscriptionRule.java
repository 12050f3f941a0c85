package dev.damagedesk.domain.policy;

import java.time.Duration;

/**
 * What a paid subscription is owed (the digital-content guideline): an extension of
 * {@code extensionMultiplier} times the outage once it reaches {@code extensionThresholdHours} without
 * notice; the right to cancel with a refund after {@code cancellationConsecutiveDays} days in a row or
 * more than {@code cancellationHoursInMonth} hours in a month; the extension's worth in money at the
 * reporter's fee for a billing period of {@code billingPeriodDays}.
 */
public record PaidSubscriptionRule(
        int extensionThresholdHours,
        int extensionMultiplier,
        int billingPeriodDays,
        int cancellationConsecutiveDays,
        int cancellationHoursInMonth) {

    public PaidSubscriptionRule {
        Limits.check("extensionThresholdHours", extensionThresholdHours, Limits.THRESHOLD_HOURS);
        Limits.check("extensionMultiplier", extensionMultiplier, Limits.MULTIPLIER);
        Limits.check("billingPeriodDays", billingPeriodDays, Limits.BILLING_PERIOD_DAYS);
        Limits.check("cancellationConsecutiveDays", cancellationConsecutiveDays, Limits.CONSECUTIVE_DAYS);
        Limits.check("cancellationHoursInMonth", cancellationHoursInMonth, Limits.HOURS_IN_MONTH);
    }

    public Duration extensionThreshold() {
        return Duration.ofHours(extensionThresholdHours);
    }

    public Duration billingPeriod() {
        return Duration.ofDays(billingPeriodDays);
    }

    /**
     * Whether an outage of this length lets the reporter cancel with a refund. One incident's outage is
     * one stretch, so it counts both as consecutive days and as hours in a month; an outage that spans
     * the end of a month counts whole in that month, in the reporter's favour.
     */
    public boolean cancellationRight(Duration outage) {
        return outage.compareTo(Duration.ofDays(cancellationConsecutiveDays)) >= 0
                || outage.compareTo(Duration.ofHours(cancellationHoursInMonth)) > 0;
    }
}

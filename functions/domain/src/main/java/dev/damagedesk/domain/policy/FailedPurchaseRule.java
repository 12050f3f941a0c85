package dev.damagedesk.domain.policy;

/**
 * A pay-per-use or in-app purchase that was charged but failed is refunded in full, up to
 * {@code autoRefundUpToKrw}; above that a person checks the payment record first.
 */
public record FailedPurchaseRule(long autoRefundUpToKrw) {

    public FailedPurchaseRule {
        Limits.check("autoRefundUpToKrw", autoRefundUpToKrw, Limits.KRW);
    }
}

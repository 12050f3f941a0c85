package dev.damagedesk.domain.report;

import java.util.Optional;

/** What kind of damage a reporter claims; decides which compensation rule applies. */
public enum Category {
    PAID_SUBSCRIPTION("paid-subscription"),
    /** A pay-per-use or in-app purchase that was charged but failed during the outage. */
    FAILED_PURCHASE("failed-purchase"),
    FREE_SERVICE_MONEY_LOST("free-service-money-lost"),
    BUSINESS_LOSS("business-loss"),
    NO_MONETARY_DAMAGE("no-monetary-damage");

    private final String code;

    Category(String code) {
        this.code = code;
    }

    /** The code used in the API, e.g. {@code "business-loss"}. */
    public String code() {
        return code;
    }

    public static Optional<Category> fromCode(String code) {
        for (Category category : values()) {
            if (category.code.equals(code)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }

    /** Whether a claimed amount is needed to score the report at all. */
    public boolean requiresAmount() {
        return this == FAILED_PURCHASE || this == FREE_SERVICE_MONEY_LOST || this == BUSINESS_LOSS;
    }
}

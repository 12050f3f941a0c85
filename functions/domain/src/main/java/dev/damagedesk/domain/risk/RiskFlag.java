package dev.damagedesk.domain.risk;

import java.util.Optional;

/** Something about a report that a person should look at. A flag routes to review; it never rejects on its own. */
public enum RiskFlag {
    /** The claimed amount is above the threshold of the report's category. */
    OUTLIER_AMOUNT("outlier-amount"),
    /** More reports in this incident come from the reporter's identity than the limit. */
    MANY_REPORTS_FROM_CONTACT("many-reports-from-contact"),
    /** The reported window misses the service's outage in the ledger, or claims more time than the outage lasted. */
    WINDOW_CONTRADICTS_LEDGER("window-contradicts-ledger");

    private final String code;

    RiskFlag(String code) {
        this.code = code;
    }

    /** The code stored with the report and shown to staff, e.g. {@code "outlier-amount"}. */
    public String code() {
        return code;
    }

    public static Optional<RiskFlag> fromCode(String code) {
        for (RiskFlag flag : values()) {
            if (flag.code.equals(code)) {
                return Optional.of(flag);
            }
        }
        return Optional.empty();
    }
}

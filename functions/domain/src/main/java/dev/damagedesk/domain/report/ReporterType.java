package dev.damagedesk.domain.report;

import java.util.Optional;

/** Who the reporter is, which decides how a business loss is compensated. */
public enum ReporterType {
    INDIVIDUAL("individual"),
    SMALL_BUSINESS("small-business"),
    MID_LARGE_BUSINESS("mid-large-business");

    private final String code;

    ReporterType(String code) {
        this.code = code;
    }

    /** The code used in the API, e.g. {@code "small-business"}. */
    public String code() {
        return code;
    }

    public static Optional<ReporterType> fromCode(String code) {
        for (ReporterType type : values()) {
            if (type.code.equals(code)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public boolean isBusiness() {
        return this != INDIVIDUAL;
    }

    /**
     * The type of a report that does not state one (stored or built before the field existed): an
     * individual, except for a business loss, which the first policy paid as a small business's.
     */
    public static ReporterType assumedFor(Category category) {
        return category == Category.BUSINESS_LOSS ? SMALL_BUSINESS : INDIVIDUAL;
    }
}

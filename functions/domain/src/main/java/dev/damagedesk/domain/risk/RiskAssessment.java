package dev.damagedesk.domain.risk;

import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.incident.OutageWindow;
import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.ReportSubmission;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Raises the {@link RiskFlag}s of one report. Pure: the same report, incident, parameters and count give the
 * same flags, so a redelivered message is flagged the same way.
 *
 * <ul>
 *   <li>{@link RiskFlag#OUTLIER_AMOUNT}: the claimed amount is strictly above the threshold of its category;
 *       a category without a threshold is never flagged.</li>
 *   <li>{@link RiskFlag#MANY_REPORTS_FROM_CONTACT}: the caller's count of reports in the incident from the
 *       reporter's identity, this one included, is strictly above {@code maxReportsFromContact}.</li>
 *   <li>{@link RiskFlag#WINDOW_CONTRADICTS_LEDGER}: the reported window does not overlap the service's outage
 *       (windows that only touch at an edge do not overlap), or it is longer than the outage plus
 *       {@code windowTolerance}. A service the ledger does not know is not flagged: the policy already sends it
 *       to review as outside the incident.</li>
 * </ul>
 */
public final class RiskAssessment {

    /** Passed as the count when the caller has not counted the reporter's reports: never flags. */
    public static final int NOT_COUNTED = 0;

    /** Default thresholds, in KRW, far above what each category is usually worth. */
    public static final Map<Category, Long> DEFAULT_OUTLIER_THRESHOLDS_KRW = Collections.unmodifiableMap(new EnumMap<>(Map.of(
            Category.PAID_SUBSCRIPTION, 100_000L,
            Category.FREE_SERVICE_MONEY_LOST, 1_000_000L,
            Category.BUSINESS_LOSS, 10_000_000L)));
    /** One person may well report several services; more than this many reports in one incident is unusual. */
    public static final int DEFAULT_MAX_REPORTS_FROM_CONTACT = 5;
    public static final Duration DEFAULT_WINDOW_TOLERANCE = Duration.ZERO;

    private final Map<Category, Long> outlierThresholdsKrw;
    private final int maxReportsFromContact;
    private final Duration windowTolerance;

    /**
     * @param outlierThresholdsKrw  the highest unflagged claim per category
     * @param maxReportsFromContact the most reports one identity may file in an incident without a flag
     * @param windowTolerance       how much longer than the outage a reported window may be without a flag
     */
    public RiskAssessment(Map<Category, Long> outlierThresholdsKrw, int maxReportsFromContact, Duration windowTolerance) {
        Objects.requireNonNull(outlierThresholdsKrw, "outlierThresholdsKrw");
        Objects.requireNonNull(windowTolerance, "windowTolerance");
        outlierThresholdsKrw.forEach((category, threshold) -> {
            if (Objects.requireNonNull(threshold, "threshold of " + category) < 0) {
                throw new IllegalArgumentException("the threshold of " + category + " must not be negative: " + threshold);
            }
        });
        if (maxReportsFromContact < 1) {
            throw new IllegalArgumentException("maxReportsFromContact must be at least 1: " + maxReportsFromContact);
        }
        if (windowTolerance.isNegative()) {
            throw new IllegalArgumentException("windowTolerance must not be negative: " + windowTolerance);
        }
        this.outlierThresholdsKrw = outlierThresholdsKrw.isEmpty()
                ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(outlierThresholdsKrw));
        this.maxReportsFromContact = maxReportsFromContact;
        this.windowTolerance = windowTolerance;
    }

    /** With {@link #DEFAULT_OUTLIER_THRESHOLDS_KRW}, {@link #DEFAULT_MAX_REPORTS_FROM_CONTACT} and no window tolerance. */
    public static RiskAssessment withDefaults() {
        return new RiskAssessment(DEFAULT_OUTLIER_THRESHOLDS_KRW, DEFAULT_MAX_REPORTS_FROM_CONTACT, DEFAULT_WINDOW_TOLERANCE);
    }

    /**
     * @param reportsFromContact reports in this incident from the reporter's identity, this one included;
     *                           {@link #NOT_COUNTED} when unknown
     * @return the flags raised, in declaration order; empty when none
     */
    public Set<RiskFlag> assess(ReportSubmission submission, Incident incident, int reportsFromContact) {
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(incident, "incident");
        if (reportsFromContact < 0) {
            throw new IllegalArgumentException("reportsFromContact must not be negative: " + reportsFromContact);
        }
        Set<RiskFlag> flags = EnumSet.noneOf(RiskFlag.class);
        if (isOutlier(submission)) {
            flags.add(RiskFlag.OUTLIER_AMOUNT);
        }
        if (reportsFromContact > maxReportsFromContact) {
            flags.add(RiskFlag.MANY_REPORTS_FROM_CONTACT);
        }
        if (contradictsLedger(submission, incident.outageFor(submission.service()))) {
            flags.add(RiskFlag.WINDOW_CONTRADICTS_LEDGER);
        }
        return Collections.unmodifiableSet(flags);
    }

    private boolean isOutlier(ReportSubmission submission) {
        Long threshold = outlierThresholdsKrw.get(submission.category());
        return threshold != null && submission.amountClaimedKrw() != null && submission.amountClaimedKrw() > threshold;
    }

    private boolean contradictsLedger(ReportSubmission submission, Optional<OutageWindow> outage) {
        if (outage.isEmpty()) {
            return false;
        }
        Instant from = submission.occurredFrom();
        Instant to = submission.occurredTo();
        OutageWindow window = outage.get();
        boolean overlaps = from.isBefore(window.end()) && to.isAfter(window.start());
        Duration claimed = Duration.between(from, to);
        return !overlaps || claimed.compareTo(window.duration().plus(windowTolerance)) > 0;
    }
}

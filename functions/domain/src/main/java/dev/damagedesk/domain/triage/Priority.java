package dev.damagedesk.domain.triage;

import dev.damagedesk.domain.report.Report;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The order in which staff take reports up: higher first. An integer from 0 to 130, the sum of three parts:
 *
 * <pre>
 * money = min(50, round(10 × log10(1 + claimed KRW / 1,000)))    0 without a claimed amount
 * type  = 20 for a business reporter (small, mid or large), 0 for an individual
 * age   = min(60, 2 × whole days since receipt)
 * </pre>
 *
 * Money counts on a log scale, so that a claim ten times larger gains 10 points, not ten times the priority
 * (10,000 KRW → 10, 300,000 → 25, 1,000,000 → 30, 100,000,000 → 50). A business loses income every day it is not
 * paid, hence the 20 points. Age can outweigh money (60 points against 50): a report waiting 30 days rises above
 * almost every new one, so nothing waits forever. Equal scores are taken oldest first (the triage queue's sort key).
 */
public final class Priority {

    public static final int MAX_MONEY_POINTS = 50;
    public static final int BUSINESS_POINTS = 20;
    public static final int POINTS_PER_DAY = 2;
    public static final int MAX_AGE_POINTS = 60;

    private Priority() {
    }

    /**
     * @param amountClaimedKrw null when the report claims no amount
     * @param age              time since the report was received; negative counts as zero
     */
    public static int score(Long amountClaimedKrw, boolean business, Duration age) {
        Objects.requireNonNull(age, "age");
        int money = 0;
        if (amountClaimedKrw != null && amountClaimedKrw > 0) {
            money = (int) Math.min(MAX_MONEY_POINTS, Math.round(10 * Math.log10(1 + amountClaimedKrw / 1_000.0)));
        }
        int type = business ? BUSINESS_POINTS : 0;
        long days = age.isNegative() ? 0 : age.toDays();
        int ageing = (int) Math.min(MAX_AGE_POINTS, POINTS_PER_DAY * days);
        return money + type + ageing;
    }

    /** A report's priority at {@code now}. */
    public static int of(Report report, Instant now) {
        return score(report.submission().amountClaimedKrw(),
                report.submission().reporterType().isBusiness(),
                Duration.between(report.receivedAt(), now));
    }

    /** The part of the priority that does not change with time: money and reporter type (0 to 70). */
    public static int fixedPoints(Report report) {
        return score(report.submission().amountClaimedKrw(), report.submission().reporterType().isBusiness(),
                Duration.ZERO);
    }

    /**
     * The key the staff queue serves "priority" order by, earliest first: the receipt time moved back 12 hours per
     * fixed point (age earns {@link #POINTS_PER_DAY} points a day, so one point is worth 12 hours of waiting).
     * A stored report keeps its key, so a table index can serve the order without rescoring anything as time
     * passes. It is the order of {@code fixedPoints + 2 × age in days} measured continuously; {@link #of} rounds
     * age down to whole days and stops it at 30 days, so two reports less than one day apart in key, or reports
     * waiting longer than 30 days, may come in an order {@link #of} would tie or swap (docs/data-model.md).
     */
    public static Instant queueKey(Report report) {
        return report.receivedAt().minus(Duration.ofHours(12L * fixedPoints(report)));
    }
}

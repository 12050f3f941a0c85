package dev.damagedesk.replay;

import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.ReporterType;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a population of reports looks like: the shares {@link PopulationGenerator} draws from. {@link #of2022()}
 * holds the 2022 channel's published figures ({@code ../shared/data/outage-2022-10-15.json}, {@code reportChannel})
 * and, where the operator published nothing, assumptions stated next to each number.
 *
 * <p>How the shares combine, per report:
 * <ol>
 *   <li>the reporter's type is drawn once per reporter: individual, small business, mid or large business;</li>
 *   <li>the kind of damage is drawn from the three published shares (no monetary damage, paid-service damage,
 *       free service with money lost), whatever the reporter's type;</li>
 *   <li>paid-service damage is split into paid subscriptions and failed purchases ({@link #paidSubscriptionShareOfPaid});</li>
 *   <li>money lost by a business is a business loss: a small business files it as one with probability
 *       {@link #smallBusinessLossShare}, a mid or large business always. So business losses are carved out of the
 *       money-lost share (about 15.1% x (10.2% x 0.7 + 0.2%) = 1.1% of all reports) and the three published shares
 *       still hold: free service with money lost + business loss = 15.1%.</li>
 * </ol>
 *
 * @param categoryShares               no monetary damage, paid-service damage, money lost: shares summing to 1
 * @param paidSubscriptionShareOfPaid  of paid-service damage, the share about a subscription (the rest: failed purchases)
 * @param reporterTypeShares           per reporter, summing to 1
 * @param smallBusinessLossShare       of a small business's money-lost reports, the share filed as a business loss
 * @param firstDaysShare               share of the reports received in the first {@code firstDays} days
 * @param servicesByCategory           per category, the services reported and their relative weights
 * @param miscategorisedShare          reports whose service is drawn regardless of the category (mobile forms get
 *                                     mis-tapped); some land on a category the service does not offer
 * @param windowShares                 how the reported period relates to the service's outage
 * @param reportsPerReporter           relative weights of 1, 2, 3, ... reports from one reporter (index 0 = 1 report)
 * @param sameServiceShare             of a reporter's second and later reports, the share about a service they
 *                                     already reported (a re-submission: the duplicate to catch)
 * @param sameEmailShare               of a later report, the share with exactly the same email address
 * @param emailVariantShare            of a later report, the share with the same address written differently
 *                                     (upper case, a +tag); the rest use another address, and match only by phone
 * @param phoneShare                   reporters who give a phone number
 * @param accountRefShare              reporters who give an account reference
 * @param englishShare                 reports in English
 * @param feeStatedShare               paid-subscription reports that state their fee
 * @param annualFeeShare               of the stated fees, the share that is a year's fee (a large amount)
 */
public record ChannelShape(
        double[] categoryShares,
        double paidSubscriptionShareOfPaid,
        Map<ReporterType, Double> reporterTypeShares,
        double smallBusinessLossShare,
        LocalDate channelOpened,
        int firstDays,
        double firstDaysShare,
        Map<Category, Map<String, Double>> servicesByCategory,
        double miscategorisedShare,
        Map<WindowKind, Double> windowShares,
        double[] reportsPerReporter,
        double sameServiceShare,
        double sameEmailShare,
        double emailVariantShare,
        double phoneShare,
        double accountRefShare,
        double englishShare,
        double feeStatedShare,
        double annualFeeShare,
        Amounts amounts) {

    /** Published: 14,918 of 87,198 reports about paid services (ofOwnServices.paidServiceDamage / count), 17.1%. */
    public static final double PAID_SERVICE_SHARE = 14_918.0 / 87_198;
    /** Published: 13,198 of 87,198 reports about money lost on free services, 15.1%. */
    public static final double MONEY_LOST_SHARE = 13_198.0 / 87_198;
    /**
     * Published as 67.8% (ofOwnServices.noMonetaryDamageShare); taken as the rest of the two counts above, 67.76%,
     * so that the three shares sum to 1.
     */
    public static final double NO_MONETARY_DAMAGE_SHARE = 1 - PAID_SERVICE_SHARE - MONEY_LOST_SHARE;
    /** Published: 45,000 of the 105,116 reports came in the first five days. */
    public static final double FIRST_FIVE_DAYS_SHARE = 45_000.0 / 105_116;

    /**
     * The claimed-amount distributions: log-normal (median, sigma of the log), as damage claims are: most are
     * small, a few very large.
     */
    public record Amounts(
            double failedPurchaseMedianKrw, double failedPurchaseSigma,
            double moneyLostMedianKrw, double moneyLostSigma,
            double businessLossMedianKrw, double businessLossSigma) {
    }

    public ChannelShape {
        Objects.requireNonNull(categoryShares, "categoryShares");
        if (categoryShares.length != 3) {
            throw new IllegalArgumentException("three category shares: no monetary damage, paid service, money lost");
        }
        requireSumOne("categoryShares", sum(categoryShares));
        requireSumOne("reporterTypeShares", reporterTypeShares.values().stream().mapToDouble(Double::doubleValue).sum());
        requireSumOne("windowShares", windowShares.values().stream().mapToDouble(Double::doubleValue).sum());
        if (firstDays < 1) {
            throw new IllegalArgumentException("firstDays must be at least 1");
        }
        if (sameEmailShare + emailVariantShare > 1) {
            throw new IllegalArgumentException("sameEmailShare + emailVariantShare must not exceed 1");
        }
        categoryShares = categoryShares.clone();
        reportsPerReporter = reportsPerReporter.clone();
        reporterTypeShares = Collections.unmodifiableMap(new EnumMap<>(reporterTypeShares));
        windowShares = Collections.unmodifiableMap(new EnumMap<>(windowShares));
        Map<Category, Map<String, Double>> services = new EnumMap<>(Category.class);
        servicesByCategory.forEach((category, weights) ->
                services.put(category, Collections.unmodifiableMap(new LinkedHashMap<>(weights))));
        servicesByCategory = Collections.unmodifiableMap(services);
    }

    @Override
    public double[] categoryShares() {
        return categoryShares.clone();
    }

    @Override
    public double[] reportsPerReporter() {
        return reportsPerReporter.clone();
    }

    /** The share of all reports expected in each category, following the combination described above. */
    public Map<Category, Double> expectedCategoryShares() {
        double business = reporterTypeShares.get(ReporterType.SMALL_BUSINESS) * smallBusinessLossShare
                + reporterTypeShares.get(ReporterType.MID_LARGE_BUSINESS);
        Map<Category, Double> expected = new EnumMap<>(Category.class);
        expected.put(Category.NO_MONETARY_DAMAGE, categoryShares[0]);
        expected.put(Category.PAID_SUBSCRIPTION, categoryShares[1] * paidSubscriptionShareOfPaid);
        expected.put(Category.FAILED_PURCHASE, categoryShares[1] * (1 - paidSubscriptionShareOfPaid));
        expected.put(Category.FREE_SERVICE_MONEY_LOST, categoryShares[2] * (1 - business));
        expected.put(Category.BUSINESS_LOSS, categoryShares[2] * business);
        return Collections.unmodifiableMap(expected);
    }

    /** The 2022 channel: the published shares, and the assumptions documented on each line. */
    public static ChannelShape of2022() {
        Map<Category, Map<String, Double>> services = new EnumMap<>(Category.class);
        // Assumed: the messenger dominates (most reports were "messenger or account"), then mail and mobility.
        services.put(Category.NO_MONETARY_DAMAGE, weights(
                "messenger", 58, "mail", 9, "portal-mail", 5, "taxi", 6, "navigation", 4, "payment", 5,
                "webtoon", 4, "music", 3, "mobile-games", 3, "pc-games", 3));
        // Assumed: music and webtoon passes, emoticon subscriptions, game passes, the taxi drivers' membership.
        services.put(Category.PAID_SUBSCRIPTION, weights(
                "music", 30, "webtoon", 24, "messenger", 20, "mobile-games", 11, "pc-games", 7, "taxi", 8));
        // Assumed: gifts and emoticons bought in the messenger, payments, coins, game items, taxi fares.
        services.put(Category.FAILED_PURCHASE, weights(
                "messenger", 30, "payment", 24, "webtoon", 10, "music", 4, "mobile-games", 16, "pc-games", 8, "taxi", 8));
        // Assumed: missed appointments and rides, payments that could not be made, mail that did not arrive.
        services.put(Category.FREE_SERVICE_MONEY_LOST, weights(
                "messenger", 35, "payment", 24, "taxi", 20, "navigation", 8, "mail", 8, "portal-mail", 5));
        // Assumed: shops taking orders over the messenger, taxi drivers, merchants on the payment service.
        services.put(Category.BUSINESS_LOSS, weights(
                "messenger", 34, "taxi", 30, "payment", 22, "navigation", 4, "mail", 5, "portal-mail", 5));

        Map<WindowKind, Double> windows = new EnumMap<>(WindowKind.class);
        windows.put(WindowKind.WHOLE_OUTAGE, 0.40);     // the times the operator announced, copied
        windows.put(WindowKind.INSIDE, 0.38);           // the part of the outage that hurt the reporter
        windows.put(WindowKind.PAST_THE_END, 0.13);     // "until the evening": later than the ledger's restore time
        windows.put(WindowKind.FROM_BEFORE_START, 0.06);// "from 15:00": the fire started at 15:19
        windows.put(WindowKind.OUTSIDE, 0.03);          // lingering problems after the restore, or before the outage

        return new ChannelShape(
                new double[]{NO_MONETARY_DAMAGE_SHARE, PAID_SERVICE_SHARE, MONEY_LOST_SHARE},
                0.75,                                   // assumed: three in four paid-service reports are subscriptions
                Map.of(ReporterType.INDIVIDUAL, 0.896, ReporterType.SMALL_BUSINESS, 0.102,
                        ReporterType.MID_LARGE_BUSINESS, 0.002),   // published (ofOwnServices.reporterType)
                0.7,                                    // assumed: most small businesses' money lost is lost business
                LocalDate.of(2022, 10, 19),             // published (reportChannel.opened)
                5, FIRST_FIVE_DAYS_SHARE,               // published
                services,
                0.02,
                windows,
                // assumed: 1 report 92%, 2: 5.5%, 3: 1.5%, 4-6: 0.7%, 7-12: 0.3% of reporters
                new double[]{0.92, 0.055, 0.015, 0.0025, 0.0025, 0.002, 0.0005, 0.0005, 0.0005, 0.0005, 0.0005, 0.0005},
                0.40,                                   // assumed: 4 in 10 later reports re-submit a service
                0.70, 0.15,                             // assumed: addresses reused, rewritten, or another one
                0.65, 0.25, 0.04,                       // assumed: phone, account reference, English
                0.75, 0.01,                             // assumed: fee stated, of which a year's fee
                new Amounts(6_600, 1.0, 30_000, 1.3, 400_000, 1.2));
    }

    private static Map<String, Double> weights(Object... serviceThenWeight) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int i = 0; i < serviceThenWeight.length; i += 2) {
            weights.put((String) serviceThenWeight[i], ((Number) serviceThenWeight[i + 1]).doubleValue());
        }
        return weights;
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum;
    }

    private static void requireSumOne(String name, double sum) {
        if (Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException(name + " must sum to 1, got " + sum);
        }
    }

    /** The services a category is reported against, in a fixed order. */
    List<String> servicesOf(Category category) {
        return List.copyOf(servicesByCategory.get(category).keySet());
    }
}

package dev.damagedesk.replay;

import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.incident.OutageWindow;
import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.report.Reporter;
import dev.damagedesk.domain.report.ReporterType;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Generates a population of damage reports shaped by a {@link ChannelShape}: reporters (some filing several reports,
 * some re-submitting a service they already reported, with their address written the same, differently or not at
 * all), the kind of damage, the service, the period against the service's outage in the incident's ledger, the
 * claimed amount, the language and the time each report was received over the channel's days.
 * <p>
 * Deterministic: the same incident, shape, size, seed and number of days give an equal population (ids included),
 * on any JVM ({@link SplittableRandom}'s sequence is specified). Every report is one the intake API accepts
 * ({@code PopulationGeneratorTest} parses each back through the real {@code SubmissionParser}). Reports come sorted
 * by the time they were received, the order the processor would see them in.
 */
public final class PopulationGenerator {

    /** Reports per day fall by this factor each day of the first days, and by the next one afterwards. */
    static final double FIRST_DAYS_DECAY = 0.85;
    static final double LATER_DAYS_DECAY = 0.95;
    /** Relative number of reports in each hour of the day (Korean time). */
    private static final double[] HOUR_WEIGHTS = {
            1, 1, 1, 1, 1, 1, 2, 4, 4, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 4, 4};
    private static final ZoneOffset KOREA = ZoneOffset.ofHours(9);
    private static final Duration ROUNDING = Duration.ofMinutes(5);

    private static final String[] FAMILY_NAMES = {
            "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송"};
    private static final String[] GIVEN_NAMES = {
            "민준", "서연", "지훈", "수빈", "현우", "지민", "예린", "도윤", "하은", "준서", "서윤", "지우", "민서", "건우",
            "유진", "시우", "채원", "은지", "태현", "다은"};
    private static final String[] ROMANISED = {
            "minjun", "seoyeon", "jihun", "subin", "hyunwoo", "jimin", "yerin", "doyun", "haeun", "junseo", "seoyun",
            "jiwoo", "minseo", "gunwoo", "yujin", "siwoo", "chaewon", "eunji", "taehyun", "daeun"};
    private static final String[] ENGLISH_FIRST = {"Alex", "Jamie", "Sam", "Taylor", "Jordan", "Chris", "Morgan", "Robin"};
    private static final String[] ENGLISH_LAST = {"Kim", "Lee", "Park", "Smith", "Brown", "Choi", "Jung", "Garcia"};
    private static final String[] EMAIL_DOMAINS = {
            "naver.com", "gmail.com", "daum.net", "hanmail.net", "kakao.com", "nate.com", "icloud.com"};
    private static final double[] EMAIL_DOMAIN_WEIGHTS = {40, 25, 12, 8, 8, 4, 3};

    /** Monthly fees in KRW of the subscriptions reported, per service; a service without a list uses the default. */
    private static final Map<String, long[]> MONTHLY_FEES = Map.of(
            "messenger", new long[]{3_900, 4_900},
            "music", new long[]{7_900, 10_900, 13_900},
            "webtoon", new long[]{4_900, 9_900},
            "mobile-games", new long[]{5_500, 9_900, 33_000},
            "pc-games", new long[]{9_900, 19_800},
            "taxi", new long[]{39_000});
    private static final long[] DEFAULT_FEES = {4_900, 9_900};
    private static final long[] ANNUAL_FEES = {99_000, 119_000, 132_000, 390_000};

    private final Incident incident;
    private final ChannelShape shape;

    public PopulationGenerator(Incident incident, ChannelShape shape) {
        this.incident = Objects.requireNonNull(incident, "incident");
        this.shape = Objects.requireNonNull(shape, "shape");
        shape.servicesByCategory().values().forEach(weights -> weights.keySet().forEach(service -> {
            if (incident.outageFor(service).isEmpty()) {
                throw new IllegalArgumentException("the shape names " + service + ", which incident " + incident.id()
                        + " did not take down");
            }
        }));
    }

    /**
     * @param reports how many reports, at least 1
     * @param days    over how many days of the channel they are received, at least 1
     */
    public List<GeneratedReport> generate(int reports, long seed, int days) {
        List<GeneratedReport> population = new ArrayList<>(reports);
        byReporter(reports, seed, days).forEachRemaining(population::add);
        population.sort(Comparator.comparing((GeneratedReport generated) -> generated.report().receivedAt())
                .thenComparing(generated -> generated.report().id().value()));
        return List.copyOf(population);
    }

    /**
     * The same reports as {@link #generate} (same seed, same reports), one reporter's after the other instead of sorted
     * by receipt, drawn as they are asked for: a load generator can stream a population of any size without holding it.
     */
    public Iterator<GeneratedReport> byReporter(int reports, long seed, int days) {
        if (reports < 1 || days < 1) {
            throw new IllegalArgumentException("at least one report over at least one day: " + reports + ", " + days);
        }
        Draw draw = new Draw(new SplittableRandom(seed), days);
        return new Iterator<>() {
            private int drawn;
            private int reporter;
            private Iterator<GeneratedReport> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                return current.hasNext() || drawn < reports;
            }

            @Override
            public GeneratedReport next() {
                if (!current.hasNext()) {
                    if (drawn >= reports) {
                        throw new java.util.NoSuchElementException();
                    }
                    int count = Math.min(reports - drawn, 1 + draw.index(shape.reportsPerReporter()));
                    drawn += count;
                    current = draw.reportsOf(reporter++, count).iterator();
                }
                return current.next();
            }
        };
    }

    /** Relative number of reports in each hour of a day (Korean time, from midnight): the channel's daily curve. */
    public static double[] hourWeights() {
        return HOUR_WEIGHTS.clone();
    }

    /** Everything drawn for one population, from one random sequence. */
    private final class Draw {

        private final SplittableRandom random;
        private final double[] dayWeights;
        private final Instant opened;

        Draw(SplittableRandom random, int days) {
            this.random = random;
            this.dayWeights = dayWeights(days);
            this.opened = shape.channelOpened().atStartOfDay().toInstant(KOREA);
        }

        private double[] dayWeights(int days) {
            int first = Math.min(shape.firstDays(), days);
            double[] weights = new double[days];
            double firstTotal = 0;
            double laterTotal = 0;
            for (int day = 0; day < days; day++) {
                weights[day] = day < first
                        ? Math.pow(FIRST_DAYS_DECAY, day)
                        : Math.pow(FIRST_DAYS_DECAY, first - 1) * Math.pow(LATER_DAYS_DECAY, day - first + 1);
                if (day < first) {
                    firstTotal += weights[day];
                } else {
                    laterTotal += weights[day];
                }
            }
            if (laterTotal > 0) {
                // the first days hold their published share, the later ones the rest
                for (int day = 0; day < days; day++) {
                    weights[day] = day < first
                            ? weights[day] / firstTotal * shape.firstDaysShare()
                            : weights[day] / laterTotal * (1 - shape.firstDaysShare());
                }
            }
            return weights;
        }

        List<GeneratedReport> reportsOf(int reporter, int count) {
            ReporterType type = pick(shape.reporterTypeShares());
            Language language = random.nextDouble() < shape.englishShare() ? Language.EN : Language.KO;
            Contact contact = contact(reporter, language);
            List<Instant> received = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                received.add(receivedAt());
            }
            received.sort(Comparator.naturalOrder());

            List<GeneratedReport> reports = new ArrayList<>(count);
            List<ReportSubmission> earlier = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Category category;
                String service;
                boolean repeat = i > 0 && random.nextDouble() < shape.sameServiceShare();
                if (repeat) {
                    ReportSubmission before = earlier.get(random.nextInt(earlier.size()));
                    category = before.category();
                    service = before.service();
                } else {
                    category = category(type);
                    service = service(category);
                }
                Reporter as = i == 0 ? contact.reporter() : contact.laterReporter(random);
                OutageWindow outage = incident.outageFor(service).orElseThrow();
                Instant[] period = period(outage, received.get(i));
                ReportSubmission submission = new ReportSubmission(as, language, service, category, period[0], period[1],
                        amount(category, service), description(category, service, language), true, type);
                earlier.add(submission);
                ReportId id = ReportId.newId(received.get(i), random);
                Report report = Report.received(id, incident.id(), submission, received.get(i), tokenHash());
                reports.add(new GeneratedReport(report, WindowKind.of(period[0], period[1], outage), reporter,
                        repeat || earlier.subList(0, i).stream().anyMatch(s -> s.service().equals(submission.service()))));
            }
            return reports;
        }

        private Category category(ReporterType type) {
            double[] shares = shape.categoryShares();
            double u = random.nextDouble();
            if (u < shares[0]) {
                return Category.NO_MONETARY_DAMAGE;
            }
            if (u < shares[0] + shares[1]) {
                return random.nextDouble() < shape.paidSubscriptionShareOfPaid()
                        ? Category.PAID_SUBSCRIPTION : Category.FAILED_PURCHASE;
            }
            boolean business = switch (type) {
                case INDIVIDUAL -> false;
                case SMALL_BUSINESS -> random.nextDouble() < shape.smallBusinessLossShare();
                case MID_LARGE_BUSINESS -> true;
            };
            return business ? Category.BUSINESS_LOSS : Category.FREE_SERVICE_MONEY_LOST;
        }

        private String service(Category category) {
            // A mis-tapped form: the service as popular as it is, whatever the category.
            Map<String, Double> weights = random.nextDouble() < shape.miscategorisedShare()
                    ? shape.servicesByCategory().get(Category.NO_MONETARY_DAMAGE)
                    : shape.servicesByCategory().get(category);
            return pick(weights);
        }

        private Instant receivedAt() {
            int day = index(dayWeights);
            int hour = index(HOUR_WEIGHTS);
            long second = random.nextLong(3_600);
            return opened.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour)).plusSeconds(second);
        }

        /** The reported period, [from, to], never after the report was received. */
        private Instant[] period(OutageWindow outage, Instant receivedAt) {
            Instant start = outage.start();
            Instant end = outage.end();
            Duration length = outage.duration();
            Instant from;
            Instant to;
            switch (pick(shape.windowShares())) {
                case WHOLE_OUTAGE -> {
                    from = start;
                    to = end;
                }
                case INSIDE -> {
                    from = ceil(start.plus(fraction(length, 0, 0.5)));
                    to = floor(from.plus(fraction(Duration.between(from, end), 0.2, 1.0)));
                }
                case PAST_THE_END -> {
                    from = ceil(start.plus(fraction(length, 0, 0.3)));
                    to = ceil(end.plus(exponential(Duration.ofHours(3), Duration.ofHours(24))));
                }
                case FROM_BEFORE_START -> {
                    from = floor(start.minus(fraction(Duration.ofHours(1), 0.05, 1.0)));
                    to = floor(start.plus(fraction(length, 0.3, 1.0)));
                }
                case OUTSIDE -> {
                    boolean touching = random.nextDouble() < 0.2;
                    from = touching ? end : ceil(end.plus(fraction(Duration.ofHours(36), 1 / 36.0, 1.0)));
                    to = ceil(from.plus(fraction(Duration.ofHours(12), 1 / 12.0, 1.0)));
                    if (to.isAfter(receivedAt)) {
                        // no time after the restore yet: the hours before the fire instead
                        to = touching ? start : floor(start.minus(fraction(Duration.ofHours(3), 0, 1.0)));
                        from = floor(to.minus(fraction(Duration.ofHours(4), 0.25, 1.0)));
                    }
                }
                default -> throw new IllegalStateException();
            }
            if (!to.isAfter(from)) {
                to = from.plus(ROUNDING);
            }
            if (to.isAfter(receivedAt)) {
                // a report about an outage still going on ends when it was filed
                to = receivedAt;
                if (!from.isBefore(to)) {
                    from = to.minus(ROUNDING);
                }
            }
            return new Instant[]{from, to};
        }

        private Long amount(Category category, String service) {
            ChannelShape.Amounts amounts = shape.amounts();
            return switch (category) {
                case NO_MONETARY_DAMAGE -> null;
                case PAID_SUBSCRIPTION -> {
                    if (random.nextDouble() >= shape.feeStatedShare()) {
                        yield null;
                    }
                    long[] fees = random.nextDouble() < shape.annualFeeShare()
                            ? ANNUAL_FEES : MONTHLY_FEES.getOrDefault(service, DEFAULT_FEES);
                    yield fees[random.nextInt(fees.length)];
                }
                case FAILED_PURCHASE ->
                        logNormal(amounts.failedPurchaseMedianKrw(), amounts.failedPurchaseSigma(), 100, 500);
                case FREE_SERVICE_MONEY_LOST ->
                        logNormal(amounts.moneyLostMedianKrw(), amounts.moneyLostSigma(), 1_000, 1_000);
                case BUSINESS_LOSS ->
                        logNormal(amounts.businessLossMedianKrw(), amounts.businessLossSigma(), 10_000, 10_000);
            };
        }

        /** Log-normal, rounded to {@code step} KRW, at least {@code min}, at most 10 billion (the API's limit). */
        private long logNormal(double median, double sigma, long step, long min) {
            double value = median * Math.exp(sigma * random.nextGaussian());
            long rounded = Math.round(value / step) * step;
            return Math.min(10_000_000_000L, Math.max(min, rounded));
        }

        private Contact contact(int reporter, Language language) {
            String name = language == Language.KO
                    ? FAMILY_NAMES[random.nextInt(FAMILY_NAMES.length)] + GIVEN_NAMES[random.nextInt(GIVEN_NAMES.length)]
                    : ENGLISH_FIRST[random.nextInt(ENGLISH_FIRST.length)] + " "
                            + ENGLISH_LAST[random.nextInt(ENGLISH_LAST.length)];
            String local = ROMANISED[random.nextInt(ROMANISED.length)] + "." + reporter;
            String email = local + "@" + EMAIL_DOMAINS[index(EMAIL_DOMAIN_WEIGHTS)];
            // 7919 is prime and does not divide 90,000,000: every reporter gets their own number.
            String phone = random.nextDouble() < shape.phoneShare()
                    ? phoneNumber(10_000_000 + (int) ((reporter * 7_919L) % 90_000_000L)) : null;
            String account = random.nextDouble() < shape.accountRefShare() ? "user-" + reporter : null;
            return new Contact(name, email, phone, account, shape.sameEmailShare(), shape.emailVariantShare());
        }

        private String tokenHash() {
            return String.format("%016x%016x%016x%016x",
                    random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
        }

        private Duration fraction(Duration of, double low, double high) {
            return Duration.ofSeconds((long) (of.toSeconds() * (low + random.nextDouble() * (high - low))));
        }

        private Duration exponential(Duration mean, Duration cap) {
            long seconds = (long) (-Math.log(1 - random.nextDouble()) * mean.toSeconds());
            return Duration.ofSeconds(Math.max(ROUNDING.toSeconds(), Math.min(cap.toSeconds(), seconds)));
        }

        private <K> K pick(Map<K, Double> weights) {
            double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
            double u = random.nextDouble() * total;
            K last = null;
            for (Map.Entry<K, Double> entry : weights.entrySet()) {
                last = entry.getKey();
                u -= entry.getValue();
                if (u < 0) {
                    return last;
                }
            }
            return last;
        }

        private int index(double[] weights) {
            double total = 0;
            for (double weight : weights) {
                total += weight;
            }
            double u = random.nextDouble() * total;
            for (int i = 0; i < weights.length; i++) {
                u -= weights[i];
                if (u < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }
    }

    /** 10-1234-5678 written as Koreans do: 010-1234-5678. */
    private static String phoneNumber(int eightDigits) {
        String digits = String.format("%08d", eightDigits);
        return "010-" + digits.substring(0, 4) + "-" + digits.substring(4);
    }

    private static Instant floor(Instant instant) {
        long step = ROUNDING.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), step) * step);
    }

    private static Instant ceil(Instant instant) {
        long step = ROUNDING.toSeconds();
        return Instant.ofEpochSecond(-Math.floorDiv(-instant.getEpochSecond(), step) * step);
    }

    private static String description(Category category, String service, Language language) {
        boolean ko = language == Language.KO;
        return switch (category) {
            case NO_MONETARY_DAMAGE -> ko
                    ? service + " 서비스가 장애로 이용되지 않아 불편을 겪었습니다."
                    : "I could not use " + service + " during the outage.";
            case PAID_SUBSCRIPTION -> ko
                    ? "유료로 구독 중인 " + service + " 서비스를 장애 기간 동안 이용하지 못했습니다."
                    : "I pay for " + service + " and could not use it during the outage.";
            case FAILED_PURCHASE -> ko
                    ? "장애 중 " + service + "에서 결제는 되었지만 구매가 완료되지 않았습니다."
                    : "I was charged on " + service + " during the outage but the purchase failed.";
            case FREE_SERVICE_MONEY_LOST -> ko
                    ? service + " 장애로 예약과 약속이 취소되어 금전 피해를 입었습니다."
                    : "Because " + service + " was down I lost money on a booking.";
            case BUSINESS_LOSS -> ko
                    ? service + "(으)로 주문과 예약을 받는 사업장인데, 장애 기간 매출이 줄었습니다."
                    : "My shop takes orders through " + service + "; sales fell during the outage.";
        };
    }

    /** How a reporter can be reached, and how they write it again in a later report. */
    private record Contact(String name, String email, String phone, String accountRef,
                           double sameEmailShare, double emailVariantShare) {

        Reporter reporter() {
            return new Reporter(name, email, phone, accountRef);
        }

        /** The same address, the same address written differently, or another one (then only the phone matches). */
        Reporter laterReporter(SplittableRandom random) {
            double u = random.nextDouble();
            if (u < sameEmailShare) {
                return new Reporter(name, email, rewritten(phone, random), accountRef);
            }
            int at = email.indexOf('@');
            if (u < sameEmailShare + emailVariantShare) {
                String local = email.substring(0, at);
                String variant = random.nextBoolean()
                        ? Character.toUpperCase(local.charAt(0)) + local.substring(1) + email.substring(at)
                        : local + "+outage" + email.substring(at);
                return new Reporter(name, variant, rewritten(phone, random), accountRef);
            }
            String other = email.substring(0, at) + ".home@" + (email.endsWith("@gmail.com") ? "naver.com" : "gmail.com");
            return new Reporter(name, other, rewritten(phone, random), null);
        }

        /** The same number in another of the ways people write it. */
        private static String rewritten(String phone, SplittableRandom random) {
            if (phone == null) {
                return null;
            }
            return switch (random.nextInt(4)) {
                case 0 -> phone;
                case 1 -> phone.replace("-", "");
                case 2 -> "+82 " + phone.substring(1);
                default -> phone.replace('-', ' ');
            };
        }
    }
}

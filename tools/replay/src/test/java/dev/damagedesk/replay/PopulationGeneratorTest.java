package dev.damagedesk.replay;

import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.policy.PolicyDocument;
import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.report.ReporterType;
import dev.damagedesk.domain.risk.ReporterIdentity;
import dev.damagedesk.domain.validation.SubmissionFormat;
import dev.damagedesk.domain.validation.SubmissionParser;
import dev.damagedesk.domain.validation.Validated;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PopulationGeneratorTest {

    private static final int SIZE = 20_000;
    private static final ZoneOffset KOREA = ZoneOffset.ofHours(9);

    private static Incident incident;
    private static PolicyDocument policy;
    private static ChannelShape shape;
    private static List<GeneratedReport> population;

    @BeforeAll
    static void generate() {
        incident = Replay2022.incident();
        policy = Replay2022.policy().policy();
        shape = ChannelShape.of2022();
        population = new PopulationGenerator(incident, shape).generate(SIZE, 2022, 19);
    }

    @Test
    void makesAsManyReportsAsAsked() {
        assertThat(population).hasSize(SIZE);
        assertThat(population.stream().map(generated -> generated.report().id()).distinct()).hasSize(SIZE);
    }

    @Test
    void theKindsOfDamageHaveThePublishedShares() {
        Map<Category, Double> shares = shares(submission -> submission.category());
        Map<Category, Double> expected = shape.expectedCategoryShares();
        // 20,000 reports: one standard deviation of a 68% share is 0.33 points (more with repeat reporters' clustering)
        assertThat(shares.get(Category.NO_MONETARY_DAMAGE)).isCloseTo(0.678, within(0.01));
        assertThat(shares.get(Category.PAID_SUBSCRIPTION) + shares.get(Category.FAILED_PURCHASE))
                .isCloseTo(0.171, within(0.008));
        assertThat(shares.get(Category.FREE_SERVICE_MONEY_LOST) + shares.get(Category.BUSINESS_LOSS))
                .isCloseTo(0.151, within(0.008));
        for (Category category : Category.values()) {
            assertThat(shares.get(category)).as(category.code()).isCloseTo(expected.get(category), within(0.008));
        }
        assertThat(shares.get(Category.BUSINESS_LOSS)).isCloseTo(expected.get(Category.BUSINESS_LOSS), within(0.003));
    }

    @Test
    void theExpectedSharesKeepThePublishedOnesAndCarveBusinessLossesOutOfMoneyLost() {
        Map<Category, Double> expected = shape.expectedCategoryShares();
        assertThat(expected.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-9));
        assertThat(expected.get(Category.NO_MONETARY_DAMAGE)).isCloseTo(0.678, within(0.0005));
        assertThat(expected.get(Category.PAID_SUBSCRIPTION) + expected.get(Category.FAILED_PURCHASE))
                .isCloseTo(0.171, within(0.0005));
        assertThat(expected.get(Category.FREE_SERVICE_MONEY_LOST) + expected.get(Category.BUSINESS_LOSS))
                .isCloseTo(0.151, within(0.0005));
        // 15.1% x (10.2% x 0.7 + 0.2%)
        assertThat(expected.get(Category.BUSINESS_LOSS)).isCloseTo(0.0111, within(0.0001));
    }

    @Test
    void theReporterTypesHaveThePublishedShares() {
        Map<ReporterType, Double> shares = shares(ReportSubmission::reporterType);
        assertThat(shares.get(ReporterType.INDIVIDUAL)).isCloseTo(0.896, within(0.008));
        assertThat(shares.get(ReporterType.SMALL_BUSINESS)).isCloseTo(0.102, within(0.008));
        assertThat(shares.get(ReporterType.MID_LARGE_BUSINESS)).isCloseTo(0.002, within(0.0015));
    }

    @Test
    void onlyBusinessesReportABusinessLoss() {
        assertThat(population).allSatisfy(generated -> {
            ReportSubmission submission = generated.report().submission();
            if (submission.category() == Category.BUSINESS_LOSS) {
                assertThat(submission.reporterType().isBusiness()).isTrue();
            }
        });
    }

    @Test
    void theReportedPeriodsHaveTheShapesShares() {
        Map<WindowKind, Long> counts = new EnumMap<>(WindowKind.class);
        population.forEach(generated -> counts.merge(generated.window(), 1L, Long::sum));
        shape.windowShares().forEach((kind, share) ->
                assertThat(counts.getOrDefault(kind, 0L) / (double) SIZE).as(kind.label()).isCloseTo(share, within(0.01)));
        // some partially overlap the outage, a few share no time with it
        assertThat(counts.get(WindowKind.PAST_THE_END) + counts.get(WindowKind.FROM_BEFORE_START)).isGreaterThan(SIZE / 10);
        assertThat(counts.get(WindowKind.OUTSIDE)).isBetween((long) (SIZE * 0.02), (long) (SIZE * 0.04));
    }

    @Test
    void aWindowKindDescribesTheReportedPeriodAgainstTheLedger() {
        assertThat(population).allSatisfy(generated -> {
            ReportSubmission submission = generated.report().submission();
            assertThat(WindowKind.of(submission.occurredFrom(), submission.occurredTo(),
                    incident.outageFor(submission.service()).orElseThrow())).isEqualTo(generated.window());
            assertThat(submission.occurredTo()).isAfter(submission.occurredFrom());
            assertThat(submission.occurredTo()).isBeforeOrEqualTo(generated.report().receivedAt());
        });
    }

    @Test
    void everyReportIsOneTheIntakeApiAccepts() {
        Clock afterTheChannel = Clock.fixed(Instant.parse("2022-12-31T00:00:00Z"), ZoneOffset.UTC);
        SubmissionParser parser = new SubmissionParser(incident.services(), afterTheChannel);
        assertThat(population).allSatisfy(generated -> {
            ReportSubmission submission = generated.report().submission();
            Validated<ReportSubmission> parsed = parser.parse(SubmissionFormat.toMap(submission));
            assertThat(parsed.isValid()).as("%s", parsed.errors()).isTrue();
            assertThat(parsed.value()).isEqualTo(submission);
        });
    }

    @Test
    void servicesAreThoseThePolicyOffersTheCategoryFor_butAFewFormsAreMisTapped() {
        shape.servicesByCategory().forEach((category, weights) -> weights.keySet().forEach(service ->
                assertThat(policy.offers(service, category)).as(service + " offers " + category.code()).isTrue()));
        long notOffered = population.stream()
                .map(generated -> generated.report().submission())
                .filter(submission -> !policy.offers(submission.service(), submission.category()))
                .count();
        assertThat(notOffered).isPositive().isLessThan((long) (SIZE * shape.miscategorisedShare()));
        // every service of the incident is reported, the messenger most
        Map<String, Double> services = shares(ReportSubmission::service);
        assertThat(services.keySet()).isEqualTo(incident.services());
        assertThat(services.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey())
                .isEqualTo("messenger");
    }

    @Test
    void claimedAmountsAreSkewed_mostSmallAFewLarge() {
        List<Long> moneyLost = population.stream()
                .map(generated -> generated.report().submission())
                .filter(submission -> submission.category() == Category.FREE_SERVICE_MONEY_LOST)
                .map(ReportSubmission::amountClaimedKrw)
                .sorted()
                .toList();
        long median = moneyLost.get(moneyLost.size() / 2);
        double mean = moneyLost.stream().mapToLong(Long::longValue).average().orElseThrow();
        assertThat(median).isBetween(25_000L, 35_000L);
        assertThat(mean).isGreaterThan(median * 1.5);
        assertThat(moneyLost.get(moneyLost.size() - 1)).isGreaterThan(1_000_000L);
        assertThat(population).allSatisfy(generated -> {
            ReportSubmission submission = generated.report().submission();
            if (submission.category().requiresAmount()) {
                assertThat(submission.amountClaimedKrw()).isPositive();
            }
            if (submission.category() == Category.NO_MONETARY_DAMAGE) {
                assertThat(submission.amountClaimedKrw()).isNull();
            }
        });
    }

    @Test
    void someReportersReportAgain_mostlyReachableByTheSameIdentity() {
        Map<Integer, Integer> reportsPerReporter = new HashMap<>();
        population.forEach(generated -> reportsPerReporter.merge(generated.reporter(), 1, Integer::sum));
        long fromRepeatReporters = population.stream().filter(generated -> reportsPerReporter.get(generated.reporter()) > 1).count();
        assertThat(fromRepeatReporters / (double) SIZE).isBetween(0.12, 0.30);
        assertThat(reportsPerReporter.values().stream().max(Comparator.naturalOrder()).orElseThrow()).isGreaterThan(5);

        // a re-submission shares an identity key with the reporter's earlier report of the service, unless the
        // reporter used another address and gave no phone number
        Map<String, Set<String>> keysByReporterAndService = new HashMap<>();
        dev.damagedesk.domain.risk.IdentityKeys identityKeys = dev.damagedesk.domain.risk.IdentityKeys.ephemeral();
        int resubmissions = 0;
        int linkable = 0;
        for (GeneratedReport generated : population) {
            ReportSubmission submission = generated.report().submission();
            String key = generated.reporter() + "/" + submission.service();
            List<String> keys = identityKeys.of(ReporterIdentity.of(submission.reporter()));
            Set<String> earlier = keysByReporterAndService.computeIfAbsent(key, k -> new HashSet<>());
            if (generated.repeatsService()) {
                resubmissions++;
                assertThat(earlier).as("an earlier report of the service").isNotEmpty();
                if (keys.stream().anyMatch(earlier::contains)) {
                    linkable++;
                }
            } else {
                assertThat(earlier).isEmpty();
            }
            earlier.addAll(keys);
        }
        assertThat(resubmissions / (double) SIZE).isBetween(0.04, 0.12);
        assertThat(linkable / (double) resubmissions).isBetween(0.85, 0.99);
    }

    @Test
    void reportsArriveOverTheChannelsDays_mostInTheFirstFive() {
        Instant opened = LocalDate.of(2022, 10, 19).atStartOfDay().toInstant(KOREA);
        Instant fifthDayOver = opened.plus(java.time.Duration.ofDays(5));
        Instant closed = opened.plus(java.time.Duration.ofDays(19));
        assertThat(population).allSatisfy(generated ->
                assertThat(generated.report().receivedAt()).isBetween(opened, closed));
        long firstFive = population.stream().filter(generated -> generated.report().receivedAt().isBefore(fifthDayOver)).count();
        assertThat(firstFive / (double) SIZE).isCloseTo(45_000.0 / 105_116, within(0.015));
        assertThat(population).isSortedAccordingTo(Comparator.comparing(generated -> generated.report().receivedAt()));
        // a report id carries the time it was received
        assertThat(population).allSatisfy(generated -> assertThat(generated.report().id().timestamp())
                .isEqualTo(generated.report().receivedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
    }

    @Test
    void fewerDaysSqueezeTheSameReportsIntoThem() {
        List<GeneratedReport> fiveDays = new PopulationGenerator(incident, shape).generate(2_000, 2022, 5);
        Instant end = LocalDate.of(2022, 10, 24).atStartOfDay().toInstant(KOREA);
        assertThat(fiveDays).hasSize(2_000).allSatisfy(generated ->
                assertThat(generated.report().receivedAt()).isBefore(end));
    }

    @Test
    void theSameSeedGivesTheSamePopulation_anotherSeedAnother() {
        PopulationGenerator generator = new PopulationGenerator(incident, shape);
        List<Report> first = generator.generate(3_000, 7, 19).stream().map(GeneratedReport::report).toList();
        List<Report> again = new PopulationGenerator(Replay2022.incident(), ChannelShape.of2022())
                .generate(3_000, 7, 19).stream().map(GeneratedReport::report).toList();
        List<Report> other = generator.generate(3_000, 8, 19).stream().map(GeneratedReport::report).toList();
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(population.subList(0, 10)).isEqualTo(
                new PopulationGenerator(incident, shape).generate(SIZE, 2022, 19).subList(0, 10));
    }

    @Test
    void refusesAnEmptyPopulationAndAShapeNamingAServiceTheIncidentDidNotTakeDown() {
        PopulationGenerator generator = new PopulationGenerator(incident, shape);
        assertThatThrownBy(() -> generator.generate(0, 1, 19)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> generator.generate(10, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        Incident mailOnly = new Incident(incident.id(), incident.title(), incident.outagesOf("mail"));
        assertThatThrownBy(() -> new PopulationGenerator(mailOnly, shape))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("did not take down");
    }

    private static <K> Map<K, Double> shares(Function<ReportSubmission, K> key) {
        Map<K, Double> shares = new HashMap<>();
        population.forEach(generated -> shares.merge(key.apply(generated.report().submission()), 1.0 / SIZE, Double::sum));
        return shares;
    }
}

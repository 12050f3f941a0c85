package dev.damagedesk.domain.triage;

import dev.damagedesk.domain.report.ReportId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AuditSampleTest {

    private static final int IDS = 100_000;

    /** 100,000 ids made as the intake makes them, over 19 days, from a fixed generator so the test is repeatable. */
    private static List<ReportId> ids() {
        Random random = new Random(20221015);
        Instant start = Instant.parse("2022-10-19T00:00:00Z");
        List<ReportId> ids = new ArrayList<>(IDS);
        for (int i = 0; i < IDS; i++) {
            ids.add(ReportId.newId(start.plusMillis(i * 16_416L), random));
        }
        return ids;
    }

    private static Set<ReportId> selected(AuditSample sample, List<ReportId> ids) {
        return ids.stream().filter(sample::selects).collect(Collectors.toSet());
    }

    @Test
    void theDefaultIsFivePercent() {
        assertThat(AuditSample.withDefaults().rate()).isEqualTo(0.05);
        assertThat(Triage.withDefaults().auditSample()).isEqualTo(AuditSample.withDefaults());
    }

    @ParameterizedTest(name = "rate {0}")
    @ValueSource(doubles = {0.01, 0.05, 0.20})
    void selectsAtTheRateWithinFourStandardDeviations(double rate) {
        int selected = selected(new AuditSample(rate, AuditSample.DEFAULT_SEED), ids()).size();

        double standardDeviation = Math.sqrt(IDS * rate * (1 - rate));
        assertThat((double) selected).isCloseTo(IDS * rate, within(4 * standardDeviation));
    }

    @Test
    void theSameIdsAndSeedGiveTheSameSampleEveryTime() {
        List<ReportId> ids = ids();
        Set<ReportId> first = selected(AuditSample.withDefaults(), ids);
        Set<ReportId> again = selected(new AuditSample(0.05, AuditSample.DEFAULT_SEED), ids());

        assertThat(again).isEqualTo(first);
        // An id read back from storage (parsed, lower case from a URL) is the same id.
        ReportId one = first.iterator().next();
        assertThat(AuditSample.withDefaults().selects(ReportId.parse(one.value().toLowerCase()).orElseThrow())).isTrue();
    }

    @Test
    void anotherSeedDrawsAnotherSampleOfTheSameSize() {
        List<ReportId> ids = ids();
        Set<ReportId> defaultSeed = selected(AuditSample.withDefaults(), ids);
        Set<ReportId> otherSeed = selected(new AuditSample(0.05, "incident-2024"), ids);

        assertThat(otherSeed).hasSizeBetween(4_600, 5_400);
        Set<ReportId> both = defaultSeed.stream().filter(otherSeed::contains).collect(Collectors.toSet());
        // Independent 5% samples share about 0.25% of the ids.
        assertThat(both.size()).isLessThan(500);
    }

    @Test
    void aLargerRateSelectsEverythingASmallerOneDoes() {
        List<ReportId> ids = ids().subList(0, 10_000);
        Set<ReportId> small = selected(new AuditSample(0.05, "s"), ids);
        Set<ReportId> large = selected(new AuditSample(0.10, "s"), ids);

        assertThat(large).containsAll(small);
    }

    @Test
    void zeroSelectsNothingAndOneSelectsEverything() {
        List<ReportId> ids = ids().subList(0, 10_000);

        assertThat(selected(AuditSample.none(), ids)).isEmpty();
        assertThat(selected(new AuditSample(1, "s"), ids)).hasSize(10_000);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.01, Double.NaN})
    void aRateOutsideZeroToOneIsRefused(double rate) {
        assertThatThrownBy(() -> new AuditSample(rate, "s")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSeedIsRequired() {
        assertThatThrownBy(() -> new AuditSample(0.05, null)).isInstanceOf(NullPointerException.class);
    }
}

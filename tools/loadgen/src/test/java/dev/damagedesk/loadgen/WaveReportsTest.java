package dev.damagedesk.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.validation.SubmissionParser;
import dev.damagedesk.domain.validation.Validated;
import dev.damagedesk.replay.ChannelShape;
import dev.damagedesk.replay.GeneratedReport;
import dev.damagedesk.replay.PopulationGenerator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WaveReportsTest {

    private static final Incident INCIDENT = WaveReports.incident2022();

    private static List<GeneratedReport> drawAll(int reports, long seed) {
        WaveReports wave = WaveReports.of2022(INCIDENT, reports, seed);
        List<GeneratedReport> drawn = new ArrayList<>();
        for (int i = 0; i < reports; i++) {
            drawn.add(wave.next());
        }
        return drawn;
    }

    @Test
    void theWaveStreamsExactlyThePopulationTheReplayGeneratesInAnotherOrder() {
        List<GeneratedReport> drawn = drawAll(3_000, 7);
        List<GeneratedReport> population = new PopulationGenerator(INCIDENT, ChannelShape.of2022()).generate(3_000, 7, 1);

        assertThat(ids(drawn)).isEqualTo(ids(population));
        assertThat(drawn.stream().map(r -> r.report().id().value()).toList())
                .isNotEqualTo(population.stream().map(r -> r.report().id().value()).toList());
        assertThat(ids(drawAll(3_000, 7))).as("deterministic per seed").isEqualTo(ids(drawn));
        assertThat(drawAll(50, 7).stream().map(r -> r.report().id().value()).toList())
                .isEqualTo(drawAll(50, 7).stream().map(r -> r.report().id().value()).toList());
    }

    @Test
    void aRepeatReportersReportsAreSpreadOverTheWaveNotSentBackToBack() {
        List<GeneratedReport> drawn = drawAll(3_000, 11);
        int adjacentSameReporter = 0;
        for (int i = 1; i < drawn.size(); i++) {
            if (drawn.get(i).reporter() == drawn.get(i - 1).reporter()) {
                adjacentSameReporter++;
            }
        }
        long repeats = drawn.stream().collect(Collectors.groupingBy(GeneratedReport::reporter, Collectors.counting()))
                .values().stream().filter(count -> count > 1).count();
        assertThat(repeats).as("the population has repeat reporters").isGreaterThan(50);
        assertThat(adjacentSameReporter).isLessThan(10);
    }

    @Test
    void everyBodyIsJsonTheIntakesParserAcceptsWithTheCategoryMixOfTheChannel() throws Exception {
        SubmissionParser parser = new SubmissionParser(INCIDENT.services(), Clock.systemUTC());
        Set<Category> categories = new HashSet<>();
        for (GeneratedReport report : drawAll(500, 3)) {
            Map<String, Object> body = JSON.std.mapFrom(WaveReports.body(report));
            Validated<ReportSubmission> parsed = parser.parse(body);
            assertThat(parsed.isValid()).as("%s", parsed.errors()).isTrue();
            categories.add(parsed.value().category());
        }
        assertThat(categories).containsExactlyInAnyOrder(Category.values());
    }

    private static Set<String> ids(List<GeneratedReport> reports) {
        return reports.stream().map(r -> r.report().id().value()).collect(Collectors.toSet());
    }
}

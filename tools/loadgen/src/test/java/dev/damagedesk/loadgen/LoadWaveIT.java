package dev.damagedesk.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.domain.detection.DetectionState;
import dev.damagedesk.domain.surge.SurgeMode;
import dev.damagedesk.domain.surge.SurgeSwitch;
import dev.damagedesk.localaws.RepositoryRoot;
import dev.damagedesk.localruntime.LocalRuntime;
import dev.damagedesk.localruntime.RunningRuntime;
import dev.damagedesk.localruntime.RuntimeOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay in the suite: 2,000 reports of the 2022 population through the whole local runtime, over real HTTP, with
 * the public submit route throttled far below what 16 unpaced clients send and the surge controller's thresholds low
 * (template parameters, as {@code --parameter-overrides} sets them): the throttled reports are retried after their
 * Retry-After, every one is stored once with its token and acknowledged, and the controller (on its own one-minute
 * schedule, on complete minutes) switches surge mode on for the wave and off after a calm minute, which sets the test's
 * length (three to four minutes). In-process hosting: a JVM per function instance would add a cold start per
 * container on this 2-core machine for nothing this test checks (ReportJourneyIT covers the processes).
 */
class LoadWaveIT {

    static final int REPORTS = 2_000;
    static final int RATE_LIMIT = 80;
    static final int BURST_LIMIT = 10;
    /**
     * The submit route throttled far below what 16 unpaced clients send; surge mode on at 100 reports a minute, off
     * after one calm minute under 50; emails paced above the wave's rate, so that they do not set the test's length.
     */
    static final Map<String, String> OVERRIDES = Map.of(
            "PublicSubmitRateLimit", Integer.toString(RATE_LIMIT), "PublicSubmitBurstLimit", Integer.toString(BURST_LIMIT),
            "SurgeArrivalsOnPerMinute", "100", "SurgeArrivalsOffPerMinute", "50", "SurgeCalmMinutes", "1",
            "EmailSendRatePerSecond", "500");

    private static RunningRuntime runtime;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start(RuntimeOptions.defaults()
                .withRepositoryRoot(RepositoryRoot.find())
                .withPort(0)
                .withFailedMessageVisibilitySeconds(1)
                .withFunctionHosting(RuntimeOptions.FunctionHosting.IN_PROCESS)
                .withParameterOverrides(OVERRIDES));
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void aThrottledWaveIsRetriedAfterRetryAfterAndEveryAcceptedReportIsStoredOnceWithItsTokenAndAcknowledged(
            @TempDir Path out) throws Exception {
        WaveOptions options = new WaveOptions(runtime.apiBaseUri(), REPORTS, 16, Duration.ZERO, 2022, 12,
                Duration.ofMinutes(3), Duration.ofMinutes(4), out);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        LoadWave.Result result = new LoadWave(options, new PrintStream(progress, true, StandardCharsets.UTF_8), false)
                .run();
        WaveSummary summary = result.summary();
        String text = summary.text(options.url().toString(), result.csv().toString());
        System.out.println(text);

        assertThat(summary.refused().getOrDefault(429, 0L)).as("the throttle refused part of the wave").isPositive();
        assertThat(summary.refused().keySet()).as("nothing but throttling was refused").containsOnly(429);
        assertThat(summary.accepted()).as("every report accepted in the end").isEqualTo(REPORTS);
        assertThat(summary.givenUpTotal()).isZero();
        assertThat(summary.acceptedPerSecond()).as("no faster than the throttle lets through (burst + rate x time)")
                .isLessThanOrEqualTo((BURST_LIMIT + RATE_LIMIT * summary.sendSeconds()) / summary.sendSeconds() + 1e-9);
        assertThat(summary.storage().found()).isEqualTo(REPORTS);
        assertThat(summary.storage().lost()).isZero();
        assertThat(summary.storage().duplicates()).isZero();
        assertThat(summary.storage().tokenMismatches()).isZero();
        assertThat(summary.drain()).as("the queues drained").isPresent();
        assertThat(summary.emails()).as("one acknowledgement per stored report").isEqualTo(REPORTS);
        assertThat(summary.deadLetters()).isZero();
        assertThat(summary.passed()).isTrue();
        assertThat(summary.switches()).as("the surge controller switched surge mode on for the wave, then off")
                .extracting(SurgeSwitch::to).containsSubsequence(SurgeMode.SURGE, SurgeMode.NORMAL);
        assertThat(summary.switches().get(0).to()).isEqualTo(SurgeMode.SURGE);
        assertThat(result.samples()).extracting(WaveSample::surge).contains("SURGE");
        assertThat(summary.incidents()).as("the wave's sharp rise over a quiet baseline drafted one incident").hasSize(1);
        assertThat(summary.incidents().get(0).state()).isEqualTo(DetectionState.DRAFT);
        assertThat(summary.incidents().get(0).services()).as("the services the wave's reports name").isNotEmpty();

        List<String> csv = Files.readAllLines(result.csv());
        assertThat(csv.get(0)).isEqualTo(WaveSample.CSV_HEADER);
        assertThat(csv).hasSize(result.samples().size() + 1);
        assertThat(result.samples().get(result.samples().size() - 1).processed()).isEqualTo(REPORTS);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(result.svg().toFile());
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("/2,000");
    }
}

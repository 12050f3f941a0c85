package dev.damagedesk.benchmarks;

import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.policy.PolicyEngine;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.risk.IdentityKeys;
import dev.damagedesk.domain.risk.InMemoryDuplicateRegistry;
import dev.damagedesk.domain.risk.RiskAssessment;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.triage.ReportTriage;
import dev.damagedesk.domain.triage.Triage;
import dev.damagedesk.domain.validation.SubmissionFormat;
import dev.damagedesk.domain.validation.SubmissionParser;
import dev.damagedesk.replay.ChannelShape;
import dev.damagedesk.replay.GeneratedReport;
import dev.damagedesk.replay.PopulationGenerator;
import dev.damagedesk.replay.Replay2022;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The scoring path of one report, as the processor runs it, over a varied population from the replay's generator
 * (every kind of damage, service, period and reporter type of the 2022 channel, repeat reporters included), cycled
 * through so no single report stays hot:
 * <ul>
 *   <li>{@link #scoreAndTriage}: the received report → {@link PolicyEngine} decision → risk flags → duplicate
 *       claim → triage (audit sample) → its status: {@link ReportTriage#scoreAndTriage}, the processor's call;</li>
 *   <li>{@link #validateScoreAndTriage}: the same, starting from the queued submission's JSON map, validated again
 *       by {@link SubmissionParser} as the processor does;</li>
 *   <li>{@link #policyDecision}: the policy engine alone.</li>
 * </ul>
 * Throughput per thread; run single-threaded ({@code -t 1}) for the per-core figure. {@code ./bench-scoring}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScoringBenchmark {

    /** A power of two, so the next index is a mask; large enough to defeat per-report caching, small enough for L2. */
    private static final int POPULATION = 4_096;

    private Incident incident;
    private PolicyEngine policy;
    private ReportTriage triage;
    private SubmissionParser parser;
    private Report[] received;
    private ReportSubmission[] submissions;
    private Map<String, Object>[] bodies;
    private int next;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        incident = Replay2022.incident();
        policy = Replay2022.policy();
        // The duplicate registry fills on the first pass; claims are idempotent, so later passes answer the same.
        triage = new ReportTriage(RiskAssessment.withDefaults(), new InMemoryDuplicateRegistry(), Triage.withDefaults(),
                IdentityKeys.ephemeral());
        parser = new SubmissionParser(incident.services(), Clock.fixed(Instant.parse("2022-11-07T00:00:00Z"), ZoneOffset.UTC));
        List<GeneratedReport> population = new PopulationGenerator(incident, ChannelShape.of2022())
                .generate(POPULATION, 2022, 19);
        received = population.stream().map(GeneratedReport::report).toArray(Report[]::new);
        submissions = population.stream().map(generated -> generated.report().submission()).toArray(ReportSubmission[]::new);
        bodies = population.stream().map(generated -> SubmissionFormat.toMap(generated.report().submission()))
                .toArray(Map[]::new);
    }

    private int nextIndex() {
        int index = next;
        next = (index + 1) & (POPULATION - 1);
        return index;
    }

    @Benchmark
    public ReportStatus scoreAndTriage() {
        return triage.scoreAndTriage(received[nextIndex()], incident, policy, RiskAssessment.NOT_COUNTED).status();
    }

    @Benchmark
    public ReportStatus validateScoreAndTriage() {
        int index = nextIndex();
        ReportSubmission submission = parser.parse(bodies[index]).value();
        Report report = received[index];
        Report again = Report.received(report.id(), report.incidentId(), submission, report.receivedAt(), report.tokenHash());
        return triage.scoreAndTriage(again, incident, policy, RiskAssessment.NOT_COUNTED).status();
    }

    @Benchmark
    public Decision policyDecision() {
        return policy.score(submissions[nextIndex()], incident);
    }
}

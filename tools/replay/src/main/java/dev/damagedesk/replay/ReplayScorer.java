package dev.damagedesk.replay;

import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.risk.InMemoryDuplicateRegistry;
import dev.damagedesk.domain.risk.IdentityKeys;
import dev.damagedesk.domain.risk.RiskAssessment;
import dev.damagedesk.domain.scoring.CompensationPolicy;
import dev.damagedesk.domain.triage.ReportTriage;
import dev.damagedesk.domain.triage.Triage;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scores a population the way the processor scores each report ({@link ReportTriage#scoreAndTriage}: the policy's
 * decision, risk flags, the duplicate claim, triage), in the order the reports were received, on one thread, with
 * a fresh {@link InMemoryDuplicateRegistry} where the processor claims in the table. Reports per contact are counted
 * as the processor counts them: per the identity's first key (the normalised email), this report included.
 */
public final class ReplayScorer {

    private final Incident incident;
    private final CompensationPolicy policy;
    private final RiskAssessment risk;
    private final Triage triage;

    public ReplayScorer(Incident incident, CompensationPolicy policy, RiskAssessment risk, Triage triage) {
        this.incident = Objects.requireNonNull(incident, "incident");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.risk = Objects.requireNonNull(risk, "risk");
        this.triage = Objects.requireNonNull(triage, "triage");
    }

    /** @param table receives every report, generated and triaged, and the time scoring took */
    public ReplayTable score(List<GeneratedReport> population, ReplayTable table) {
        // The keys live in this run's memory only: a fresh secret per run, as good as the processor's for counting.
        IdentityKeys identityKeys = IdentityKeys.ephemeral();
        ReportTriage reportTriage = new ReportTriage(risk, new InMemoryDuplicateRegistry(), triage, identityKeys);
        Map<String, Integer> reportsPerKey = new HashMap<>();
        Report[] triaged = new Report[population.size()];
        long start = System.nanoTime();
        for (int i = 0; i < triaged.length; i++) {
            Report received = population.get(i).report();
            String emailKey = identityKeys.emailKey(received.submission().reporter().email());
            int fromContact = reportsPerKey.merge(emailKey, 1, Integer::sum);
            triaged[i] = reportTriage.scoreAndTriage(received, incident, policy, fromContact);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        for (int i = 0; i < triaged.length; i++) {
            table.add(population.get(i), triaged[i]);
        }
        table.scoringTime(elapsed);
        return table;
    }
}

package dev.damagedesk.replay;

import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.policy.PolicyEngine;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.risk.RiskAssessment;
import dev.damagedesk.domain.risk.RiskFlag;
import dev.damagedesk.domain.triage.AuditSample;
import dev.damagedesk.domain.triage.Triage;
import dev.damagedesk.domain.triage.TriageReason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReplayTableTest {

    private static final int SIZE = 20_000;

    private static Incident incident;
    private static PolicyEngine policy;
    private static List<GeneratedReport> population;
    private static ReplayTable table;

    @BeforeAll
    static void scoreAPopulation() {
        incident = Replay2022.incident();
        policy = Replay2022.policy();
        population = new PopulationGenerator(incident, ChannelShape.of2022()).generate(SIZE, 2022, 19);
        table = score(population, Triage.withDefaults());
    }

    private static ReplayTable score(List<GeneratedReport> reports, Triage triage) {
        return new ReplayScorer(incident, policy, RiskAssessment.withDefaults(), triage)
                .score(reports, new ReplayTable(ChannelShape.of2022(), policy.version()));
    }

    @Test
    void everyCountSumsToThePopulation() {
        assertThat(table.population()).isEqualTo(SIZE);
        assertThat(table.rules().values().stream().mapToInt(ReplayTable.RuleRow::reports).sum()).isEqualTo(SIZE);
        assertThat(table.statuses().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(SIZE);
        assertThat(table.reasons().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(SIZE);
        assertThat(table.categories().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(SIZE);
        assertThat(table.reporterTypes().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(SIZE);
        assertThat(table.manual() + table.statuses().get(ReportStatus.AUTO_APPROVED)).isEqualTo(SIZE);
        assertThat(table.statuses().keySet())
                .containsOnly(ReportStatus.AUTO_APPROVED, ReportStatus.NEEDS_REVIEW, ReportStatus.NEEDS_DOCUMENTS);
    }

    @Test
    void theRulesRowsAddUpToWhatTheDecisionsGive() {
        assertThat(table.totalKrw()).isEqualTo(table.rules().values().stream().mapToLong(ReplayTable.RuleRow::amountKrw).sum());
        assertThat(table.totalKrw()).isPositive();
        assertThat(table.rules()).containsKeys("no-monetary-damage.recorded", "paid-subscription.extension-3x",
                "failed-purchase.refund", "free-service.up-to-cap", "business-loss.band-300k", "business-loss.band-500k",
                "business-loss.manual-review", "duplicate.already-reported", "eligibility.outside-outage-window");
        assertThat(table.rules().get("paid-subscription.extension-3x").extensionMinutes()).isPositive();
        assertThat(table.rules().get("duplicate.already-reported").amountKrw()).isZero();
        assertThat(table.rules().get("business-loss.band-300k").amountKrw())
                .isEqualTo(30_000L * table.rules().get("business-loss.band-300k").reports());
        table.rules().values().forEach(row -> assertThat(row.autoApproved()).isLessThanOrEqualTo(row.reports()));
    }

    @Test
    void duplicatesAreTheResubmissionsTheIdentityLinks() {
        assertThat(table.duplicates()).isEqualTo(table.rules().get("duplicate.already-reported").reports());
        assertThat(table.duplicates()).isEqualTo(table.reasons().get(TriageReason.DUPLICATE));
        assertThat(table.duplicates()).isPositive().isLessThanOrEqualTo(table.resubmissions());
        assertThat(table.duplicates() / (double) table.resubmissions()).isGreaterThan(0.85);
    }

    @Test
    void routesAboutOneReportInFiveToAPerson_theAuditSampleTakingFivePercent() {
        assertThat(table.manual() / (double) SIZE).isBetween(0.10, 0.35);
        int audit = table.reasons().get(TriageReason.AUDIT_SAMPLE);
        int auto = table.reasons().get(TriageReason.AUTO_APPROVED);
        assertThat(audit / (double) (audit + auto)).isCloseTo(0.05, within(0.01));
        assertThat(table.flags()).containsKeys(RiskFlag.values());
    }

    @Test
    void withoutAnAuditSampleNothingIsSampled() {
        ReplayTable unsampled = score(population.subList(0, 2_000), new Triage(AuditSample.none()));
        assertThat(unsampled.reasons()).doesNotContainKey(TriageReason.AUDIT_SAMPLE);
    }

    @Test
    void theSameSeedPrintsTheSameTable() {
        List<GeneratedReport> again = new PopulationGenerator(Replay2022.incident(), ChannelShape.of2022())
                .generate(SIZE, 2022, 19);
        assertThat(score(again, Triage.withDefaults()).render()).isEqualTo(table.render());
    }

    @Test
    void rendersEveryRuleTheTotalsAndTheThroughput() {
        String rendered = table.render();
        table.rules().keySet().forEach(rule -> assertThat(rendered).contains(rule));
        assertThat(rendered)
                .contains("Population: 20,000 reports")
                .contains("  total ")
                .contains("20,000  100.0 %")
                .contains("NEEDS_DOCUMENTS")
                .contains("audit-sample")
                .contains("window-contradicts-ledger");
        assertThat(table.renderThroughput()).matches("Scoring: 20,000 reports in \\d+\\.\\d\\d s on one thread, [\\d,]+ reports/s .*\\R");
    }

    @Test
    void aTableOfOneReport() {
        ReplayTable one = new ReplayTable(ChannelShape.of2022(), policy.version());
        GeneratedReport generated = population.get(0);
        Report triaged = Report.received(generated.report().id(), generated.report().incidentId(),
                generated.report().submission(), generated.report().receivedAt(), generated.report().tokenHash());
        Report scored = new dev.damagedesk.domain.triage.ReportTriage(RiskAssessment.withDefaults(),
                new dev.damagedesk.domain.risk.InMemoryDuplicateRegistry(), new Triage(AuditSample.none()),
                dev.damagedesk.domain.risk.IdentityKeys.ephemeral())
                .scoreAndTriage(triaged, incident, policy, 1);
        one.add(generated, scored);
        one.scoringTime(Duration.ofMillis(2));
        assertThat(one.population()).isOne();
        assertThat(one.rules()).containsOnlyKeys(scored.decision().ruleId());
        assertThat(one.rules().get(scored.decision().ruleId()).reports()).isOne();
        assertThat(one.renderThroughput()).startsWith("Scoring: 1 reports in 0.00 s on one thread, 500 reports/s");
        assertThat(new ReplayTable(ChannelShape.of2022(), policy.version()).renderThroughput()).isEmpty();
    }
}

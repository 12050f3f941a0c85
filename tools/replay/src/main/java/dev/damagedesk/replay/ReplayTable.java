package dev.damagedesk.replay;

import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.report.ReporterType;
import dev.damagedesk.domain.risk.RiskFlag;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.triage.TriageReason;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The tally of a scored population: what was generated (kinds of damage, reporter types, periods, repeat
 * reporters), the decisions per rule (reports, KRW, extension hours), where triage sent the reports and why,
 * duplicates, risk flags and how fast it was scored. {@link #render()} prints it as the replay's table.
 */
public final class ReplayTable {

    /** One rule's line: how many reports it decided and what they were given. */
    public record RuleRow(int reports, long amountKrw, long extensionMinutes, long extensionValueKrw, int autoApproved,
                          long autoApprovedKrw) {

        static final RuleRow EMPTY = new RuleRow(0, 0, 0, 0, 0, 0);

        RuleRow plus(Decision decision, boolean auto) {
            return new RuleRow(reports + 1, amountKrw + decision.amountKrw(), extensionMinutes + decision.extensionMinutes(),
                    extensionValueKrw + decision.extensionValueKrw(), autoApproved + (auto ? 1 : 0),
                    autoApprovedKrw + (auto ? decision.amountKrw() : 0));
        }
    }

    private final ChannelShape shape;
    private final Map<Category, Double> expectedShares;
    private final String policyVersion;

    private int population;
    private final Map<Category, Integer> categories = new EnumMap<>(Category.class);
    private final Map<ReporterType, Integer> reporterTypes = new EnumMap<>(ReporterType.class);
    private final Map<WindowKind, Integer> windows = new EnumMap<>(WindowKind.class);
    private final BitSet reporters = new BitSet();
    private int fromEarlierReporters;
    private int inFirstDays;
    private int resubmissions;
    private final SortedMap<String, RuleRow> rules = new TreeMap<>();
    private final Map<ReportStatus, Integer> statuses = new EnumMap<>(ReportStatus.class);
    private final Map<TriageReason, Integer> reasons = new EnumMap<>(TriageReason.class);
    private final Map<RiskFlag, Integer> flags = new EnumMap<>(RiskFlag.class);
    private int flagged;
    private int duplicates;
    private final Set<String> firstReportsOfDuplicates = new HashSet<>();
    private Duration scoringTime;

    /**
     * @param shape         the shape the population was generated from: its expected shares are printed beside
     *                      the generated ones
     * @param policyVersion the policy the reports were scored under
     */
    public ReplayTable(ChannelShape shape, String policyVersion) {
        this.shape = Objects.requireNonNull(shape, "shape");
        this.expectedShares = shape.expectedCategoryShares();
        this.policyVersion = Objects.requireNonNull(policyVersion, "policyVersion");
    }

    /** Counts one report: as generated, and as the domain triaged it. */
    public void add(GeneratedReport generated, Report triaged) {
        population++;
        var submission = generated.report().submission();
        categories.merge(submission.category(), 1, Integer::sum);
        reporterTypes.merge(submission.reporterType(), 1, Integer::sum);
        windows.merge(generated.window(), 1, Integer::sum);
        if (generated.report().receivedAt().isBefore(
                shape.channelOpened().plusDays(shape.firstDays()).atStartOfDay().toInstant(ZoneOffset.ofHours(9)))) {
            inFirstDays++;
        }
        if (reporters.get(generated.reporter())) {
            fromEarlierReporters++;
        }
        reporters.set(generated.reporter());
        if (generated.repeatsService()) {
            resubmissions++;
        }

        Decision decision = triaged.decision();
        boolean auto = triaged.status() == ReportStatus.AUTO_APPROVED;
        rules.put(decision.ruleId(), rules.getOrDefault(decision.ruleId(), RuleRow.EMPTY).plus(decision, auto));
        statuses.merge(triaged.status(), 1, Integer::sum);
        if (triaged.triageReason() != null) {
            reasons.merge(triaged.triageReason(), 1, Integer::sum);
        }
        triaged.riskFlags().forEach(flag -> flags.merge(flag, 1, Integer::sum));
        if (!triaged.riskFlags().isEmpty()) {
            flagged++;
        }
        triaged.duplicate().ifPresent(first -> {
            duplicates++;
            firstReportsOfDuplicates.add(first.value());
        });
    }

    /** How long scoring took, for the throughput line. */
    public void scoringTime(Duration elapsed) {
        this.scoringTime = Objects.requireNonNull(elapsed, "elapsed");
    }

    public int population() {
        return population;
    }

    /** Per rule id, sorted. */
    public SortedMap<String, RuleRow> rules() {
        return Collections.unmodifiableSortedMap(rules);
    }

    public Map<ReportStatus, Integer> statuses() {
        return Collections.unmodifiableMap(statuses);
    }

    public Map<TriageReason, Integer> reasons() {
        return Collections.unmodifiableMap(reasons);
    }

    public Map<Category, Integer> categories() {
        return Collections.unmodifiableMap(categories);
    }

    public Map<ReporterType, Integer> reporterTypes() {
        return Collections.unmodifiableMap(reporterTypes);
    }

    public Map<RiskFlag, Integer> flags() {
        return Collections.unmodifiableMap(flags);
    }

    /** Reports linked to an earlier report of the same reporter identity and service. */
    public int duplicates() {
        return duplicates;
    }

    /** Reports the generator made about a service their reporter had already reported. */
    public int resubmissions() {
        return resubmissions;
    }

    /** Reports sent to a person: {@code NEEDS_REVIEW} or {@code NEEDS_DOCUMENTS}. */
    public int manual() {
        return count(statuses, ReportStatus.NEEDS_REVIEW) + count(statuses, ReportStatus.NEEDS_DOCUMENTS);
    }

    public long totalKrw() {
        return rules.values().stream().mapToLong(RuleRow::amountKrw).sum();
    }

    /** The table; the same population always renders the same text (the throughput is {@link #renderThroughput()}). */
    public String render() {
        StringBuilder out = new StringBuilder();
        population(out);
        out.append('\n');
        decisions(out);
        out.append('\n');
        triage(out);
        out.append('\n');
        line(out, "Duplicates: %s reports (%s) linked to an earlier report of the same reporter and service, paid nothing;",
                number(duplicates), percent(duplicates));
        line(out, "  %s first reports have duplicates. Of the population's %s re-submissions, %s were not linked: sent",
                number(firstReportsOfDuplicates.size()), number(resubmissions), number(resubmissions - duplicates));
        line(out, "  from another address with no phone number, they share no identity key with the first report.");
        line(out, "Risk flags: %s reports flagged (%s); a report can carry several:", number(flagged), percent(flagged));
        line(out, "  %s", List.of(RiskFlag.values()).stream()
                .map(flag -> flag.code() + " " + number(count(flags, flag)))
                .collect(Collectors.joining(", ")));
        return out.toString();
    }

    /** The scoring time and throughput; empty when no time was recorded. */
    public String renderThroughput() {
        if (scoringTime == null) {
            return "";
        }
        double seconds = scoringTime.toNanos() / 1e9;
        return String.format(Locale.US,
                "Scoring: %s reports in %.2f s on one thread, %s reports/s (policy, risk flags, duplicate claims, triage)%n",
                number(population), seconds, number(Math.round(population / seconds)));
    }

    // ------------------------------------------------------------------ sections

    private void population(StringBuilder out) {
        line(out, "Population: %s reports from %s reporters, %s received in the first %d days",
                number(population), number(reporters.cardinality()), percent(inFirstDays), shape.firstDays());
        line(out, "  %-28s %9s %8s %9s", "kind of damage", "reports", "share", "expected");
        for (Category category : Category.values()) {
            int count = count(categories, category);
            line(out, "  %-28s %9s %8s %9s", category.code(), number(count), percent(count),
                    String.format(Locale.US, "%.1f %%", 100 * expectedShares.getOrDefault(category, 0.0)));
        }
        line(out, "  reporter type: %s", List.of(ReporterType.values()).stream()
                .map(type -> type.code() + " " + percent(count(reporterTypes, type)))
                .collect(Collectors.joining(", ")));
        line(out, "  reported period against the ledger: %s", List.of(WindowKind.values()).stream()
                .map(kind -> kind.label() + " " + percent(count(windows, kind)))
                .collect(Collectors.joining(", ")));
        line(out, "  repeat reporters: %s reports (%s) from someone who had reported before, %s of them about the same service",
                number(fromEarlierReporters), percent(fromEarlierReporters), number(resubmissions));
    }

    private void decisions(StringBuilder out) {
        String format = "  %-38s %9s %8s %16s %12s %14s";
        line(out, "Decisions by rule (policy %s)", policyVersion);
        line(out, format, "rule", "reports", "share", "KRW", "extension h", "auto-approved");
        int reports = 0;
        long krw = 0;
        long minutes = 0;
        long worth = 0;
        int auto = 0;
        long autoKrw = 0;
        for (Map.Entry<String, RuleRow> entry : rules.entrySet()) {
            RuleRow row = entry.getValue();
            line(out, format, entry.getKey(), number(row.reports()), percent(row.reports()), number(row.amountKrw()),
                    row.extensionMinutes() == 0 ? "" : number(Math.round(row.extensionMinutes() / 60.0)),
                    number(row.autoApproved()));
            reports += row.reports();
            krw += row.amountKrw();
            minutes += row.extensionMinutes();
            worth += row.extensionValueKrw();
            auto += row.autoApproved();
            autoKrw += row.autoApprovedKrw();
        }
        line(out, format, "total", number(reports), percent(reports), number(krw), number(Math.round(minutes / 60.0)),
                number(auto));
        line(out, "  KRW: the money the decisions give, %s KRW of it auto-approved (paid without a person), the rest",
                number(autoKrw));
        line(out, "  after review. The extensions are worth %s KRW at the fees stated. A duplicate is given nothing.",
                number(worth));
    }

    private void triage(StringBuilder out) {
        line(out, "Triage");
        for (ReportStatus status : List.of(ReportStatus.AUTO_APPROVED, ReportStatus.NEEDS_REVIEW, ReportStatus.NEEDS_DOCUMENTS)) {
            line(out, "  %-28s %9s %8s", status.name(), number(count(statuses, status)), percent(count(statuses, status)));
        }
        int manual = manual();
        line(out, "  %-28s %9s %8s   by reason:", "to a person (both above)", number(manual), percent(manual));
        for (TriageReason reason : TriageReason.values()) {
            if (reason == TriageReason.AUTO_APPROVED) {
                continue;
            }
            int count = count(reasons, reason);
            line(out, "    %-26s %9s %8s", reason.code(), number(count), percent(count));
        }
        int audit = count(reasons, TriageReason.AUDIT_SAMPLE);
        int wouldBeAuto = audit + count(reasons, TriageReason.AUTO_APPROVED);
        line(out, "  the audit sample took %s of the %s reports that would otherwise be auto-approved",
                wouldBeAuto == 0 ? "0 %" : String.format(Locale.US, "%.2f %%", 100.0 * audit / wouldBeAuto),
                number(wouldBeAuto));
    }

    // ------------------------------------------------------------------ formatting

    private static <K> int count(Map<K, Integer> counts, K key) {
        return counts.getOrDefault(key, 0);
    }

    private String percent(long count) {
        return population == 0 ? "-" : String.format(Locale.US, "%.1f %%", 100.0 * count / population);
    }

    private static String number(long value) {
        return String.format(Locale.US, "%,d", value);
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.US, format, args)).append('\n');
    }
}

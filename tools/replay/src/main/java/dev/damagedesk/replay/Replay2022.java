package dev.damagedesk.replay;

import dev.damagedesk.adapters.incident.IncidentCatalog;
import dev.damagedesk.adapters.incident.PolicyCatalog;
import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.incident.IncidentDocument;
import dev.damagedesk.domain.policy.PolicyEngine;
import dev.damagedesk.domain.risk.RiskAssessment;
import dev.damagedesk.domain.triage.Triage;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The 2022 replay: generates a channel's worth of reports shaped like the 2022 one ({@link ChannelShape#of2022()}),
 * scores every report through the domain under the bundled policy v1 (risk flags, duplicates, triage with the 5%
 * audit sample) and prints the table. {@code ./replay-2022 [--reports N] [--seed S] [--days D]}.
 */
public final class Replay2022 {

    static final String USAGE = """
            Usage: ./replay-2022 [--reports N] [--seed S] [--days D]
              --reports N  reports to generate (default 105116, the 2022 channel's total)
              --seed S     random seed; the same seed gives the same population and table (default 2022)
              --days D     days the channel was open (default 19)""";

    /** The command's options. */
    record Options(int reports, long seed, int days) {

        static final Options DEFAULTS = new Options(105_116, 2022, 19);

        static Options parse(String... args) {
            int reports = DEFAULTS.reports;
            long seed = DEFAULTS.seed;
            int days = DEFAULTS.days;
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option.startsWith("--") && !option.equals("--help")
                            ? option + " needs a value" : "unknown option " + option);
                }
                String value = args[++i];
                try {
                    switch (option) {
                        case "--reports" -> reports = Integer.parseInt(value.replace("_", "").replace(",", ""));
                        case "--seed" -> seed = Long.parseLong(value);
                        case "--days" -> days = Integer.parseInt(value);
                        default -> throw new IllegalArgumentException("unknown option " + option);
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(option + " needs a whole number, got '" + value + "'");
                }
            }
            if (reports < 1 || days < 1) {
                throw new IllegalArgumentException("--reports and --days must be at least 1");
            }
            return new Options(reports, seed, days);
        }
    }

    private Replay2022() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("replay-2022: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        run(options, out);
    }

    /** The 2022-10-15 incident and its outage ledger, as bundled with the functions. */
    public static Incident incident() {
        return new IncidentCatalog().get(IncidentDocument.INCIDENT_2022_10_15_ID);
    }

    /** The engine of the bundled policy v1 of the 2022-10-15 incident, the one the 2022 channel was scored under. */
    public static PolicyEngine policy() {
        return new PolicyEngine(new PolicyCatalog().get(IncidentDocument.INCIDENT_2022_10_15_ID, 1));
    }

    static void run(Options options, PrintStream out) {
        String incidentId = IncidentDocument.INCIDENT_2022_10_15_ID;
        Incident incident = incident();
        PolicyEngine policy = policy();
        ChannelShape shape = ChannelShape.of2022();

        long generating = System.nanoTime();
        List<GeneratedReport> population = new PopulationGenerator(incident, shape)
                .generate(options.reports(), options.seed(), options.days());
        double generatedIn = (System.nanoTime() - generating) / 1e9;

        ReplayTable table = new ReplayScorer(incident, policy, RiskAssessment.withDefaults(), Triage.withDefaults())
                .score(population, new ReplayTable(shape, policy.version()));

        out.printf(Locale.US, "DamageDesk 2022 replay: incident %s, %,d reports over %d days, seed %d%n%n",
                incidentId, options.reports(), options.days(), options.seed());
        out.print(table.render());
        out.printf(Locale.US, "Generating: %,d reports in %.2f s%n", population.size(), generatedIn);
        out.print(table.renderThroughput());
    }
}

package dev.damagedesk.throughputbench;

import dev.damagedesk.localruntime.RuntimeOptions.FunctionHosting;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command line of {@code ./bench-throughput}.
 *
 * @param reports            reports per phase (raw calls, intake, drain)
 * @param clients            concurrent callers of every phase
 * @param parameterOverrides template parameters for the local runtime, e.g. route throttles above what the bench sends
 * @param hosting            how the runtime hosts the functions: processes (as {@code ./run-local}) or in-process
 * @param warmUp             reports through the API (and calls of each raw kind) before anything is measured, so that
 *                           the rates are those of warm containers
 */
record BenchOptions(int reports, int clients, Map<String, String> parameterOverrides, FunctionHosting hosting,
                    int warmUp) {

    static final int DEFAULT_REPORTS = 3000;
    static final int DEFAULT_CLIENTS = 16;
    static final int DEFAULT_WARM_UP = 2000;

    BenchOptions {
        if (reports < 1 || clients < 1) {
            throw new IllegalArgumentException("--reports and --clients must be at least 1");
        }
        if (warmUp < 0) {
            throw new IllegalArgumentException("--warm-up cannot be negative");
        }
        parameterOverrides = Map.copyOf(parameterOverrides);
    }

    static BenchOptions parse(String[] args) {
        int reports = DEFAULT_REPORTS;
        int clients = DEFAULT_CLIENTS;
        Map<String, String> overrides = new LinkedHashMap<>();
        FunctionHosting hosting = FunctionHosting.PROCESSES;
        int warmUp = DEFAULT_WARM_UP;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--reports" -> reports = Integer.parseInt(value);
                case "--clients" -> clients = Integer.parseInt(value);
                case "--functions" -> hosting = FunctionHosting.parse(value);
                case "--warm-up" -> warmUp = Integer.parseInt(value);
                case "--parameter-overrides" -> {
                    for (String pair : value.split(",")) {
                        int equals = pair.indexOf('=');
                        if (equals < 1) {
                            throw new IllegalArgumentException("--parameter-overrides takes K=V[,K=V], not " + pair);
                        }
                        overrides.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
                    }
                }
                default -> throw new IllegalArgumentException("Unknown option " + option);
            }
        }
        return new BenchOptions(reports, clients, overrides, hosting, warmUp);
    }
}

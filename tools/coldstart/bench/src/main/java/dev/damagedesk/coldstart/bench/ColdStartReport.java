package dev.damagedesk.coldstart.bench;

import dev.damagedesk.localruntime.function.process.ColdStart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's table: per target its artifact size, the median and p90 of process start to first response and of
 * Lambda's Init Duration, and the median of its run-by-run ratios to each baseline (a ratio of two times measured in
 * the same run, so that a slow moment of the machine slows both).
 */
final class ColdStartReport {

    /** The targets: a cold start at most 0.7x the naive floor's, an artifact of at most 8 MB. */
    static final double FLOOR_RATIO_TARGET = 0.7;
    static final long ARTIFACT_BYTES_TARGET = 8L * 1024 * 1024;

    private final Map<String, List<ColdStart.Result>> results;
    private final Map<String, ColdStartBenchmark.Target> targets;

    ColdStartReport(Map<String, List<ColdStart.Result>> results, Map<String, ColdStartBenchmark.Target> targets) {
        this.results = results;
        this.targets = targets;
    }

    String table(String floor, String hello, String sample) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-26s %8s %9s %9s %9s %9s %9s %9s  %s%n", "target", "jar MB",
                "first ms", "p90 ms", "init ms", "x floor", "x hello", "x sample", "answer, targets (<= 0.7x floor, <= 8 MB)"));
        for (String name : results.keySet()) {
            boolean baseline = name.equals(floor) || name.equals(hello) || name.equals(sample);
            long bytes = size(targets.get(name));
            double floorRatio = pairedRatio(name, floor);
            String verdict = answer(results.get(name).get(0).response()) + (baseline ? ", baseline"
                    : (floorRatio <= FLOOR_RATIO_TARGET ? ", time ok" : ", time OVER")
                    + (bytes <= ARTIFACT_BYTES_TARGET ? ", size ok" : ", size OVER"));
            out.append(String.format(Locale.ROOT, "%-26s %8.2f %9.0f %9.0f %9.0f %9.2f %9.2f %9.2f  %s%n", name,
                    bytes / 1024.0 / 1024.0, percentile(name, ColdStart.Result::processStartToFirstResponse, 50),
                    percentile(name, ColdStart.Result::processStartToFirstResponse, 90),
                    percentile(name, ColdStart.Result::initDuration, 50), floorRatio, pairedRatio(name, hello),
                    pairedRatio(name, sample), verdict));
        }
        out.append("answer: the first run's HTTP status or SQS batch item failures (the processor's fixture\n")
                .append("holds one poison message, the staff job's page names no job).\n")
                .append("first ms: process start to first response (median); p90 of the same; init ms: Lambda's Init Duration\n")
                .append("(process start to the runtime's first next-invocation call, median); x floor/hello/sample: median of\n")
                .append("the run-by-run ratios of first ms to that baseline's in the same run.\n");
        return out.toString();
    }

    private static final Pattern STATUS = Pattern.compile("\"statusCode\"\\s*:\\s*(\\d+)");
    private static final Pattern FAILED_ITEM = Pattern.compile("\"itemIdentifier\"");

    /** What the function answered, so that a cold start that failed its work is seen: an HTTP status or batch failures. */
    static String answer(String response) {
        Matcher status = STATUS.matcher(response);
        if (status.find()) {
            return "HTTP " + status.group(1);
        }
        if (response.contains("batchItemFailures")) {
            long failed = FAILED_ITEM.matcher(response).results().count();
            return failed + " batch item failure" + (failed == 1 ? "" : "s");
        }
        return response.length() > 20 ? response.substring(0, 20) + "..." : response;
    }

    private double percentile(String name, Function<ColdStart.Result, Duration> what, int percentile) {
        List<Double> values = new ArrayList<>(results.get(name).stream().map(result -> what.apply(result).toNanos() / 1e6).toList());
        return percentileOf(values, percentile);
    }

    private double pairedRatio(String name, String baseline) {
        List<ColdStart.Result> ofTarget = results.get(name);
        List<ColdStart.Result> ofBaseline = results.get(baseline);
        List<Double> ratios = new ArrayList<>();
        for (int run = 0; run < ofTarget.size(); run++) {
            ratios.add((double) ofTarget.get(run).processStartToFirstResponse().toNanos()
                    / ofBaseline.get(run).processStartToFirstResponse().toNanos());
        }
        return percentileOf(ratios, 50);
    }

    /** Nearest rank: the smallest value with at least {@code percentile}% of the values at or below it. */
    static double percentileOf(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static long size(ColdStartBenchmark.Target target) {
        try {
            return Files.size(target.artifact());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

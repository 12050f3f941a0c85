package dev.damagedesk.localaws.lambda;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * For handler tests: every line written to standard output while it is open (the functions' JSON log lines and
 * Embedded Metric Format documents, as CloudWatch Logs would receive them), still passed on to the real output.
 * Writers must write through {@code System.out} as it is at the time (log4j2's Console appender with
 * {@code follow="true"}, the EMF library's console sink).
 */
public final class CapturedOutput implements AutoCloseable {

    private final PrintStream original;
    private final List<String> lines = new ArrayList<>();
    private final OutputLines splitter = new OutputLines(lines::add);

    private CapturedOutput() {
        this.original = System.out;
        System.setOut(OutputLines.tee(original, (bytes, offset, length) -> {
            synchronized (lines) {
                splitter.write(bytes, offset, length);
            }
        }));
    }

    public static CapturedOutput start() {
        return new CapturedOutput();
    }

    /** Every complete line so far. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The lines that are JSON objects, parsed. */
    public List<Map<String, Object>> jsonLines() {
        List<Map<String, Object>> parsed = new ArrayList<>();
        for (String line : lines()) {
            if (line.startsWith("{")) {
                try {
                    parsed.add(JSON.std.mapFrom(line));
                } catch (IOException notJson) {
                    // a line that merely starts with a brace
                }
            }
        }
        return parsed;
    }

    /** The log events (JSON lines with a {@code level}). */
    public List<Map<String, Object>> logEvents() {
        return jsonLines().stream().filter(line -> line.containsKey("level")).toList();
    }

    /** The Embedded Metric Format documents (JSON lines with the {@code _aws} metadata). */
    public List<Map<String, Object>> metricDocuments() {
        return jsonLines().stream().filter(line -> line.containsKey("_aws")).toList();
    }

    /** The Embedded Metric Format documents that carry the metric {@code name}. */
    public List<Map<String, Object>> metricDocuments(String name) {
        return metricDocuments().stream().filter(document -> directive(document).get("Metrics") instanceof List<?> metrics
                && metrics.stream().anyMatch(metric -> metric instanceof Map<?, ?> m && name.equals(m.get("Name"))))
                .toList();
    }

    /** A document's (first) metric directive: its {@code Namespace}, {@code Dimensions} and {@code Metrics}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> directive(Map<String, Object> document) {
        Map<String, Object> aws = (Map<String, Object>) document.get("_aws");
        return ((List<Map<String, Object>>) aws.get("CloudWatchMetrics")).get(0);
    }

    @Override
    public void close() {
        System.out.flush();
        System.setOut(original);
    }
}

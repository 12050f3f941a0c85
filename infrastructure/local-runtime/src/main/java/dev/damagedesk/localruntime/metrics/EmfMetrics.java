package dev.damagedesk.localruntime.metrics;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.damagedesk.localruntime.function.FunctionLogLines;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What CloudWatch would make of the functions' Embedded Metric Format documents, for the last minute: every
 * document a function writes (one JSON line with {@code _aws.CloudWatchMetrics}) adds its values to one series per
 * metric and dimension set, at the document's timestamp; {@link #lastMinute} sums them up for {@code /health}.
 * Other lines are ignored, and so is a document CloudWatch would reject (it is the function's log, not a metric).
 */
public final class EmfMetrics implements FunctionLogLines {

    /** What {@code /health} shows: the figures of the last minute, as CloudWatch's 1-minute period would. */
    public static final Duration WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private final Map<Series, Deque<Sample>> series = new TreeMap<>();

    public EmfMetrics(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One metric in one namespace under one set of dimension values, e.g. ReportsRefused with Reason=required. */
    record Series(String namespace, String name, String unit, Map<String, String> dimensions)
            implements Comparable<Series> {

        @Override
        public int compareTo(Series other) {
            int byName = (namespace + "/" + name).compareTo(other.namespace + "/" + other.name);
            return byName != 0 ? byName : dimensions.toString().compareTo(other.dimensions.toString());
        }
    }

    private record Sample(long timestampMillis, double value, String function) {
    }

    @Override
    public void line(String functionName, String line) {
        if (!line.startsWith("{") || !line.contains("\"_aws\"")) {
            return;
        }
        Map<String, Object> document;
        try {
            document = JSON.std.mapFrom(line);
        } catch (IOException | RuntimeException notJson) {
            return;
        }
        if (!(document.get("_aws") instanceof Map<?, ?> aws) || !(aws.get("CloudWatchMetrics") instanceof List<?> directives)) {
            return;
        }
        long timestamp = aws.get("Timestamp") instanceof Number stamp ? stamp.longValue() : clock.millis();
        List<Map.Entry<Series, List<Double>>> parsed = new ArrayList<>();
        for (Object directive : directives) {
            if (directive instanceof Map<?, ?> metricDirective) {
                parsed.addAll(seriesOf(metricDirective, document));
            }
        }
        synchronized (this) {
            for (Map.Entry<Series, List<Double>> entry : parsed) {
                Deque<Sample> samples = series.computeIfAbsent(entry.getKey(), key -> new ArrayDeque<>());
                entry.getValue().forEach(value -> samples.addLast(new Sample(timestamp, value, functionName)));
            }
            prune();
        }
    }

    /** Every metric of the directive under each of its dimension sets, with the values the document gives it. */
    private static List<Map.Entry<Series, List<Double>>> seriesOf(Map<?, ?> directive, Map<String, Object> document) {
        if (!(directive.get("Namespace") instanceof String namespace) || !(directive.get("Metrics") instanceof List<?> metrics)) {
            return List.of();
        }
        List<Map<String, String>> dimensionSets = new ArrayList<>();
        if (directive.get("Dimensions") instanceof List<?> sets) {
            for (Object set : sets) {
                Map<String, String> values = new TreeMap<>();
                if (set instanceof List<?> names) {
                    for (Object name : names) {
                        if (document.get(String.valueOf(name)) instanceof String value) {
                            values.put(String.valueOf(name), value);
                        }
                    }
                }
                dimensionSets.add(values);
            }
        }
        if (dimensionSets.isEmpty()) {
            dimensionSets.add(Map.of());
        }
        List<Map.Entry<Series, List<Double>>> found = new ArrayList<>();
        for (Object metric : metrics) {
            if (!(metric instanceof Map<?, ?> definition) || !(definition.get("Name") instanceof String name)) {
                continue;
            }
            String unit = definition.get("Unit") instanceof String given ? given : "None";
            List<Double> values = valuesOf(document.get(name));
            for (Map<String, String> dimensions : dimensionSets) {
                found.add(Map.entry(new Series(namespace, name, unit, Map.copyOf(dimensions)), values));
            }
        }
        return found;
    }

    private static List<Double> valuesOf(Object member) {
        if (member instanceof Number number) {
            return List.of(number.doubleValue());
        }
        List<Double> values = new ArrayList<>();
        if (member instanceof List<?> list) {
            list.stream().filter(Number.class::isInstance).forEach(value -> values.add(((Number) value).doubleValue()));
        }
        return values;
    }

    private void prune() {
        long oldest = clock.millis() - WINDOW.toMillis();
        series.values().forEach(samples -> {
            while (!samples.isEmpty() && samples.peekFirst().timestampMillis() < oldest) {
                samples.pollFirst();
            }
        });
        series.values().removeIf(Deque::isEmpty);
    }

    /**
     * The last minute's figures, one entry per series with values: namespace, name, unit, dimensions, the number of
     * values ({@code samples}), their {@code sum}, {@code min} and {@code max}, and the functions that wrote them.
     */
    public synchronized Map<String, Object> lastMinute() {
        prune();
        List<Map<String, Object>> figures = new ArrayList<>();
        series.forEach((key, samples) -> {
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            TreeSet<String> functions = new TreeSet<>();
            for (Sample sample : samples) {
                sum += sample.value();
                min = Math.min(min, sample.value());
                max = Math.max(max, sample.value());
                functions.add(sample.function());
            }
            Map<String, Object> figure = new LinkedHashMap<>();
            figure.put("namespace", key.namespace());
            figure.put("name", key.name());
            figure.put("unit", key.unit());
            figure.put("dimensions", new TreeMap<>(key.dimensions()));
            figure.put("samples", samples.size());
            figure.put("sum", sum);
            figure.put("min", min);
            figure.put("max", max);
            figure.put("functions", List.copyOf(functions));
            figures.add(figure);
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("windowSeconds", WINDOW.toSeconds());
        answer.put("series", figures);
        return answer;
    }
}

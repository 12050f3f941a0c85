package dev.damagedesk.loadgen;

import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The wave's time series as a hand-written SVG: on top, arrivals (202s), processing and emails per second (each over
 * a sliding window of a few samples, so that one-second jitter does not hide the shape); below, the intake queue's
 * depth. Stretches in surge mode are shaded in both.
 */
public final class WaveChart {

    static final int WIDTH = 960;
    static final int PANEL_HEIGHT = 220;
    static final int LEFT = 70;
    static final int RIGHT = 20;
    static final int TOP = 40;
    static final int GAP = 50;
    /** Samples a rate is taken over. */
    static final int RATE_WINDOW = 5;

    private record Series(String name, String colour, double[] values) {
    }

    private WaveChart() {
    }

    public static String svg(List<WaveSample> samples, String title) {
        int n = samples.size();
        double[] seconds = samples.stream().mapToDouble(WaveSample::seconds).toArray();
        double end = n == 0 ? 1 : Math.max(1, seconds[n - 1]);
        List<Series> rates = List.of(
                new Series("arrivals (202/s)", "#1f77b4", rate(samples, WaveSample::accepted)),
                new Series("processed/s", "#2ca02c", rate(samples, WaveSample::processed)),
                new Series("emails/s", "#d62728", rate(samples, WaveSample::emails)));
        List<Series> depths = List.of(
                new Series("intake queue depth", "#9467bd", values(samples, WaveSample::intakeDepth)),
                new Series("notification queue depth", "#ff7f0e", values(samples, WaveSample::notificationDepth)));
        int height = TOP + 2 * PANEL_HEIGHT + GAP + 50;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, height, WIDTH, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>%n",
                LEFT, escape(title)));
        panel(svg, samples, seconds, end, TOP, "per second", rates);
        panel(svg, samples, seconds, end, TOP + PANEL_HEIGHT + GAP, "messages", depths);
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">seconds since the wave"
                + " began (shaded: surge mode)</text>%n", LEFT + (WIDTH - LEFT - RIGHT) / 2, height - 8));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void panel(StringBuilder svg, List<WaveSample> samples, double[] seconds, double end, int top,
                              String unit, List<Series> series) {
        int plotWidth = WIDTH - LEFT - RIGHT;
        double max = 1;
        for (Series s : series) {
            for (double v : s.values()) {
                max = Math.max(max, v);
            }
        }
        max = niceCeiling(max);
        // surge shading
        for (int i = 0; i + 1 < samples.size(); i++) {
            if ("SURGE".equals(samples.get(i).surge())) {
                double x0 = LEFT + seconds[i] / end * plotWidth;
                double x1 = LEFT + seconds[i + 1] / end * plotWidth;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                        + "fill=\"#fde9c8\"/>%n", x0, top, Math.max(0.5, x1 - x0), PANEL_HEIGHT));
            }
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#333\"/>%n", LEFT, top, plotWidth, PANEL_HEIGHT));
        for (int tick = 0; tick <= 4; tick++) {
            double value = max * tick / 4;
            double y = top + PANEL_HEIGHT - (double) PANEL_HEIGHT * tick / 4;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT, LEFT + plotWidth, y, y, LEFT - 6,
                    y + 4, label(value)));
        }
        for (int tick = 0; tick <= 6; tick++) {
            double at = end * tick / 6;
            double x = LEFT + (double) plotWidth * tick / 6;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x,
                    top + PANEL_HEIGHT + 16, label(at)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\" "
                + "text-anchor=\"middle\">%s</text>%n", top + PANEL_HEIGHT / 2, top + PANEL_HEIGHT / 2, unit));
        int legendX = LEFT + 10;
        for (Series s : series) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < s.values().length; i++) {
                double x = LEFT + seconds[i] / end * plotWidth;
                double y = top + PANEL_HEIGHT - s.values()[i] / max * PANEL_HEIGHT;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.6\" "
                    + "points=\"%s\"><title>%s</title></polyline>%n", s.colour(), points.toString().trim(), escape(s.name())));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"3\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", legendX, top + 10, s.colour(), legendX + 16, top + 15,
                    escape(s.name())));
            legendX += 24 + 7 * s.name().length();
        }
    }

    /** Per second over the last {@link #RATE_WINDOW} samples. */
    static double[] rate(List<WaveSample> samples, ToLongFunction<WaveSample> counter) {
        double[] rates = new double[samples.size()];
        for (int i = 1; i < samples.size(); i++) {
            int from = Math.max(0, i - RATE_WINDOW);
            double seconds = samples.get(i).seconds() - samples.get(from).seconds();
            rates[i] = seconds <= 0 ? 0 : Math.max(0,
                    (counter.applyAsLong(samples.get(i)) - counter.applyAsLong(samples.get(from))) / seconds);
        }
        return rates;
    }

    private static double[] values(List<WaveSample> samples, ToLongFunction<WaveSample> value) {
        return samples.stream().mapToDouble(sample -> value.applyAsLong(sample)).toArray();
    }

    /** 1, 2 or 5 times a power of ten, at least {@code value}. */
    static double niceCeiling(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[]{1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String label(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

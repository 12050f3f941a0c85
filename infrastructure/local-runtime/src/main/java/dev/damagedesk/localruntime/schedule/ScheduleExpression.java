package dev.damagedesk.localruntime.schedule;

import dev.damagedesk.localaws.template.TemplateException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge schedule expression, as a {@code Schedule} event declares it: {@code rate(value unit)} or
 * {@code cron(minutes hours day-of-month month day-of-week year)} in UTC. The cron wildcards {@code L}, {@code W}
 * and {@code #} are refused (not emulated); so is everything EventBridge itself refuses that this parser notices
 * ({@code rate(1 minutes)}, both day fields set, values out of range).
 */
public sealed interface ScheduleExpression {

    /** The first time after {@code after} (exclusive) at which the rule fires; empty when it never does again. */
    Optional<Instant> nextAfter(Instant after);

    static ScheduleExpression parse(String expression) {
        String text = expression.trim();
        if (text.startsWith("rate(") && text.endsWith(")")) {
            return Rate.parse(text.substring(5, text.length() - 1).trim(), expression);
        }
        if (text.startsWith("cron(") && text.endsWith(")")) {
            return Cron.parse(text.substring(5, text.length() - 1).trim(), expression);
        }
        throw new TemplateException("Schedule " + expression + " is neither rate(...) nor cron(...)");
    }

    /** {@code rate(5 minutes)}: every period, the first one period after the rule starts. */
    record Rate(Duration period) implements ScheduleExpression {

        private static final Pattern RATE = Pattern.compile("(\\d+)\\s+(minute|minutes|hour|hours|day|days)");

        static Rate parse(String body, String expression) {
            Matcher matcher = RATE.matcher(body);
            if (!matcher.matches()) {
                throw new TemplateException("Schedule " + expression + ": a rate is 'N minute(s)|hour(s)|day(s)'");
            }
            long value = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2);
            if (value <= 0) {
                throw new TemplateException("Schedule " + expression + ": the rate must be positive");
            }
            if ((value == 1) != !unit.endsWith("s")) {
                throw new TemplateException("Schedule " + expression + ": EventBridge wants the singular unit for 1"
                        + " and the plural otherwise");
            }
            Duration period = switch (unit.replaceAll("s$", "")) {
                case "minute" -> Duration.ofMinutes(value);
                case "hour" -> Duration.ofHours(value);
                default -> Duration.ofDays(value);
            };
            return new Rate(period);
        }

        @Override
        public Optional<Instant> nextAfter(Instant after) {
            return Optional.of(after.plus(period));
        }
    }

    /** {@code cron(0 9 ? * MON-FRI *)}, UTC, minute resolution. */
    record Cron(BitSet minutes, BitSet hours, Optional<BitSet> daysOfMonth, BitSet months,
                Optional<BitSet> daysOfWeek, Optional<BitSet> years) implements ScheduleExpression {

        private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("JAN", 1), Map.entry("FEB", 2),
                Map.entry("MAR", 3), Map.entry("APR", 4), Map.entry("MAY", 5), Map.entry("JUN", 6),
                Map.entry("JUL", 7), Map.entry("AUG", 8), Map.entry("SEP", 9), Map.entry("OCT", 10),
                Map.entry("NOV", 11), Map.entry("DEC", 12));
        /** EventBridge numbers the days of the week 1 (Sunday) to 7 (Saturday). */
        private static final Map<String, Integer> DAYS = Map.of("SUN", 1, "MON", 2, "TUE", 3, "WED", 4, "THU", 5,
                "FRI", 6, "SAT", 7);
        private static final int MAX_YEAR = 2199;

        static Cron parse(String body, String expression) {
            String[] fields = body.split("\\s+");
            if (fields.length != 6) {
                throw new TemplateException("Schedule " + expression + ": a cron has six fields (minutes hours"
                        + " day-of-month month day-of-week year), got " + fields.length);
            }
            for (String field : fields) {
                String withoutNames = field.toUpperCase(Locale.ROOT)
                        .replaceAll("JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC|SUN|MON|TUE|WED|THU|FRI|SAT", "");
                if (withoutNames.matches(".*[LW#].*")) {
                    throw new TemplateException("Schedule " + expression + ": the cron wildcards L, W and # are not"
                            + " emulated locally");
                }
            }
            boolean domAny = fields[2].equals("?");
            boolean dowAny = fields[4].equals("?");
            if (domAny == dowAny) {
                throw new TemplateException("Schedule " + expression + ": exactly one of day-of-month and"
                        + " day-of-week must be '?'");
            }
            return new Cron(field(fields[0], 0, 59, Map.of(), expression),
                    field(fields[1], 0, 23, Map.of(), expression),
                    domAny ? Optional.empty() : Optional.of(field(fields[2], 1, 31, Map.of(), expression)),
                    field(fields[3], 1, 12, MONTHS, expression),
                    dowAny ? Optional.empty() : Optional.of(field(fields[4], 1, 7, DAYS, expression)),
                    fields[5].equals("*") ? Optional.empty() : Optional.of(field(fields[5], 1970, MAX_YEAR, Map.of(), expression)));
        }

        private static BitSet field(String text, int min, int max, Map<String, Integer> names, String expression) {
            BitSet values = new BitSet();
            for (String part : text.split(",")) {
                int step = 1;
                String range = part;
                int slash = part.indexOf('/');
                if (slash >= 0) {
                    step = number(part.substring(slash + 1), Map.of(), expression);
                    range = part.substring(0, slash);
                    if (step <= 0) {
                        throw new TemplateException("Schedule " + expression + ": step " + step + " must be positive");
                    }
                }
                int from;
                int to;
                if (range.equals("*") || range.equals("?")) {
                    from = min;
                    to = max;
                } else if (range.contains("-")) {
                    String[] bounds = range.split("-", 2);
                    from = number(bounds[0], names, expression);
                    to = number(bounds[1], names, expression);
                } else {
                    from = number(range, names, expression);
                    to = slash >= 0 ? max : from;
                }
                if (from < min || to > max || from > to) {
                    throw new TemplateException("Schedule " + expression + ": '" + part + "' is outside " + min + "-" + max);
                }
                for (int value = from; value <= to; value += step) {
                    values.set(value);
                }
            }
            return values;
        }

        private static int number(String text, Map<String, Integer> names, String expression) {
            Integer named = names.get(text.toUpperCase(Locale.ROOT));
            if (named != null) {
                return named;
            }
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new TemplateException("Schedule " + expression + ": '" + text + "' is not a value this field takes");
            }
        }

        @Override
        public Optional<Instant> nextAfter(Instant after) {
            ZonedDateTime start = after.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            LocalDate day = start.toLocalDate();
            for (int i = 0; i < 366 * 5 && day.getYear() <= MAX_YEAR; i++, day = day.plusDays(1)) {
                if (!matchesDay(day)) {
                    continue;
                }
                boolean firstDay = day.equals(start.toLocalDate());
                for (int hour = hours.nextSetBit(firstDay ? start.getHour() : 0); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
                    int fromMinute = firstDay && hour == start.getHour() ? start.getMinute() : 0;
                    int minute = minutes.nextSetBit(fromMinute);
                    if (minute >= 0) {
                        return Optional.of(day.atTime(hour, minute).toInstant(ZoneOffset.UTC));
                    }
                }
            }
            return Optional.empty();
        }

        private boolean matchesDay(LocalDate day) {
            if (years.isPresent() && !years.get().get(day.getYear())) {
                return false;
            }
            if (!months.get(day.getMonthValue())) {
                return false;
            }
            if (daysOfMonth.isPresent()) {
                return daysOfMonth.get().get(day.getDayOfMonth());
            }
            int eventBridgeDay = day.getDayOfWeek().getValue() % 7 + 1; // Monday 1 -> 2, Sunday 7 -> 1
            return daysOfWeek.orElseThrow().get(eventBridgeDay);
        }
    }
}

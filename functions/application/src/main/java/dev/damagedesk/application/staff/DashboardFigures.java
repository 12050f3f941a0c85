package dev.damagedesk.application.staff;

import dev.damagedesk.application.port.IncidentRecords;
import dev.damagedesk.application.port.RecentReports;
import dev.damagedesk.application.port.SurgeStates;
import dev.damagedesk.domain.surge.SurgeState;
import dev.damagedesk.domain.surge.SurgeSwitch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The dashboard's report figures of an incident: reports per minute (last 60 minutes) and per hour (last 48 hours)
 * by service, and, over the same 48 hours, counts by status and by triage reason and money by rule (the sum of the
 * decisions' amounts per rule id, whatever the status). One read of the
 * window per service through the {@code IncidentService} index: the cost is the window's reports, not the
 * incident's, and at most {@link #MAX_ROWS_PER_SERVICE} a service ({@code truncated} says when a service had more).
 */
public final class DashboardFigures {

    public static final Duration HOURS_WINDOW = Duration.ofHours(48);
    public static final Duration MINUTES_WINDOW = Duration.ofMinutes(60);
    /**
     * A bound on one request's reading: a query is charged by the items' whole size (about 2 KB a report), so 20,000
     * reports are about 40 pages of 1 MB a service, which keeps a dashboard well inside API Gateway's 30 s.
     */
    public static final int MAX_ROWS_PER_SERVICE = 20_000;

    /** One time bucket: its start and the reports each service received in it (every service listed, 0 too). */
    public record Bucket(Instant at, Map<String, Long> byService) {
        public Bucket {
            byService = Map.copyOf(byService);
        }
    }

    /**
     * @param from  the start of the 48-hour window the counts and money are taken over
     * @param surge the surge controller's mode and switches
     */
    public record Figures(String incidentId, Instant generatedAt, Instant from, List<Bucket> perMinute,
                          List<Bucket> perHour, Map<String, Long> countsByStatus, Map<String, Long> countsByReason,
                          Map<String, Long> moneyByRule, boolean truncated, Surge surge) {
    }

    // ---- surge: the controller's published state and its recent switches
    /** The most switches shown: a wave switches a few times; more means thresholds to look at, not rows to read. */
    public static final int MAX_SWITCHES = 20;

    /**
     * @param state    as last published; empty before the controller's first run
     * @param switches the switches of the 48-hour window, newest first, at most {@link #MAX_SWITCHES}
     */
    public record Surge(Optional<SurgeState> state, List<SurgeSwitch> switches) {
        public Surge {
            switches = List.copyOf(switches);
        }
    }

    private Surge surge(Instant from) {
        List<SurgeSwitch> switches = new ArrayList<>(surgeStates.switchesSince(from));
        Collections.reverse(switches);
        return new Surge(surgeStates.current(), switches.subList(0, Math.min(MAX_SWITCHES, switches.size())));
    }
    // ---- end surge

    private final IncidentRecords incidents;
    private final RecentReports reports;
    private final Clock clock;
    private final int maxRowsPerService;
    private final SurgeStates surgeStates;

    public DashboardFigures(IncidentRecords incidents, RecentReports reports, SurgeStates surgeStates, Clock clock) {
        this(incidents, reports, surgeStates, clock, MAX_ROWS_PER_SERVICE);
    }

    DashboardFigures(IncidentRecords incidents, RecentReports reports, SurgeStates surgeStates, Clock clock,
                     int maxRowsPerService) {
        this.surgeStates = Objects.requireNonNull(surgeStates, "surgeStates");
        this.incidents = Objects.requireNonNull(incidents, "incidents");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxRowsPerService = maxRowsPerService;
    }

    /** @throws IllegalArgumentException when the incident is not known */
    public Figures of(String incidentId) {
        Instant now = clock.instant();
        List<String> services = incidents.incident(incidentId).services().stream().sorted().toList();
        // Whole buckets: the current minute and hour are the last, still filling.
        Instant minuteStart = now.truncatedTo(ChronoUnit.MINUTES).minus(MINUTES_WINDOW).plus(Duration.ofMinutes(1));
        Instant hourStart = now.truncatedTo(ChronoUnit.HOURS).minus(HOURS_WINDOW).plus(Duration.ofHours(1));
        TreeMap<Instant, Map<String, Long>> perMinute = buckets(minuteStart, now, Duration.ofMinutes(1), services);
        TreeMap<Instant, Map<String, Long>> perHour = buckets(hourStart, now, Duration.ofHours(1), services);
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> byReason = new TreeMap<>();
        Map<String, Long> byRule = new TreeMap<>();
        boolean truncated = false;
        for (String service : services) {
            List<RecentReports.Row> rows = reports.receivedBetween(incidentId, service, hourStart, now.plusNanos(1),
                    maxRowsPerService + 1);
            if (rows.size() > maxRowsPerService) {
                truncated = true;
                rows = rows.subList(0, maxRowsPerService);
            }
            for (RecentReports.Row row : rows) {
                perHour.get(row.receivedAt().truncatedTo(ChronoUnit.HOURS)).merge(service, 1L, Long::sum);
                Map<String, Long> minute = perMinute.get(row.receivedAt().truncatedTo(ChronoUnit.MINUTES));
                if (minute != null) {
                    minute.merge(service, 1L, Long::sum);
                }
                byStatus.merge(row.status().name(), 1L, Long::sum);
                if (row.triageReason() != null) {
                    byReason.merge(row.triageReason().code(), 1L, Long::sum);
                }
                if (row.ruleId() != null) {
                    byRule.merge(row.ruleId(), row.amountKrw(), Long::sum);
                }
            }
        }
        return new Figures(incidentId, now, hourStart, list(perMinute), list(perHour), byStatus, byReason, byRule,
                truncated, surge(hourStart));
    }

    private static TreeMap<Instant, Map<String, Long>> buckets(Instant from, Instant now, Duration step, List<String> services) {
        TreeMap<Instant, Map<String, Long>> buckets = new TreeMap<>();
        for (Instant at = from; !at.isAfter(now); at = at.plus(step)) {
            Map<String, Long> counts = new LinkedHashMap<>();
            services.forEach(service -> counts.put(service, 0L));
            buckets.put(at, counts);
        }
        return buckets;
    }

    private static List<Bucket> list(TreeMap<Instant, Map<String, Long>> buckets) {
        List<Bucket> list = new ArrayList<>();
        buckets.forEach((at, counts) -> list.add(new Bucket(at, counts)));
        return list;
    }
}

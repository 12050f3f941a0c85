package dev.damagedesk.application.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.application.memory.InMemoryIncidentRecords;
import dev.damagedesk.application.memory.InMemorySurgeStates;
import dev.damagedesk.application.port.RecentReports;
import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.incident.ServiceOutage;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.surge.SurgeMode;
import dev.damagedesk.domain.surge.SurgeState;
import dev.damagedesk.domain.surge.SurgeSwitch;
import dev.damagedesk.domain.triage.TriageReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard's report figures over a hand-made window of rows (the in-memory store's rows are tested below). */
class DashboardFiguresTest {

    private static final Instant NOW = Instant.parse("2022-10-16T12:30:20Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final InMemoryIncidentRecords incidents = new InMemoryIncidentRecords(new Incident("2022-10-15", "fire",
            List.of(new ServiceOutage("music", null, NOW.minusSeconds(86_400), NOW, false),
                    new ServiceOutage("taxi", null, NOW.minusSeconds(86_400), NOW, false))));
    private final List<String> asked = new ArrayList<>();
    private final InMemorySurgeStates surge = new InMemorySurgeStates();
    private final Map<String, List<RecentReports.Row>> rows = Map.of(
            "music", List.of(
                    row("2022-10-16T12:30:05Z", ReportStatus.NEEDS_REVIEW, TriageReason.MANUAL_REVIEW, "music.extension", 0),
                    row("2022-10-16T12:29:59Z", ReportStatus.AUTO_APPROVED, TriageReason.AUTO_APPROVED, "music.refund", 4_900),
                    row("2022-10-16T11:00:00Z", ReportStatus.AUTO_APPROVED, TriageReason.AUTO_APPROVED, "music.refund", 4_900)),
            "taxi", List.of(
                    row("2022-10-16T12:30:10Z", ReportStatus.REJECTED, TriageReason.MANUAL_REVIEW, "taxi.fare", 12_000),
                    row("2022-10-14T14:00:00Z", ReportStatus.RECEIVED, null, null, 0)));
    private final RecentReports reports = (incident, service, from, to, limit) -> {
        asked.add(service + " " + from + " " + to);
        return rows.get(service).stream().filter(row -> !row.receivedAt().isBefore(from) && row.receivedAt().isBefore(to))
                .limit(limit).toList();
    };

    private static RecentReports.Row row(String at, ReportStatus status, TriageReason reason, String rule, long amount) {
        return new RecentReports.Row(Instant.parse(at), status, reason, rule, amount);
    }

    @Test
    void countsRatesAndMoneyAreTakenOverTheWindowsOneReadAService() {
        DashboardFigures.Figures figures = new DashboardFigures(incidents, reports, surge, CLOCK).of("2022-10-15");

        assertThat(asked).containsExactly("music 2022-10-14T13:00:00Z 2022-10-16T12:30:20.000000001Z",
                "taxi 2022-10-14T13:00:00Z 2022-10-16T12:30:20.000000001Z");
        assertThat(figures.perMinute()).hasSize(60);
        assertThat(figures.perMinute().get(0).at()).isEqualTo(Instant.parse("2022-10-16T11:31:00Z"));
        assertThat(figures.perMinute().get(59)).isEqualTo(new DashboardFigures.Bucket(Instant.parse("2022-10-16T12:30:00Z"),
                Map.of("music", 1L, "taxi", 1L)));
        assertThat(figures.perMinute().get(58).byService()).isEqualTo(Map.of("music", 1L, "taxi", 0L));
        assertThat(figures.perHour()).hasSize(48);
        assertThat(figures.perHour().get(47).byService()).isEqualTo(Map.of("music", 2L, "taxi", 1L));
        assertThat(figures.perHour().get(46).byService()).isEqualTo(Map.of("music", 1L, "taxi", 0L));
        assertThat(figures.perHour().get(1).byService()).as("14:00 two days ago").isEqualTo(Map.of("music", 0L, "taxi", 1L));
        assertThat(figures.countsByStatus()).isEqualTo(Map.of("NEEDS_REVIEW", 1L, "AUTO_APPROVED", 2L, "REJECTED", 1L, "RECEIVED", 1L));
        assertThat(figures.countsByReason()).isEqualTo(Map.of(TriageReason.MANUAL_REVIEW.code(), 2L, TriageReason.AUTO_APPROVED.code(), 2L));
        assertThat(figures.moneyByRule()).isEqualTo(Map.of("music.extension", 0L, "music.refund", 9_800L, "taxi.fare", 12_000L));
        assertThat(figures.truncated()).isFalse();
        assertThat(figures.from()).isEqualTo(Instant.parse("2022-10-14T13:00:00Z"));
    }

    @Test
    void theSurgeModeAndTheWindowsSwitchesNewestFirstAreShownAndNothingBeforeTheControllersFirstRun() {
        DashboardFigures.Figures before = new DashboardFigures(incidents, reports, surge, CLOCK).of("2022-10-15");
        assertThat(before.surge().state()).isEmpty();
        assertThat(before.surge().switches()).isEmpty();

        SurgeSwitch old = change("2022-10-14T12:00:00Z", SurgeMode.SURGE);
        SurgeSwitch on = change("2022-10-16T09:00:00Z", SurgeMode.SURGE);
        SurgeSwitch off = change("2022-10-16T11:00:00Z", SurgeMode.NORMAL);
        SurgeSwitch again = change("2022-10-16T12:10:00Z", SurgeMode.SURGE);
        List.of(old, on, off, again).forEach(surge::recordSwitch);
        SurgeState state = new SurgeState(SurgeMode.SURGE, again.at(), Duration.ofSeconds(840), NOW.minusSeconds(20));
        surge.publish(state);

        DashboardFigures.Surge shown = new DashboardFigures(incidents, reports, surge, CLOCK).of("2022-10-15").surge();

        assertThat(shown.state()).contains(state);
        assertThat(shown.switches()).as("the 48-hour window, newest first").containsExactly(again, off, on);
    }

    private static SurgeSwitch change(String at, SurgeMode to) {
        return new SurgeSwitch(Instant.parse(at), to, "test", 4_000, 900, 6_000, Duration.ofSeconds(120), 50, 14.0);
    }

    @Test
    void aServiceWithMoreReportsThanTheBoundIsCutAndSaysSo() {
        DashboardFigures.Figures figures = new DashboardFigures(incidents, reports, surge, CLOCK, 2).of("2022-10-15");

        assertThat(figures.truncated()).isTrue();
        assertThat(figures.countsByStatus().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(4);
        assertThatThrownBy(() -> new DashboardFigures(incidents, reports, surge, CLOCK).of("nope"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theInMemoryStoreAnswersTheWindowOfOneServiceOldestFirst() {
        StaffFixtures fixtures = new StaffFixtures();
        var late = fixtures.needsReview(30, 1_000);
        var early = fixtures.needsReview(10, 2_000);
        fixtures.needsReview(90, 3_000);

        List<RecentReports.Row> window = fixtures.store.receivedBetween(StaffFixtures.INCIDENT, "pay",
                StaffFixtures.T0, StaffFixtures.T0.plusSeconds(3600), 10);

        assertThat(window).extracting(RecentReports.Row::receivedAt)
                .containsExactly(early.report().receivedAt(), late.report().receivedAt());
        assertThat(window.get(0)).isEqualTo(new RecentReports.Row(early.report().receivedAt(), ReportStatus.NEEDS_REVIEW,
                TriageReason.MANUAL_REVIEW, "failed-purchase.refund", 2_000));
        assertThat(fixtures.store.receivedBetween(StaffFixtures.INCIDENT, "taxi", StaffFixtures.T0,
                StaffFixtures.T0.plusSeconds(3600), 10)).isEmpty();
    }
}

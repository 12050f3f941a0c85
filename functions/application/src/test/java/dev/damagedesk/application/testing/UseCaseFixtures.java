package dev.damagedesk.application.testing;

import dev.damagedesk.application.port.ContactIndex;
import dev.damagedesk.application.port.Incidents;
import dev.damagedesk.application.port.Notifications;
import dev.damagedesk.application.port.RescorePages;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.incident.ServiceOutage;
import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.report.Reporter;
import dev.damagedesk.domain.scoring.CompensationPolicy;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.scoring.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Small reports, an incident, policies and recording fakes of the ports for the use-case tests. */
public final class UseCaseFixtures {

    public static final String INCIDENT_ID = "2022-10-15";
    /** Identity keys under a fixed test secret (never a deployed one). */
    public static final dev.damagedesk.domain.risk.IdentityKeys IDENTITY_KEYS = dev.damagedesk.domain.risk.IdentityKeys
            .fromSecret("test-only identity key secret of the use-case tests".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    public static final Instant MUSIC_DOWN = Instant.parse("2022-10-15T06:30:00Z");
    public static final Instant MUSIC_RESTORED = Instant.parse("2022-10-16T06:00:00Z");
    public static final Instant RECEIVED_AT = Instant.parse("2022-10-19T01:00:00Z");
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2022-10-20T00:00:00Z"), ZoneOffset.UTC);
    public static final Incident INCIDENT = new Incident(INCIDENT_ID, "data-centre fire", List.of(
            new ServiceOutage("music", null, MUSIC_DOWN, MUSIC_RESTORED, false, null),
            new ServiceOutage("taxi", "ride hailing", MUSIC_DOWN, MUSIC_RESTORED, false, null)));

    private UseCaseFixtures() {
    }

    public static ReportId id(int n) {
        return ReportId.newId(RECEIVED_AT, new Random(n));
    }

    public static ReportSubmission music(String email) {
        return new ReportSubmission(new Reporter("Kim Minji", email, "010-1234-5678", null), Language.KO, "music",
                Category.PAID_SUBSCRIPTION, MUSIC_DOWN, MUSIC_RESTORED, 10_900L, "The service did not work.", true);
    }

    public static Report received(ReportId id, ReportSubmission submission) {
        return Report.received(id, INCIDENT_ID, submission, RECEIVED_AT, "hash");
    }

    public static Decision extension(String version, long minutes) {
        return new Decision(Outcome.EXTENSION, "paid-subscription.extension-3x", version, 0, minutes, "Extended.", "연장.");
    }

    public static Decision manualReview(String version) {
        return new Decision(Outcome.MANUAL_REVIEW, "free-service.proof-required", version, 0, 0, "Review.", "검토.");
    }

    public static CompensationPolicy policy(String version, Function<String, Decision> decision) {
        return new CompensationPolicy() {
            @Override
            public String version() {
                return version;
            }

            @Override
            public Decision score(ReportSubmission submission, Incident incident) {
                return decision.apply(version);
            }
        };
    }

    /** One incident, an active policy and published versions by number. */
    public static final class FakeIncidents implements Incidents {
        private final Map<Integer, CompensationPolicy> versions = new HashMap<>();
        private CompensationPolicy active;

        public FakeIncidents(CompensationPolicy active) {
            this.active = active;
        }

        public FakeIncidents publish(int version, CompensationPolicy policy) {
            versions.put(version, policy);
            return this;
        }

        @Override
        public Incident incident(String incidentId) {
            if (!INCIDENT_ID.equals(incidentId)) {
                throw new IllegalArgumentException("Unknown incident " + incidentId);
            }
            return INCIDENT;
        }

        @Override
        public CompensationPolicy activePolicy(String incidentId) {
            return active;
        }

        @Override
        public Optional<CompensationPolicy> policy(String incidentId, int version) {
            return Optional.ofNullable(versions.get(version));
        }
    }

    public static final class MemoryContacts implements ContactIndex {
        private final Map<String, Set<ReportId>> reports = new ConcurrentHashMap<>();

        @Override
        public int recordReport(String incidentId, String identityKey, ReportId reportId) {
            Set<ReportId> ids = reports.computeIfAbsent(incidentId + "#" + identityKey, key -> new LinkedHashSet<>());
            ids.add(reportId);
            return ids.size();
        }

        @Override
        public Set<ReportId> reportsOf(String incidentId, String identityKey) {
            return Set.copyOf(reports.getOrDefault(incidentId + "#" + identityKey, Set.of()));
        }
    }

    public static final class RecordingNotifications implements Notifications {
        public final List<StoredReport> acknowledged = new ArrayList<>();
        public final List<StoredReport> decided = new ArrayList<>();
        public final List<StoredReport> documentsRequested = new ArrayList<>();

        @Override
        public void acknowledge(StoredReport report) {
            acknowledged.add(report);
        }

        @Override
        public void decided(StoredReport report) {
            decided.add(report);
        }

        @Override
        public void documentsRequested(StoredReport report, Instant deadline, String whatIsNeeded) {
            documentsRequested.add(report);
        }
    }

    public static final class RecordingPages implements RescorePages {
        public final List<RescorePage> queued = new ArrayList<>();

        @Override
        public void queue(RescorePage page) {
            queued.add(page);
        }
    }
}

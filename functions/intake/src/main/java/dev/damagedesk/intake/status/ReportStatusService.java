package dev.damagedesk.intake.status;

import dev.damagedesk.application.port.ReportStore;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.identity.TrackingTokens;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Answers a reporter's status lookup. Only the holder of the report's token learns anything: an unknown id,
 * a wrong token and a missing token look the same from outside.
 */
public final class ReportStatusService {

    /** Ids are ULIDs: one claiming a time this far ahead of the clock was not issued here. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    public sealed interface Lookup {
        /** Scored (or later): the stored report. */
        record Stored(Report report) implements Lookup {
        }

        /** Accepted and queued, not processed yet; the token proves it was issued for this id. */
        record Queued(ReportId reportId, Instant receivedAt) implements Lookup {
        }

        record NotFound() implements Lookup {
        }
    }

    private final ReportStore reports;
    private final TrackingTokens tokens;
    private final Clock clock;

    public ReportStatusService(ReportStore reports, TrackingTokens tokens, Clock clock) {
        this.reports = reports;
        this.tokens = tokens;
        this.clock = clock;
    }

    public Lookup lookup(String rawId, String token) {
        Optional<ReportId> parsed = ReportId.parse(rawId);
        if (parsed.isEmpty() || token == null || token.isBlank()) {
            return new Lookup.NotFound();
        }
        ReportId id = parsed.get();
        Optional<Report> stored = reports.find(id).map(StoredReport::report);
        if (stored.isPresent()) {
            return TrackingTokens.matchesHash(token, stored.get().tokenHash())
                    ? new Lookup.Stored(stored.get()) : new Lookup.NotFound();
        }
        boolean issuedHere = tokens.isIssuedFor(id, token) && !id.timestamp().isAfter(clock.instant().plus(CLOCK_SKEW));
        return issuedHere ? new Lookup.Queued(id, id.timestamp()) : new Lookup.NotFound();
    }
}

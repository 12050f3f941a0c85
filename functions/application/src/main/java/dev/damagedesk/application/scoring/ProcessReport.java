package dev.damagedesk.application.scoring;

import dev.damagedesk.application.PermanentFailureException;
import dev.damagedesk.application.audit.ReportChanges;
import dev.damagedesk.application.port.ContactIndex;
import dev.damagedesk.application.port.Incidents;
import dev.damagedesk.application.port.Measurements;
import dev.damagedesk.application.port.Notifications;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.risk.IdentityKeys;
import dev.damagedesk.domain.risk.ReporterIdentity;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.triage.ReportTriage;
import dev.damagedesk.domain.validation.SubmissionParser;
import dev.damagedesk.domain.validation.Validated;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Processes one queued report: validates it again (the queue is a trust boundary too), scores and triages it
 * (risk flags, duplicates, audit sample: {@link ReportTriage}), stores it exactly once with audit entry 1
 * ({@code SCORED}) and queues its acknowledgement. Every step is safe to repeat, so a redelivered message
 * completes whatever an earlier attempt left undone and changes nothing that attempt finished.
 */
public final class ProcessReport {

    /** Who scores reports, in their first audit entry. */
    public static final Actor PROCESSOR = Actor.function("ProcessorFunction");

    private final Incidents incidents;
    private final ContactIndex contacts;
    private final ReportTriage triage;
    private final ReportChanges changes;
    private final Notifications notifications;
    private final Clock clock;
    private final Measurements measurements;
    private final IdentityKeys identityKeys;

    /** @param identityKeys the contact index's keys: the same secret as the triage's duplicate claims */
    public ProcessReport(Incidents incidents, ContactIndex contacts, ReportTriage triage, ReportChanges changes,
                         Notifications notifications, Clock clock, Measurements measurements,
                         IdentityKeys identityKeys) {
        this.incidents = Objects.requireNonNull(incidents, "incidents");
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.triage = Objects.requireNonNull(triage, "triage");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.measurements = Objects.requireNonNull(measurements, "measurements");
        this.identityKeys = Objects.requireNonNull(identityKeys, "identityKeys");
    }

    /**
     * @return true if this call stored the report, false if an earlier delivery had
     * @throws PermanentFailureException when the report can never be processed (unknown incident, invalid)
     */
    public boolean process(SubmittedReport submitted) {
        Incident incident;
        try {
            incident = incidents.incident(submitted.incidentId());
        } catch (IllegalArgumentException unknownIncident) {
            throw new PermanentFailureException(unknownIncident.getMessage());
        }
        Validated<ReportSubmission> validated = new SubmissionParser(incident.services(), clock)
                .parse(submitted.submission());
        if (!validated.isValid()) {
            // Field codes only: the values are the reporter's personal data.
            throw new PermanentFailureException("Submission fails validation: " + validated.errors().stream()
                    .map(error -> error.field() + ":" + error.code()).toList());
        }
        Report received = Report.received(submitted.reportId(), incident.id(), validated.value(),
                submitted.receivedAt(), submitted.tokenHash());
        // Every identity key is recorded (staff search by email or phone); the risk flag counts the first (email).
        List<String> keys = identityKeys.of(ReporterIdentity.of(validated.value().reporter()));
        int reportsFromContact = contacts.recordReport(incident.id(), keys.get(0), received.id());
        for (String otherKey : keys.subList(1, keys.size())) {
            contacts.recordReport(incident.id(), otherKey, received.id());
        }
        // Triage is deterministic and duplicate claims are idempotent, so a redelivery triages the same way.
        Report triaged = triage.scoreAndTriage(received, incident, incidents.activePolicy(incident.id()),
                reportsFromContact);

        ReportChanges.Stored stored = changes.store(triaged, PROCESSOR, AuditAction.SCORED);
        // A redelivery acknowledges what is stored: an earlier attempt may have crashed before queueing it.
        notifications.acknowledge(stored.report());
        if (stored.storedNow()) {
            // Counted by the delivery that stored it: a redelivery adds nothing.
            measurements.reportStored(Duration.between(submitted.receivedAt(), clock.instant()));
            stored.report().report().duplicate().ifPresent(first -> measurements.duplicateLinked());
            measurements.decided(stored.report().report().decision().ruleId());
        }
        return stored.storedNow();
    }
}

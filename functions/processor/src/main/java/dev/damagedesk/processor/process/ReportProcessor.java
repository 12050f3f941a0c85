package dev.damagedesk.processor.process;

import dev.damagedesk.adapters.incident.IncidentDirectory;
import dev.damagedesk.adapters.message.MessageFormatException;
import dev.damagedesk.adapters.message.NoticeMessage;
import dev.damagedesk.adapters.message.ReportSubmittedMessage;
import dev.damagedesk.adapters.queue.MessageQueue;
import dev.damagedesk.adapters.repository.ReportRepository;
import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.risk.ReporterIdentity;
import dev.damagedesk.domain.triage.ReportTriage;
import dev.damagedesk.domain.validation.SubmissionParser;
import dev.damagedesk.domain.validation.Validated;
import java.time.Clock;
import java.time.Duration;

/**
 * Processes one queued report: validates it again (the queue is a trust boundary too), scores and triages it
 * (risk flags, duplicates, audit sample: {@link ReportTriage}), stores it exactly once and queues its
 * acknowledgement. Every step is safe to repeat, so a redelivered message completes whatever an earlier attempt
 * left undone and changes nothing that attempt finished.
 */
public final class ReportProcessor {

    private final IncidentDirectory incidents;
    private final ContactCounter contacts;
    private final ReportTriage triage;
    private final ReportRepository reports;
    private final MessageQueue notifications;
    private final Duration retention;
    private final Clock clock;

    /** How many reports one reporter identity has sent to an incident (idempotent per report). */
    @FunctionalInterface
    public interface ContactCounter {
        int countReport(String incidentId, String identityKey, ReportId reportId);
    }

    public ReportProcessor(IncidentDirectory incidents, ContactCounter contacts, ReportTriage triage,
                           ReportRepository reports, MessageQueue notifications, Duration retention, Clock clock) {
        this.incidents = incidents;
        this.contacts = contacts;
        this.triage = triage;
        this.reports = reports;
        this.notifications = notifications;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * @return true if this call stored the report, false if an earlier delivery had
     * @throws MessageFormatException when the message can never be processed (it will reach the dead-letter queue)
     */
    public boolean process(String messageBody) {
        ReportSubmittedMessage message = ReportSubmittedMessage.fromJson(messageBody);
        Incident incident;
        try {
            incident = incidents.incident(message.incidentId());
        } catch (IllegalArgumentException unknownIncident) {
            throw new MessageFormatException(unknownIncident.getMessage());
        }
        Validated<ReportSubmission> validated = new SubmissionParser(incident.services(), clock).parse(message.submission());
        if (!validated.isValid()) {
            throw new MessageFormatException("Submission fails validation: " + validated.errors());
        }
        Report received = Report.received(message.reportId(), incident.id(), validated.value(), message.receivedAt(),
                message.tokenHash());
        // Triage is deterministic and duplicate claims are idempotent, so a redelivery triages the same way.
        int reportsFromContact = contacts.countReport(incident.id(),
                ReporterIdentity.of(validated.value().reporter()).keys().get(0), received.id());
        Report triaged = triage.scoreAndTriage(received, incident, incidents.activePolicy(incident.id()), reportsFromContact);

        boolean stored = reports.insertIfAbsent(triaged, message.receivedAt().plus(retention));
        // A redelivery acknowledges what is stored: an earlier attempt may have crashed before queueing it.
        Report current = stored ? triaged : reports.find(triaged.id()).orElse(triaged);
        notifications.send(NoticeMessage.acknowledgementOf(current).toJson());
        return stored;
    }
}

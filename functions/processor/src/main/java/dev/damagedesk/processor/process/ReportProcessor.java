package dev.damagedesk.processor.process;

import dev.damagedesk.adapters.incident.IncidentCatalog;
import dev.damagedesk.adapters.message.MessageFormatException;
import dev.damagedesk.adapters.message.NoticeMessage;
import dev.damagedesk.adapters.message.ReportSubmittedMessage;
import dev.damagedesk.adapters.queue.MessageQueue;
import dev.damagedesk.adapters.repository.ReportRepository;
import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.scoring.CompensationPolicy;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.validation.SubmissionParser;
import dev.damagedesk.domain.validation.Validated;
import java.time.Clock;
import java.time.Duration;

/**
 * Processes one queued report: validates it again (the queue is a trust boundary too), scores it, stores it
 * exactly once and queues its acknowledgement. Every step is safe to repeat, so a redelivered message
 * completes whatever an earlier attempt left undone and changes nothing that attempt finished.
 */
public final class ReportProcessor {

    private final IncidentCatalog incidents;
    private final CompensationPolicy policy;
    private final ReportRepository reports;
    private final MessageQueue notifications;
    private final Duration retention;
    private final Clock clock;

    public ReportProcessor(IncidentCatalog incidents, CompensationPolicy policy, ReportRepository reports,
                           MessageQueue notifications, Duration retention, Clock clock) {
        this.incidents = incidents;
        this.policy = policy;
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
            incident = incidents.get(message.incidentId());
        } catch (IllegalArgumentException unknownIncident) {
            throw new MessageFormatException(unknownIncident.getMessage());
        }
        Validated<ReportSubmission> validated = new SubmissionParser(incident.services(), clock).parse(message.submission());
        if (!validated.isValid()) {
            throw new MessageFormatException("Submission fails validation: " + validated.errors());
        }
        Decision decision = policy.score(validated.value(), incident);
        Report scored = new Report(message.reportId(), incident.id(), validated.value(), message.receivedAt(),
                decision.resultingStatus(), decision, message.tokenHash());

        boolean stored = reports.insertIfAbsent(scored, message.receivedAt().plus(retention));
        // A redelivery acknowledges what is stored: an earlier attempt may have crashed before queueing it.
        Report current = stored ? scored : reports.find(scored.id()).orElse(scored);
        notifications.send(NoticeMessage.acknowledgementOf(current).toJson());
        return stored;
    }
}

package dev.damagedesk.application.staff;

import dev.damagedesk.application.port.MessageQueues;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffNotAllowedException;
import dev.damagedesk.domain.staff.StaffRole;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dead-letter queues: how many messages each holds, and their redrive by a supervisor. Each message is sent
 * back to its source queue first, then a message about a report gets a {@code REDRIVEN} audit entry, and only then
 * is it deleted from the dead-letter queue: a failure in between leaves it there to be redriven again (its
 * consumers are idempotent; the entry says how often it was redriven).
 */
public final class DeadLetters {

    /** Records a redriven message about a report in its audit trail. */
    @FunctionalInterface
    public interface RedriveAudit {
        void redriven(Actor actor, ReportId reportId, String detail);
    }

    /** @param remaining true when the request's time ran out before the queue was empty: redrive again */
    public record Redriven(String queue, int messages, int aboutReports, boolean remaining) {
    }

    /** A redrive answers within the API's 30 s, whatever the queue holds. */
    static final Duration BUDGET = Duration.ofSeconds(20);

    private static final Pattern REPORT_ID = Pattern.compile("\"reportId\"\\s*:\\s*\"([0-9A-Za-z]{26})\"");

    private final MessageQueues queues;
    private final RedriveAudit audit;
    private final Clock clock;

    public DeadLetters(MessageQueues queues, RedriveAudit audit, Clock clock) {
        this.queues = queues;
        this.audit = audit;
        this.clock = clock;
    }

    public List<MessageQueues.Depth> depths() {
        return queues.depths();
    }

    public Redriven redrive(Actor actor, String deadLetterQueue) {
        if (!actor.isStaff() || !actor.role().atLeast(StaffRole.SUPERVISOR)) {
            throw new StaffNotAllowedException(StaffNotAllowedException.Why.FORBIDDEN, "Only supervisors redrive");
        }
        if (!queues.isDeadLetterQueue(deadLetterQueue)) {
            throw new IllegalArgumentException("Not a dead-letter queue: " + deadLetterQueue);
        }
        Instant until = clock.instant().plus(BUDGET);
        int messages = 0;
        int aboutReports = 0;
        while (clock.instant().isBefore(until)) {
            List<MessageQueues.Moved> batch = queues.moveBatch(deadLetterQueue);
            if (batch.isEmpty()) {
                return new Redriven(deadLetterQueue, messages, aboutReports, false);
            }
            for (MessageQueues.Moved moved : batch) {
                Optional<ReportId> report = reportOf(moved.body());
                if (report.isPresent()) {
                    audit.redriven(actor, report.get(), deadLetterQueue + " message " + moved.messageId());
                    aboutReports++;
                }
                queues.delete(deadLetterQueue, moved);
                messages++;
            }
        }
        return new Redriven(deadLetterQueue, messages, aboutReports, true);
    }

    /** The report a message is about: every message format of the system names it as {@code reportId}. */
    static Optional<ReportId> reportOf(String body) {
        Matcher matcher = REPORT_ID.matcher(body);
        return matcher.find() ? ReportId.parse(matcher.group(1)) : Optional.empty();
    }
}

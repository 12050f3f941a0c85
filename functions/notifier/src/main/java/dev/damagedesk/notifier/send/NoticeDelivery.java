package dev.damagedesk.notifier.send;

import dev.damagedesk.adapters.lambda.LogKeys;
import dev.damagedesk.adapters.message.NoticeMessage;
import dev.damagedesk.adapters.message.OutageNoticeMessage;
import dev.damagedesk.adapters.repository.NoticeLedger;
import dev.damagedesk.application.notice.EmailPace;
import dev.damagedesk.application.port.Measurements;
import dev.damagedesk.application.port.OutageNotices;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.Reporter;
import dev.damagedesk.notifier.email.AcknowledgementEmail;
import dev.damagedesk.notifier.email.DecisionEmail;
import dev.damagedesk.notifier.email.DocumentRequestEmail;
import dev.damagedesk.notifier.email.Email;
import dev.damagedesk.notifier.email.EmailSender;
import dev.damagedesk.notifier.email.MediationRoute;
import dev.damagedesk.notifier.email.OutageNoticeEmail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Delivers one notice: claim it in the ledger (once per report for the acknowledgement, once per report version
 * for a decision or a document request: {@link NoticeMessage#ledgerKey()}), take a slot of the shared sending rate
 * ({@link EmailPace}), send, record it sent; give the claim back if no slot comes or sending fails.
 *
 * <p>A notice carries its recipient's address (the notifier does not read the report back), so one queued, retried
 * or dead-lettered before the reporter's personal data was erased still holds the address: before claiming, the
 * report is checked ({@code erased}: one projected read) and a notice about an erased report is dropped unsent.
 */
public final class NoticeDelivery {

    public enum Outcome {
        SENT,
        /** An earlier delivery of the same notice sent it. */
        ALREADY_SENT,
        /** Another delivery is sending it right now: retry later to find out how that went. */
        BUSY,
        /** The sending rate had no slot for it within the wait: retry later. */
        DEFERRED,
        /** The reporter's personal data was erased: not sent, never to be. */
        ERASED
    }

    /** Longer than a send can take: a claim older than this belongs to a sender that died. */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(5);

    private final NoticeLedger ledger;
    private final EmailSender sender;
    private final MediationRoute mediation;
    private final Duration retention;
    private final Clock clock;
    private final Measurements measurements;
    private final EmailPace pace;
    private final Predicate<ReportId> erased;
    private final LedgerWrites writes = LedgerWrites.sleeping();

    /** @param erased whether a report's personal data was erased (the report store's projected read) */
    public NoticeDelivery(NoticeLedger ledger, EmailSender sender, MediationRoute mediation, Duration retention,
                          Clock clock, Measurements measurements, EmailPace pace, Predicate<ReportId> erased) {
        this.pace = pace;
        this.erased = erased;
        this.ledger = ledger;
        this.sender = sender;
        this.mediation = mediation;
        this.retention = retention;
        this.clock = clock;
        this.measurements = measurements;
    }

    public Outcome deliver(String messageBody) {
        if (OutageNoticeMessage.isOne(messageBody)) {
            return deliverOutage(OutageNoticeMessage.fromJson(messageBody));
        }
        NoticeMessage notice = NoticeMessage.fromJson(messageBody);
        LogKeys.reportId(notice.reportId().value());
        if (Reporter.ERASED.equals(notice.recipientEmail()) || erased.test(notice.reportId())) {
            return Outcome.ERASED;
        }
        Email email = compose(notice);
        return send(NoticeLedger.Key.report(notice.reportId(), notice.ledgerKey()), email, clock.instant(),
                notice.receivedAt().plus(retention), () -> "notice " + notice.reportId().value() + " " + notice.ledgerKey());
    }

    /** An outage notice: once per incident and recipient, however many of their reports it was queued for. */
    private Outcome deliverOutage(OutageNotices.OutageNotice notice) {
        Instant claimedAt = clock.instant();
        Email email = OutageNoticeEmail.compose(notice, claimedAt);
        NoticeLedger.Key key = NoticeLedger.Key.outage(notice.incidentId(),
                OutageNoticeMessage.ledgerRecipient(notice.recipientEmail()));
        return send(key, email, claimedAt, claimedAt.plus(retention),
                () -> "outage notice of " + notice.incidentId());
    }

    /** Claim, send, mark sent; the claim given back when the send fails. */
    private Outcome send(NoticeLedger.Key key, Email email, Instant claimedAt, Instant expiresAt,
                         Supplier<String> what) {
        switch (ledger.claim(key, claimedAt, CLAIM_LEASE, expiresAt)) {
            case ALREADY_SENT -> {
                return Outcome.ALREADY_SENT;
            }
            case IN_PROGRESS -> {
                measurements.emailDeferred();
                return Outcome.BUSY;
            }
            default -> {
            }
        }
        boolean slot;
        try {
            slot = pace.awaitSlot();
        } catch (RuntimeException slotsUnavailable) {
            writes.persistently(() -> ledger.release(key, claimedAt));
            throw slotsUnavailable;
        }
        if (!slot) {
            writes.persistently(() -> ledger.release(key, claimedAt));
            measurements.emailDeferred();
            return Outcome.DEFERRED;
        }
        String providerMessageId;
        try {
            providerMessageId = sender.send(email);
        } catch (RuntimeException sendFailed) {
            writes.persistently(() -> ledger.release(key, claimedAt));
            measurements.emailDeferred();
            throw new NotSentException(what.get(), sendFailed);
        }
        String sentId = providerMessageId;
        writes.persistently(() -> ledger.markSent(key, sentId, clock.instant()));
        measurements.emailSent();
        return Outcome.SENT;
    }

    /**
     * A send that failed, to be retried. Its message names the notice and the kind of failure only: the batch loop
     * logs it, and SES's own messages quote the recipient's address (the cause keeps them for a debugger).
     */
    public static final class NotSentException extends RuntimeException {
        NotSentException(String what, RuntimeException cause) {
            super(what + " not sent: " + kindOf(cause), cause);
        }

        public static String kindOf(RuntimeException failed) {
            if (failed instanceof AwsServiceException service && service.awsErrorDetails() != null) {
                return failed.getClass().getSimpleName() + " (" + service.awsErrorDetails().errorCode() + ", HTTP "
                        + service.statusCode() + ")";
            }
            return failed.getClass().getSimpleName();
        }
    }

    /** Composed before the claim: a notice that cannot be written is never claimed. */
    private Email compose(NoticeMessage notice) {
        return switch (notice.type()) {
            case NoticeMessage.ACKNOWLEDGEMENT -> AcknowledgementEmail.compose(notice);
            case NoticeMessage.DECISION -> DecisionEmail.compose(notice, mediation);
            case NoticeMessage.DOCUMENTS_REQUESTED -> DocumentRequestEmail.compose(notice);
            default -> throw new IllegalArgumentException("No email is defined for notice type " + notice.type());
        };
    }
}

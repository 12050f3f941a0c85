package dev.damagedesk.notifier.send;

import dev.damagedesk.adapters.message.NoticeMessage;
import dev.damagedesk.adapters.repository.NoticeLedger;
import dev.damagedesk.notifier.email.AcknowledgementEmail;
import dev.damagedesk.notifier.email.EmailSender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Delivers one notice: claim it in the ledger, send, record it sent; give the claim back if sending fails. */
public final class NoticeDelivery {

    public enum Outcome {
        SENT,
        /** An earlier delivery of the same notice sent it. */
        ALREADY_SENT,
        /** Another delivery is sending it right now: retry later to find out how that went. */
        BUSY
    }

    /** Longer than a send can take: a claim older than this belongs to a sender that died. */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(5);

    private final NoticeLedger ledger;
    private final EmailSender sender;
    private final Duration retention;
    private final Clock clock;

    public NoticeDelivery(NoticeLedger ledger, EmailSender sender, Duration retention, Clock clock) {
        this.ledger = ledger;
        this.sender = sender;
        this.retention = retention;
        this.clock = clock;
    }

    public Outcome deliver(String messageBody) {
        NoticeMessage notice = NoticeMessage.fromJson(messageBody);
        if (!NoticeMessage.ACKNOWLEDGEMENT.equals(notice.type())) {
            throw new IllegalArgumentException("No email is defined for notice type " + notice.type());
        }
        Instant claimedAt = clock.instant();
        var claim = ledger.claim(notice.reportId(), notice.type(), claimedAt, CLAIM_LEASE, notice.receivedAt().plus(retention));
        switch (claim) {
            case ALREADY_SENT -> {
                return Outcome.ALREADY_SENT;
            }
            case IN_PROGRESS -> {
                return Outcome.BUSY;
            }
            default -> {
            }
        }
        String providerMessageId;
        try {
            providerMessageId = sender.send(AcknowledgementEmail.compose(notice));
        } catch (RuntimeException sendFailed) {
            ledger.release(notice.reportId(), notice.type(), claimedAt);
            throw sendFailed;
        }
        ledger.markSent(notice.reportId(), notice.type(), providerMessageId, clock.instant());
        return Outcome.SENT;
    }
}

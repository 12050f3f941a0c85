package dev.damagedesk.domain.audit;

import dev.damagedesk.domain.staff.Actor;
import java.time.Instant;
import java.util.Objects;

/**
 * One change of the channel as a whole (a surge switch, a detected incident's confirmation), appended to the
 * operations trail and never edited. Entries are numbered from 1 without gaps and chained by hash as a report's
 * entries are ({@link OperationChain}); staff read them beside the reports' trails.
 *
 * @param subject      what the entry is about, unique for the event it records, e.g. {@code surge:<instant>} or
 *                     {@code detected-incident:<id>}: appending the same action on the same subject again is a no-op
 * @param detail       the figures or decision, in a line for staff; never personal data
 * @param previousHash the hash of entry {@code sequence - 1}; empty for the first
 * @param hash         SHA-256 (hex) of this entry's canonical form, {@code previousHash} included
 */
public record OperationEntry(long sequence, Instant at, Actor actor, OperationAction action, String subject,
                             String detail, String previousHash, String hash) {

    public OperationEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
    }

    /** Whether this entry records {@code action} on {@code subject}: the same event, appended before. */
    public boolean records(OperationAction action, String subject) {
        return this.action == action && this.subject.equals(subject);
    }
}

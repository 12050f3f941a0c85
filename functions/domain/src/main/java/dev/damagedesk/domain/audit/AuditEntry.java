package dev.damagedesk.domain.audit;

import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.staff.Actor;
import java.time.Instant;
import java.util.Objects;

/**
 * One change of one report, appended and never edited: who, when, what, the state before and after, why.
 * Entries of a report are numbered from 1 without gaps; entry {@code n} is written with the report's
 * {@code version} {@code n}, and carries the hash of entry {@code n - 1} ({@code previousHash}, empty for the
 * first), so that a removed, reordered or edited entry breaks the chain ({@link AuditChain}).
 *
 * @param action   what happened, e.g. {@code SCORED}, {@code RESCORED}, {@code APPROVED} (see {@link AuditAction})
 * @param before   null for the first entry (the report did not exist)
 * @param reason   the staff member's reason; null when the action needs none
 * @param detail   free detail for the action (a document deadline, a redriven message id); null when none
 * @param hash     SHA-256 (hex) of this entry's canonical form, {@code previousHash} included
 */
public record AuditEntry(ReportId reportId, long sequence, Instant at, Actor actor, AuditAction action,
                         AuditState before, AuditState after, String reason, String detail,
                         String previousHash, String hash) {

    public AuditEntry {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
    }
}

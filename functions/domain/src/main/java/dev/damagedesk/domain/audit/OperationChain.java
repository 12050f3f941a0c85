package dev.damagedesk.domain.audit;

import dev.damagedesk.domain.audit.AuditChain.Problem;
import dev.damagedesk.domain.audit.AuditChain.Verification;
import dev.damagedesk.domain.staff.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The tamper-evident chain of the operations trail, built and checked as {@link AuditChain} builds and checks a
 * report's: each entry's hash covers its canonical form (fixed member order, every code point above U+007E escaped)
 * and the previous entry's hash.
 */
public final class OperationChain {

    private OperationChain() {
    }

    /**
     * The entry after {@code previous} (the first entry when there is none).
     */
    public static OperationEntry next(OperationEntry previous, Instant at, Actor actor, OperationAction action,
                                      String subject, String detail) {
        long sequence = previous == null ? 1 : previous.sequence() + 1;
        String previousHash = previous == null ? "" : previous.hash();
        OperationEntry unhashed = new OperationEntry(sequence, at, actor, action, subject, detail, previousHash, "");
        return new OperationEntry(sequence, at, actor, action, subject, detail, previousHash, hashOf(unhashed));
    }

    /** SHA-256 (lower-case hex) of the entry's canonical form; the entry's own {@code hash} is not part of it. */
    public static String hashOf(OperationEntry entry) {
        return AuditChain.sha256(canonicalForm(entry));
    }

    /** The text that {@link #hashOf} hashes: everything of the entry but its hash, {@code previousHash} included. */
    public static String canonicalForm(OperationEntry entry) {
        Objects.requireNonNull(entry, "entry");
        StringBuilder out = new StringBuilder(256).append('{');
        out.append("\"sequence\":").append(entry.sequence()).append(',');
        AuditChain.member(out, "at", entry.at().toString()).append(',');
        AuditChain.actor(out, entry.actor()).append(',');
        AuditChain.member(out, "action", entry.action().name()).append(',');
        AuditChain.member(out, "subject", entry.subject()).append(',');
        AuditChain.member(out, "detail", entry.detail()).append(',');
        AuditChain.member(out, "previousHash", entry.previousHash());
        return out.append('}').toString();
    }

    /**
     * Checks consecutive entries, oldest first: sequences without gaps, each carrying its predecessor's hash, each
     * matching its own hash. A window that starts at entry 1 must start with an empty previous hash; a later window's
     * first link points outside it and is taken as it is.
     */
    public static Verification verify(List<OperationEntry> entries) {
        Objects.requireNonNull(entries, "entries");
        OperationEntry previous = null;
        for (OperationEntry entry : entries) {
            if (previous != null && entry.sequence() != previous.sequence() + 1) {
                return Verification.broken(previous.sequence() + 1, Problem.GAP, "entry " + (previous.sequence() + 1)
                        + " is missing (found " + entry.sequence() + " after " + previous.sequence() + ")");
            }
            boolean linked = previous == null
                    ? entry.sequence() > 1 || entry.previousHash().isEmpty()
                    : entry.previousHash().equals(previous.hash());
            if (!linked) {
                return Verification.broken(entry.sequence(), Problem.WRONG_PREVIOUS_HASH, "entry " + entry.sequence()
                        + " does not carry the hash of entry " + (entry.sequence() - 1));
            }
            if (!hashOf(entry).equals(entry.hash())) {
                return Verification.broken(entry.sequence(), Problem.HASH_MISMATCH, "entry " + entry.sequence()
                        + " does not match its hash: its content was changed");
            }
            previous = entry;
        }
        return Verification.ok();
    }
}

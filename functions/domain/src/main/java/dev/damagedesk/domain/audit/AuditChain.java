package dev.damagedesk.domain.audit;

import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.staff.Actor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The tamper-evident chain of a report's audit entries. Each entry's {@code hash} is the SHA-256 of its canonical
 * form ({@link #canonicalForm}), which includes the previous entry's hash: editing, removing or reordering an entry
 * breaks the link after it, and {@link #verify} names the first broken one.
 *
 * <p>The canonical form is a JSON object with a fixed member order, no whitespace, strings escaped as JSON
 * requires (every code point above U+007E as {@code \\uXXXX}, so the bytes never depend on an encoder), absent
 * values as {@code null}, instants in ISO-8601 UTC as {@link Instant#toString()} writes them. Any language can
 * recompute it from an exported entry.
 */
public final class AuditChain {

    /** Why a chain is not intact. */
    public enum Problem {
        /** An entry's sequence is not the one after its predecessor's: one is missing, doubled or out of order. */
        GAP("gap"),
        /** An entry does not carry the hash of the entry before it. */
        WRONG_PREVIOUS_HASH("wrong-previous-hash"),
        /** An entry's content does not match its hash: it was edited. */
        HASH_MISMATCH("hash-mismatch"),
        /** An entry of another report in this report's chain. */
        OTHER_REPORT("other-report"),
        /** The chain ends before the version the report is at: its last entries are missing. */
        TRUNCATED("truncated"),
        /** The trail's entry of the report's version is not the one the report item carries. */
        DIFFERS_FROM_REPORT("differs-from-report");

        private final String code;

        Problem(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * The result of {@link #verify}.
     *
     * @param firstBrokenSequence the sequence of the first entry that breaks the chain (for a gap: the sequence
     *                            that was expected there); null when intact
     * @param problem             null when intact
     */
    public record Verification(boolean intact, Long firstBrokenSequence, Problem problem, String message) {

        static Verification ok() {
            return new Verification(true, null, null, null);
        }

        static Verification broken(long sequence, Problem problem, String message) {
            return new Verification(false, sequence, problem, message);
        }
    }

    private AuditChain() {
    }

    /**
     * The first entry of a report: sequence 1, no previous hash, no state before.
     */
    public static AuditEntry first(ReportId reportId, Instant at, Actor actor, AuditAction action, AuditState after,
                                   String reason, String detail) {
        return entry(reportId, 1, at, actor, action, null, after, reason, detail, "");
    }

    /**
     * The entry after {@code previous}: the next sequence, {@code previous}'s hash as its previous hash.
     */
    public static AuditEntry next(AuditEntry previous, Instant at, Actor actor, AuditAction action, AuditState before,
                                  AuditState after, String reason, String detail) {
        Objects.requireNonNull(previous, "previous");
        return entry(previous.reportId(), previous.sequence() + 1, at, actor, action, before, after, reason, detail,
                previous.hash());
    }

    /** An entry with its hash computed; {@link #first} and {@link #next} are the usual ways to make one. */
    public static AuditEntry entry(ReportId reportId, long sequence, Instant at, Actor actor, AuditAction action,
                                   AuditState before, AuditState after, String reason, String detail,
                                   String previousHash) {
        AuditEntry unhashed = new AuditEntry(reportId, sequence, at, actor, action, before, after, reason, detail,
                previousHash, "");
        return new AuditEntry(reportId, sequence, at, actor, action, before, after, reason, detail, previousHash,
                hashOf(unhashed));
    }

    /** SHA-256 (lower-case hex) of the entry's canonical form; the entry's own {@code hash} is not part of it. */
    public static String hashOf(AuditEntry entry) {
        return sha256(canonicalForm(entry));
    }

    /** SHA-256 (lower-case hex) of a canonical form, which is ASCII by construction. */
    static String sha256(String canonicalForm) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalForm.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** The text that {@link #hashOf} hashes: everything of the entry but its hash, {@code previousHash} included. */
    public static String canonicalForm(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        StringBuilder out = new StringBuilder(512).append('{');
        member(out, "reportId", entry.reportId().value()).append(',');
        out.append("\"sequence\":").append(entry.sequence()).append(',');
        member(out, "at", entry.at().toString()).append(',');
        actor(out, entry.actor()).append(',');
        member(out, "action", entry.action().name()).append(',');
        out.append("\"before\":");
        state(out, entry.before()).append(',');
        out.append("\"after\":");
        state(out, entry.after()).append(',');
        member(out, "reason", entry.reason()).append(',');
        member(out, "detail", entry.detail()).append(',');
        member(out, "previousHash", entry.previousHash());
        return out.append('}').toString();
    }

    /**
     * Checks a report's entries, oldest first: sequences 1, 2, 3... without gaps, each carrying its predecessor's
     * hash (the first an empty one), each matching its own hash, all of one report.
     *
     * @return the first broken link, or intact (an empty list is intact: a report not yet stored has no entries)
     */
    public static Verification verify(List<AuditEntry> entries) {
        Objects.requireNonNull(entries, "entries");
        AuditEntry previous = null;
        for (AuditEntry entry : entries) {
            long expected = previous == null ? 1 : previous.sequence() + 1;
            if (previous != null && !entry.reportId().equals(previous.reportId())) {
                return Verification.broken(entry.sequence(), Problem.OTHER_REPORT, "entry " + entry.sequence()
                        + " belongs to report " + entry.reportId().value());
            }
            if (entry.sequence() != expected) {
                return Verification.broken(expected, Problem.GAP, "entry " + expected + " is missing (found "
                        + entry.sequence() + " after " + (expected - 1) + ")");
            }
            String expectedPrevious = previous == null ? "" : previous.hash();
            if (!entry.previousHash().equals(expectedPrevious)) {
                return Verification.broken(entry.sequence(), Problem.WRONG_PREVIOUS_HASH, "entry " + entry.sequence()
                        + " does not carry the hash of entry " + (expected - 1));
            }
            if (!hashOf(entry).equals(entry.hash())) {
                return Verification.broken(entry.sequence(), Problem.HASH_MISMATCH, "entry " + entry.sequence()
                        + " does not match its hash: its content was changed");
            }
            previous = entry;
        }
        return Verification.ok();
    }

    /**
     * {@link #verify} and, in addition, that the chain reaches the report's stored version (entry {@code version}
     * is the last): a chain whose last entries were removed is intact link by link but too short.
     */
    public static Verification verify(List<AuditEntry> entries, long version) {
        Verification links = verify(entries);
        if (!links.intact()) {
            return links;
        }
        long last = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).sequence();
        if (last < version) {
            return Verification.broken(last + 1, Problem.TRUNCATED, "the report is at version " + version
                    + " but its chain ends at entry " + last);
        }
        if (last > version) {
            return Verification.broken(version + 1, Problem.GAP, "the chain has entries past the report's version "
                    + version);
        }
        return links;
    }

    /**
     * A stored report's chain: the trail's entries with the entry the report carries for its version. The carried
     * entry fills the trail's last place when a crash kept it from the trail; when the trail has that place, the
     * two must be equal. Then {@link #verify(List, long)}.
     */
    public static Verification verify(List<AuditEntry> trail, AuditEntry carried, long version) {
        Objects.requireNonNull(trail, "trail");
        Objects.requireNonNull(carried, "carried");
        java.util.List<AuditEntry> chain = new java.util.ArrayList<>(trail);
        AuditEntry atVersion = trail.stream().filter(entry -> entry.sequence() == carried.sequence()).findFirst()
                .orElse(null);
        if (atVersion == null) {
            chain.add(carried);
            chain.sort(java.util.Comparator.comparingLong(AuditEntry::sequence));
        } else if (!atVersion.equals(carried)) {
            return Verification.broken(carried.sequence(), Problem.DIFFERS_FROM_REPORT, "entry " + carried.sequence()
                    + " of the trail is not the one the report carries");
        }
        return verify(chain, version);
    }

    private static StringBuilder state(StringBuilder out, AuditState state) {
        if (state == null) {
            return out.append("null");
        }
        out.append('{');
        member(out, "status", state.status().name()).append(',');
        member(out, "outcome", state.outcome() == null ? null : state.outcome().name()).append(',');
        member(out, "ruleId", state.ruleId()).append(',');
        member(out, "policyVersion", state.policyVersion()).append(',');
        out.append("\"amountKrw\":").append(state.amountKrw()).append(',');
        out.append("\"extensionMinutes\":").append(state.extensionMinutes()).append(',');
        member(out, "duplicateOf", state.duplicateOf());
        return out.append('}');
    }

    /** {@code "actor":{kind,id,name,role}}, as every chained entry writes its actor. */
    static StringBuilder actor(StringBuilder out, Actor actor) {
        out.append("\"actor\":{");
        member(out, "kind", actor.kind().name()).append(',');
        member(out, "id", actor.id()).append(',');
        member(out, "name", actor.name()).append(',');
        return member(out, "role", actor.role() == null ? null : actor.role().group()).append('}');
    }

    /** {@code "name":"value"} (or {@code null}), escaped as the canonical form requires. */
    static StringBuilder member(StringBuilder out, String name, String value) {
        out.append('"').append(name).append("\":");
        if (value == null) {
            return out.append("null");
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}

package dev.damagedesk.loadgen;

/**
 * The wave's bottom line, from what the clients were promised and what the table holds.
 *
 * @param accepted        reports answered 202 (distinct report ids)
 * @param found           of those, stored with the token hash their 202 promised
 * @param tokenMismatches of those, stored under another token hash
 * @param storedInWindow  report items received since the wave began (every report stored during it)
 */
public record StorageCheck(long accepted, long found, long tokenMismatches, long storedInWindow) {

    /** What the table answered for the accepted ids. */
    public record Found(long found, long tokenMismatches) {
    }

    /** Accepted reports that are not in the table with their token: must be 0. */
    public long lost() {
        return accepted - found;
    }

    /** Report items beyond one per accepted report (a report stored twice under two ids): must be 0. */
    public long duplicates() {
        return Math.max(0, storedInWindow - found - tokenMismatches);
    }

    public boolean clean() {
        return lost() == 0 && duplicates() == 0;
    }
}

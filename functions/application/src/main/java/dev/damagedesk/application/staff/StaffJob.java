package dev.damagedesk.application.staff;

import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffDecision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A bulk decision or an export, run page by page by the job worker, and its progress so far.
 *
 * @param decision            for {@link Kind#BULK_DECISION}: what is decided on every report; else null
 * @param includePersonalData for {@link Kind#EXPORT}: whether the personal-data columns are written
 * @param total               how many reports matched when the job was started (the dry run's count)
 * @param processed           reports decided (bulk) or rows written (export)
 * @param skipped             reports that had changed since they were read: left as they are, never overwritten
 * @param failed              reports the decision was refused for (transition table, role, amount limit)
 * @param amountKrw           money of the decided reports (bulk) or of the exported ones
 * @param pagesDone           the last page recorded; the next page to run is {@code pagesDone + 1}
 * @param nextCursor          where page {@code pagesDone + 1} starts; null before the second page and after the last
 * @param exportKey           for an export: the object key in the export bucket
 * @param uploadId            for an export: its multipart upload
 * @param partEtags           for an export: the ETags of the parts written so far, in order
 */
public record StaffJob(String jobId, Kind kind, Status status, Actor actor, ReportFilter filter,
                       StaffDecision decision, boolean includePersonalData, Instant createdAt,
                       long total, long processed, long skipped, long failed, long amountKrw, int pagesDone,
                       String nextCursor, String exportKey, String uploadId, List<String> partEtags) {

    public enum Kind { BULK_DECISION, EXPORT }

    public enum Status { RUNNING, DONE, FAILED }

    public StaffJob {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(createdAt, "createdAt");
        if (kind == Kind.BULK_DECISION) {
            Objects.requireNonNull(decision, "a bulk decision says what it decides");
        } else {
            Objects.requireNonNull(exportKey, "an export has its object key");
            Objects.requireNonNull(uploadId, "an export has its upload");
        }
        partEtags = partEtags == null ? List.of() : List.copyOf(partEtags);
    }

    /** What one page did. {@code etag}: the export part written by the page; null for a bulk page. */
    public record PageResult(int number, long processed, long skipped, long failed, long amountKrw, String etag,
                             String nextCursor) {
        public boolean last() {
            return nextCursor == null;
        }
    }

    /** A job just started: nothing done yet. */
    public static StaffJob started(String jobId, Kind kind, Actor actor, ReportFilter filter, StaffDecision decision,
                                   boolean includePersonalData, Instant createdAt, long total, String exportKey,
                                   String uploadId) {
        return new StaffJob(jobId, kind, Status.RUNNING, actor, filter, decision, includePersonalData, createdAt,
                total, 0, 0, 0, 0, 0, null, exportKey, uploadId, List.of());
    }

    /** This job with one more page counted; DONE after the last. */
    public StaffJob after(PageResult page) {
        if (page.number() != pagesDone + 1) {
            throw new IllegalArgumentException("page " + page.number() + " after page " + pagesDone);
        }
        List<String> etags = new ArrayList<>(partEtags);
        if (page.etag() != null) {
            etags.add(page.etag());
        }
        return new StaffJob(jobId, kind, page.last() ? Status.DONE : status, actor, filter, decision,
                includePersonalData, createdAt, total, processed + page.processed(), skipped + page.skipped(),
                failed + page.failed(), amountKrw + page.amountKrw(), page.number(), page.nextCursor(), exportKey, uploadId, etags);
    }
}

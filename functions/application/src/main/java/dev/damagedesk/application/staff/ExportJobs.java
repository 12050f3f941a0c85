package dev.damagedesk.application.staff;

import dev.damagedesk.application.port.ExportFiles;
import dev.damagedesk.application.port.QueuePage;
import dev.damagedesk.application.port.QueueQuery;
import dev.damagedesk.application.port.ReportStore;
import dev.damagedesk.application.port.StaffJobQueue;
import dev.damagedesk.application.port.StaffJobs;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffNotAllowedException;
import dev.damagedesk.domain.staff.StaffRole;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * CSV export of a filter, written asynchronously into the export bucket as a multipart upload: each job page
 * reads pages of the queue until it holds at least one part's worth of rows (S3's minimum part size), uploads it
 * and queues the next; the last page completes the upload. No request and no function invocation ever holds a
 * whole export, so 100,000 rows meet no time-out and no payload limit.
 */
public final class ExportJobs {

    public static final Duration DOWNLOAD_LINK_VALIDITY = Duration.ofMinutes(15);

    private final ReportStore reports;
    private final StaffJobs jobs;
    private final StaffJobQueue queue;
    private final ExportFiles files;
    private final Clock clock;
    private final int partBytes;

    public ExportJobs(ReportStore reports, StaffJobs jobs, StaffJobQueue queue, ExportFiles files, Clock clock) {
        this(reports, jobs, queue, files, clock, ExportFiles.MIN_PART_BYTES);
    }

    /** @param partBytes the size from which a part is uploaded; smaller than S3's minimum only in tests */
    public ExportJobs(ReportStore reports, StaffJobs jobs, StaffJobQueue queue, ExportFiles files, Clock clock,
                      int partBytes) {
        this.reports = reports;
        this.jobs = jobs;
        this.queue = queue;
        this.files = files;
        this.clock = clock;
        this.partBytes = partBytes;
    }

    public StaffJob start(String jobId, Actor actor, ReportFilter filter, boolean includePersonalData) {
        if (!actor.isStaff()) {
            throw new StaffNotAllowedException(StaffNotAllowedException.Why.FORBIDDEN, "Only staff export");
        }
        if (includePersonalData && !actor.role().atLeast(StaffRole.SUPERVISOR)) {
            throw new StaffNotAllowedException(StaffNotAllowedException.Why.FORBIDDEN,
                    "Only supervisors export personal data");
        }
        FilterTally tally = FilterTally.of(reports, filter);
        String key = "exports/" + jobId + ".csv";
        String uploadId = files.begin(key, "text/csv; charset=utf-8");
        StaffJob job = StaffJob.started(jobId, StaffJob.Kind.EXPORT, actor, filter, null, includePersonalData,
                clock.instant(), tally.reports(), key, uploadId);
        jobs.create(job);
        queue.send(new JobPage(jobId, 1, null));
        return job;
    }

    /**
     * Writes one part. A part already recorded (a redelivery) is not written again; the next part is queued again,
     * or the upload completed again, in case the first delivery stopped in between.
     */
    public void runPage(JobPage page) {
        StaffJob job = jobs.find(page.jobId()).orElseThrow(() -> new IllegalStateException("No job " + page.jobId()));
        if (job.kind() != StaffJob.Kind.EXPORT) {
            throw new IllegalArgumentException("Job " + job.jobId() + " is not an export");
        }
        if (job.pagesDone() >= page.number()) {
            if (job.pagesDone() == page.number()) {
                continueAfter(job);
            }
            return;
        }
        if (job.pagesDone() != page.number() - 1) {
            throw new IllegalStateException("Job " + job.jobId() + " page " + page.number() + " before page " + (page.number() - 1));
        }
        ByteArrayOutputStream part = new ByteArrayOutputStream(partBytes + 64 * 1024);
        if (page.number() == 1) {
            part.writeBytes(ExportCsv.BOM);
            part.writeBytes(ExportCsv.utf8(ExportCsv.header(job.includePersonalData())));
        }
        long rows = 0;
        long amount = 0;
        String cursor = page.cursor();
        do {
            QueuePage read = reports.queue(job.filter().page(QueueQuery.MAX_LIMIT, cursor));
            for (StoredReport stored : read.reports()) {
                part.writeBytes(ExportCsv.utf8(ExportCsv.row(stored, job.includePersonalData())));
                rows++;
                amount += FilterTally.amountOf(stored);
            }
            cursor = read.nextCursor();
        } while (cursor != null && part.size() < partBytes);
        String etag = files.uploadPart(job.exportKey(), job.uploadId(), page.number(), part.toByteArray());
        Optional<StaffJob> after = jobs.recordPage(job.jobId(),
                new StaffJob.PageResult(page.number(), rows, 0, 0, amount, etag, cursor));
        after.ifPresent(this::continueAfter);
    }

    /** The link to a finished export; empty while it runs. */
    public Optional<URI> downloadUrl(StaffJob job) {
        if (job.kind() != StaffJob.Kind.EXPORT || job.status() != StaffJob.Status.DONE) {
            return Optional.empty();
        }
        return Optional.of(files.downloadUrl(job.exportKey(), DOWNLOAD_LINK_VALIDITY));
    }

    private void continueAfter(StaffJob job) {
        if (job.status() == StaffJob.Status.DONE) {
            files.complete(job.exportKey(), job.uploadId(), job.partEtags());
        } else {
            queue.send(new JobPage(job.jobId(), job.pagesDone() + 1, job.nextCursor()));
        }
    }
}

package dev.damagedesk.application.port;

import dev.damagedesk.application.staff.StaffJob;
import java.util.Optional;

/**
 * Where bulk-decision and export jobs keep their progress: one item per job. A page is counted once: a page
 * delivered twice by the job queue records nothing the second time.
 */
public interface StaffJobs {

    /** Stores a new job; the same job id twice is a no-op. */
    void create(StaffJob job);

    Optional<StaffJob> find(String jobId);

    /**
     * Records page {@code page.number()} of the job, only if the job's last recorded page is the one before it.
     *
     * @return the job after the page, or empty when this page was already recorded (a redelivery)
     */
    Optional<StaffJob> recordPage(String jobId, StaffJob.PageResult page);
}

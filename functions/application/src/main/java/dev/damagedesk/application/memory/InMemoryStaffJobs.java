package dev.damagedesk.application.memory;

import dev.damagedesk.application.port.StaffJobs;
import dev.damagedesk.application.staff.StaffJob;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link StaffJobs} in a map, with the table's rule: a page is recorded once, right after its predecessor. */
public final class InMemoryStaffJobs implements StaffJobs {

    private final ConcurrentMap<String, StaffJob> jobs = new ConcurrentHashMap<>();

    @Override
    public void create(StaffJob job) {
        jobs.putIfAbsent(job.jobId(), job);
    }

    @Override
    public Optional<StaffJob> find(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    @Override
    public Optional<StaffJob> recordPage(String jobId, StaffJob.PageResult page) {
        StaffJob[] recorded = {null};
        jobs.computeIfPresent(jobId, (id, job) -> {
            if (job.pagesDone() != page.number() - 1) {
                return job;
            }
            recorded[0] = job.after(page);
            return recorded[0];
        });
        return Optional.ofNullable(recorded[0]);
    }
}

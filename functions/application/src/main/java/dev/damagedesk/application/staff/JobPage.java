package dev.damagedesk.application.staff;

import java.util.Objects;

/**
 * One unit of work of a staff job, as queued: page {@code number} (from 1) starts at {@code cursor} (null for
 * the first page) of the job's filter.
 */
public record JobPage(String jobId, int number, String cursor) {

    public JobPage {
        Objects.requireNonNull(jobId, "jobId");
        if (number < 1) {
            throw new IllegalArgumentException("pages are numbered from 1: " + number);
        }
    }
}

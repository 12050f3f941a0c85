package dev.damagedesk.application.memory;

import dev.damagedesk.application.port.StaffJobQueue;
import dev.damagedesk.application.staff.JobPage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** The staff job queue in memory: first in, first out, as a test's worker drains it. */
public final class InMemoryStaffJobQueue implements StaffJobQueue {

    private final Deque<JobPage> pages = new ArrayDeque<>();
    private int sent;

    @Override
    public synchronized void send(JobPage page) {
        pages.addLast(page);
        sent++;
    }

    public synchronized Optional<JobPage> poll() {
        return Optional.ofNullable(pages.pollFirst());
    }

    /** How many pages were ever sent. */
    public synchronized int sent() {
        return sent;
    }
}

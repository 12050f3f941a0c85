package dev.damagedesk.application.staff;

import dev.damagedesk.application.port.QueuePage;
import dev.damagedesk.application.port.QueueQuery;
import dev.damagedesk.application.port.ReportStore;
import dev.damagedesk.application.port.StoredReport;

/** How many reports a filter holds and how much money their decisions award: a bulk dry run, a job's total. */
public record FilterTally(long reports, long amountKrw) {

    /** Pages of the queue's largest size: the fewest reads. */
    static FilterTally of(ReportStore store, ReportFilter filter) {
        long count = 0;
        long amount = 0;
        String cursor = null;
        do {
            QueuePage page = store.queue(filter.page(QueueQuery.MAX_LIMIT, cursor));
            for (StoredReport stored : page.reports()) {
                count++;
                amount += amountOf(stored);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return new FilterTally(count, amount);
    }

    static long amountOf(StoredReport stored) {
        return stored.report().decision() == null ? 0 : stored.report().decision().amountKrw();
    }
}

package dev.damagedesk.application.port;

import java.util.List;

/** @param nextCursor null after the last page */
public record QueuePage(List<StoredReport> reports, String nextCursor) {

    public QueuePage {
        reports = List.copyOf(reports);
    }
}

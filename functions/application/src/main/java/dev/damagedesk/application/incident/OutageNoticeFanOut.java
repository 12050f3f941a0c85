package dev.damagedesk.application.incident;

import dev.damagedesk.application.port.DetectedIncidents;
import dev.damagedesk.application.port.NoticeSubscriptions;
import dev.damagedesk.application.port.OutageNoticePages;
import dev.damagedesk.application.port.OutageNoticePages.Audience;
import dev.damagedesk.application.port.OutageNoticePages.OutageNoticePage;
import dev.damagedesk.application.port.OutageNotices;
import dev.damagedesk.application.port.OutageNotices.OutageNotice;
import dev.damagedesk.application.port.ReportStore;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.detection.DetectedIncident;
import dev.damagedesk.domain.incident.OutageWindow;
import dev.damagedesk.domain.report.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outage notices of a confirmed incident, in pages: per service, one walk over the reports filed under the
 * source incident for it (oldest first; those received in the incident's window are its reports) and one over the
 * service's subscribers. Each page queues its notices and then the next page, so no invocation grows with the
 * incident. A page run twice queues its notices twice: the notifier's ledger sends each recipient one.
 */
public final class OutageNoticeFanOut {

    /** Small enough that a page (a read and one batched queueing) finishes in seconds. */
    public static final int PAGE_SIZE = 25;

    /** What one page did. */
    public record PageResult(int read, int queued, boolean morePages) {
    }

    private final DetectedIncidents detected;
    private final ReportStore reports;
    private final NoticeSubscriptions subscriptions;
    private final OutageNotices notices;
    private final OutageNoticePages pages;

    public OutageNoticeFanOut(DetectedIncidents detected, ReportStore reports, NoticeSubscriptions subscriptions,
                              OutageNotices notices, OutageNoticePages pages) {
        this.detected = Objects.requireNonNull(detected, "detected");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.notices = Objects.requireNonNull(notices, "notices");
        this.pages = Objects.requireNonNull(pages, "pages");
    }

    /** Queues the first pages: reporters and subscribers of each service. */
    public void start(DetectedIncident confirmed) {
        if (!confirmed.notifiesOutage()) {
            throw new IllegalArgumentException(confirmed.id() + " is not notified: not confirmed, or shorter than two hours");
        }
        for (String service : confirmed.services()) {
            pages.queue(new OutageNoticePage(confirmed.id(), Audience.REPORTERS, service, null));
            pages.queue(new OutageNoticePage(confirmed.id(), Audience.SUBSCRIBERS, service, null));
        }
    }

    /** @throws IllegalStateException when the incident is unknown or not one that is notified (retrying cannot help) */
    public PageResult runPage(OutageNoticePage page) {
        DetectedIncident incident = detected.find(page.incidentId())
                .filter(DetectedIncident::notifiesOutage)
                .orElseThrow(() -> new IllegalStateException("No notified incident " + page.incidentId()));
        List<OutageNotice> queued = new ArrayList<>();
        int read;
        Map<String, String> next;
        if (page.audience() == Audience.REPORTERS) {
            ReportStore.ServicePage found = reports.pageOfService(incident.sourceIncidentId(), page.service(),
                    page.cursor(), PAGE_SIZE);
            read = found.reports().size();
            next = found.next();
            OutageWindow window = incident.window();
            for (StoredReport stored : found.reports()) {
                Report report = stored.report();
                if (!report.receivedAt().isBefore(window.end())) {
                    next = null; // oldest first: every later report is after the window too
                    break;
                }
                // An erased reporter has no address left to be told at.
                if (!report.receivedAt().isBefore(window.start()) && !report.personalDataErased()) {
                    queued.add(noticeFor(incident, report.submission().reporter().email(),
                            report.submission().reporter().name(), report.submission().language()));
                }
            }
        } else {
            NoticeSubscriptions.Page found = subscriptions.page(page.service(), page.cursor(), PAGE_SIZE);
            read = found.subscriptions().size();
            next = found.next();
            found.subscriptions().forEach(subscription ->
                    queued.add(noticeFor(incident, subscription.email(), null, subscription.language())));
        }
        if (!queued.isEmpty()) {
            notices.queue(queued);
        }
        if (next != null) {
            pages.queue(new OutageNoticePage(page.incidentId(), page.audience(), page.service(), next));
        }
        return new PageResult(read, queued.size(), next != null);
    }

    private static OutageNotice noticeFor(DetectedIncident incident, String email, String name,
                                          dev.damagedesk.domain.report.Language language) {
        return new OutageNotice(incident.id(), email, name, language, List.copyOf(incident.services()),
                incident.outage().start(), incident.decision().restoredAt());
    }
}

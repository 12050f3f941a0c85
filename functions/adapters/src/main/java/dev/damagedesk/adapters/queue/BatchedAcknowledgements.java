package dev.damagedesk.adapters.queue;

import dev.damagedesk.adapters.message.NoticeMessage;
import dev.damagedesk.application.port.Notifications;
import dev.damagedesk.application.port.StoredReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link Notifications} for a batch of reports: acknowledgements are held while the batch's records are processed
 * (from any thread) and then queued together, ten a SendMessageBatch call, by {@link #send}, instead of one
 * SendMessage each. The caller fails the records whose acknowledgement SQS did not take, so their redelivery queues it
 * again (a redelivered report is acknowledged again; the notifier's ledger sends each once). Decisions and document
 * requests are not a batch's: they are queued at once, as {@link SqsNotifications} queues them.
 */
public final class BatchedAcknowledgements implements Notifications {

    private final MessageQueue notificationQueue;
    private final SqsNotifications immediate;
    private final Map<String, String> pending = new LinkedHashMap<>();

    public BatchedAcknowledgements(MessageQueue notificationQueue) {
        this.notificationQueue = Objects.requireNonNull(notificationQueue, "notificationQueue");
        this.immediate = new SqsNotifications(notificationQueue);
    }

    @Override
    public void acknowledge(StoredReport report) {
        String body = NoticeMessage.acknowledgementOf(report.report()).toJson();
        synchronized (pending) {
            pending.put(report.report().id().value(), body);
        }
    }

    @Override
    public void decided(StoredReport report) {
        immediate.decided(report);
    }

    @Override
    public void documentsRequested(StoredReport report, Instant deadline, String whatIsNeeded) {
        immediate.documentsRequested(report, deadline, whatIsNeeded);
    }

    /**
     * Queues every acknowledgement held so far and forgets them.
     *
     * @return the ids of the reports whose acknowledgement SQS did not take
     */
    public Set<String> send() {
        List<Map.Entry<String, String>> held;
        synchronized (pending) {
            held = new ArrayList<>(pending.entrySet());
            pending.clear();
        }
        Set<String> unsent = new TreeSet<>();
        for (int from = 0; from < held.size(); from += MessageQueue.MAX_BATCH) {
            List<Map.Entry<String, String>> chunk = held.subList(from, Math.min(held.size(), from + MessageQueue.MAX_BATCH));
            for (int refused : notificationQueue.sendBatch(chunk.stream().map(Map.Entry::getValue).toList())) {
                unsent.add(chunk.get(refused).getKey());
            }
        }
        return unsent;
    }
}

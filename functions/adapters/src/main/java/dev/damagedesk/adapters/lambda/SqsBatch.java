package dev.damagedesk.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.damagedesk.application.PermanentFailureException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The batch loop of every SQS function, written once. Each record is parsed and handled on its own; a record that
 * fails is returned as a batch item failure (the event sources have {@code ReportBatchItemFailures}), so one bad
 * record never holds back or repeats the others, and SQS delivers it again; after the queue's
 * {@code maxReceiveCount} it is parked in the dead-letter queue. Nothing is dropped.
 *
 * <ul>
 *   <li>a {@link PermanentFailureException} (a malformed message, an unknown incident...) cannot succeed on a
 *       retry: logged once as ERROR, and still returned as a failure, so the dead-letter queue keeps it for a
 *       person (the function has no right to delete a message it did not handle);</li>
 *   <li>any other exception is taken as transient (throttling, an outage, a stale write): WARN, retried;</li>
 *   <li>a handler may also ask for a retry without failing ({@link Result#retryLater}), e.g. while another
 *       delivery of the same notice holds its claim.</li>
 * </ul>
 *
 * Log lines carry the message id as the key {@code messageId} (and {@code reportId} when the handler sets it:
 * {@link LogKeys#reportId}), and name the receive count and the handler's summary or the exception's type and
 * message, never the body: bodies carry reporters' names and contacts. Summaries and exception messages of this
 * code base name ids, codes and counts only.
 *
 * <p>A batch's records are handled one after the other, or, with {@link #concurrently}, at once on a bounded pool
 * built once per container: for records that are independent (standard queues carry no order; every write the
 * handler makes must be safe against a concurrent one, as it is against another container's).
 *
 * @param <M> the parsed message
 */
public final class SqsBatch<M> {

    private static final Logger LOG = LoggerFactory.getLogger(SqsBatch.class);

    /** What handling one record came to. */
    public record Result(boolean done, String summary) {

        public Result {
            Objects.requireNonNull(summary, "summary");
        }

        /** Handled: SQS deletes the message. {@code summary}: ids, codes, counts; no personal data. */
        public static Result done(String summary) {
            return new Result(true, summary);
        }

        /** Not handled yet, nothing wrong: SQS delivers it again after its visibility timeout. */
        public static Result retryLater(String why) {
            return new Result(false, why);
        }
    }

    /** The per-record work. */
    @FunctionalInterface
    public interface RecordHandler<M> {
        Result handle(M message);
    }

    private final String what;
    private final Function<String, M> parse;
    private final RecordHandler<M> handler;
    private final Function<M, Collection<String>> keysOf;
    private final ExecutorService pool;

    /**
     * @param what   what a message is, for the log ("report", "notice", "re-scoring page")
     * @param parse  the message format's reader; it throws a {@link PermanentFailureException} for a body it cannot
     *               read
     */
    public SqsBatch(String what, Function<String, M> parse, RecordHandler<M> handler) {
        this(what, parse, handler, null, null);
    }

    private SqsBatch(String what, Function<String, M> parse, RecordHandler<M> handler,
                     Function<M, Collection<String>> keysOf, ExecutorService pool) {
        this.what = Objects.requireNonNull(what, "what");
        this.parse = Objects.requireNonNull(parse, "parse");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.keysOf = keysOf;
        this.pool = pool;
    }

    /**
     * The same loop with the batch's independent records handled at once, on up to {@code threads} daemon threads
     * built once (a container keeps them between invocations; Lambda freezes them with it). Records that share a key
     * ({@code keysOf}, e.g. the reporter's identities) depend on each other and are handled one after the other, in
     * the batch's order, as without a pool. The handler must be thread-safe.
     *
     * @param keysOf what makes two records dependent; a record it cannot read (unparsable) stands alone
     */
    public static <M> SqsBatch<M> concurrently(String what, Function<String, M> parse, RecordHandler<M> handler,
                                               Function<M, Collection<String>> keysOf, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        return new SqsBatch<>(what, parse, handler, Objects.requireNonNull(keysOf, "keysOf"),
                Executors.newFixedThreadPool(threads, work -> {
                    Thread thread = new Thread(work, what.replace(' ', '-') + "-record");
                    thread.setDaemon(true);
                    return thread;
                }));
    }

    /** Handles every record of the batch; the log lines of each carry its {@code messageId} (and {@code reportId}). */
    public SQSBatchResponse handle(SQSEvent event) {
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        List<Optional<String>> outcomes = new ArrayList<>();
        if (pool == null || records.size() < 2) {
            records.forEach(message -> outcomes.add(handleOne(message)));
        } else {
            records.forEach(message -> outcomes.add(Optional.empty()));
            // The invocation's log keys (request id, cold start...) go with each group to its thread.
            Map<String, String> context = MDC.getCopyOfContextMap();
            List<List<Integer>> groups = dependentGroups(records);
            List<Future<?>> running = new ArrayList<>();
            for (List<Integer> group : groups) {
                running.add(pool.submit(() -> {
                    if (context != null) {
                        MDC.setContextMap(context);
                    }
                    try {
                        group.forEach(i -> outcomes.set(i, handleOne(records.get(i))));
                    } finally {
                        MDC.clear();
                    }
                }));
            }
            for (int g = 0; g < running.size(); g++) {
                awaitGroup(running.get(g), groups.get(g), records, outcomes);
            }
        }
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        outcomes.forEach(failed -> failed.ifPresent(id -> failures.add(new SQSBatchResponse.BatchItemFailure(id))));
        return new SQSBatchResponse(failures);
    }

    /** The records' indexes grouped so that records sharing a key are in one group, each group in batch order. */
    private List<List<Integer>> dependentGroups(List<SQSEvent.SQSMessage> records) {
        List<List<Integer>> groups = new ArrayList<>();
        List<Set<String>> groupKeys = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Set<String> keys = new HashSet<>(keysOf(records.get(i)));
            List<Integer> merged = new ArrayList<>(List.of(i));
            for (int g = groups.size() - 1; g >= 0; g--) {
                if (!java.util.Collections.disjoint(groupKeys.get(g), keys)) {
                    merged.addAll(groups.remove(g));
                    keys.addAll(groupKeys.remove(g));
                }
            }
            merged.sort(null);
            groups.add(merged);
            groupKeys.add(keys);
        }
        return groups;
    }

    private Collection<String> keysOf(SQSEvent.SQSMessage message) {
        try {
            return keysOf.apply(parse.apply(message.getBody()));
        } catch (RuntimeException unreadable) {
            return List.of(); // handleOne reports it
        }
    }

    /** Waits for a group; a group that cannot finish (interrupted, an Error) fails its unfinished records. */
    private static void awaitGroup(Future<?> task, List<Integer> group, List<SQSEvent.SQSMessage> records,
                                   List<Optional<String>> outcomes) {
        try {
            task.get();
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("records failed, will retry: {}", e.getCause().toString());
        }
        group.forEach(i -> outcomes.set(i, Optional.of(records.get(i).getMessageId())));
    }

    /** @return the message id when the record failed (SQS delivers it again), empty when it is done */
    private Optional<String> handleOne(SQSEvent.SQSMessage message) {
        String id = message.getMessageId();
        MDC.put(LogKeys.MESSAGE_ID, id);
        String receive = " (receive " + receiveCount(message) + ")";
        try {
            Result result = handler.handle(parse.apply(message.getBody()));
            if (result.done()) {
                LOG.info("{}: {}", what, result.summary());
                return Optional.empty();
            }
            LOG.info("{}{} retried later: {}", what, receive, result.summary());
        } catch (PermanentFailureException permanent) {
            LOG.error("{}{} cannot be processed, left for the dead-letter queue: {}", what, receive,
                    permanent.getMessage());
        } catch (RuntimeException transientOrBug) {
            LOG.warn("{}{} failed, will retry: {}: {}", what, receive, transientOrBug.getClass().getSimpleName(),
                    transientOrBug.getMessage());
        } finally {
            MDC.remove(LogKeys.MESSAGE_ID);
            MDC.remove(LogKeys.REPORT_ID);
        }
        return Optional.of(id);
    }

    private static String receiveCount(SQSEvent.SQSMessage message) {
        return message.getAttributes() == null ? "?"
                : message.getAttributes().getOrDefault("ApproximateReceiveCount", "?");
    }
}

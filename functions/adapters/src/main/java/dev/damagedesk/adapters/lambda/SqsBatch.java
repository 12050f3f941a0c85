package dev.damagedesk.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.damagedesk.application.PermanentFailureException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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

    /**
     * @param what   what a message is, for the log ("report", "notice", "re-scoring page")
     * @param parse  the message format's reader; it throws a {@link PermanentFailureException} for a body it cannot
     *               read
     */
    public SqsBatch(String what, Function<String, M> parse, RecordHandler<M> handler) {
        this.what = Objects.requireNonNull(what, "what");
        this.parse = Objects.requireNonNull(parse, "parse");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** Handles every record of the batch; the log lines of each carry its {@code messageId} (and {@code reportId}). */
    public SQSBatchResponse handle(SQSEvent event) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage message : records) {
            String id = message.getMessageId();
            MDC.put(LogKeys.MESSAGE_ID, id);
            String receive = " (receive " + receiveCount(message) + ")";
            try {
                Result result = handler.handle(parse.apply(message.getBody()));
                if (result.done()) {
                    LOG.info("{}: {}", what, result.summary());
                } else {
                    LOG.info("{}{} retried later: {}", what, receive, result.summary());
                    failures.add(new SQSBatchResponse.BatchItemFailure(id));
                }
            } catch (PermanentFailureException permanent) {
                LOG.error("{}{} cannot be processed, left for the dead-letter queue: {}", what, receive,
                        permanent.getMessage());
                failures.add(new SQSBatchResponse.BatchItemFailure(id));
            } catch (RuntimeException transientOrBug) {
                LOG.warn("{}{} failed, will retry: {}: {}", what, receive, transientOrBug.getClass().getSimpleName(),
                        transientOrBug.getMessage());
                failures.add(new SQSBatchResponse.BatchItemFailure(id));
            } finally {
                MDC.remove(LogKeys.MESSAGE_ID);
                MDC.remove(LogKeys.REPORT_ID);
            }
        }
        return new SQSBatchResponse(failures);
    }

    private static String receiveCount(SQSEvent.SQSMessage message) {
        return message.getAttributes() == null ? "?"
                : message.getAttributes().getOrDefault("ApproximateReceiveCount", "?");
    }
}

package dev.damagedesk.localruntime.poller;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.damagedesk.localaws.template.SqsEventSource;
import dev.damagedesk.localruntime.function.FunctionInvocationException;
import dev.damagedesk.localruntime.function.LambdaFunction;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * One SQS event source of a function, polled the way Lambda's event source mapping polls it: long polls of up to ten
 * messages with every system and message attribute, gathered into a batch of up to {@code BatchSize} within
 * {@code MaximumBatchingWindowInSeconds}, handed to the function as one SQS event. Afterwards the messages that
 * succeeded are deleted: with {@code ReportBatchItemFailures} all but those the response names (see
 * {@link BatchItemFailures}); without it, all of them when the function returned. When the function throws or times
 * out nothing is deleted. Failed messages come back once the queue's visibility timeout runs out, and the queue's
 * redrive policy (ElasticMQ's, not this class) moves them to the dead-letter queue after {@code maxReceiveCount}
 * receives. Up to {@code min(MaximumConcurrency, concurrencyCap)} batches are in flight at once; the
 * {@code MaximumConcurrency} can be changed while it polls ({@link #setMaximumConcurrency}, what
 * {@code UpdateEventSourceMapping} does on AWS): a worker over the new limit finishes its batch, then waits.
 *
 * <p>Local deviation, off by default: {@code failedMessageVisibilitySeconds} makes failed messages visible again
 * after that many seconds ({@code ChangeMessageVisibility}) instead of the queue's visibility timeout, so that retries
 * and dead-lettering show up in seconds rather than minutes. Lambda never does this.
 */
public final class SqsEventSourcePoller implements AutoCloseable {

    /** The most batches one event source has in flight locally (Lambda scales far beyond; a laptop should not). */
    public static final int DEFAULT_CONCURRENCY_CAP = 4;

    private static final int MAX_MESSAGES_PER_RECEIVE = 10;
    private static final int WAIT_TIME_SECONDS = 1;
    /** How often a worker over the current MaximumConcurrency looks again. */
    private static final Duration IDLE_CHECK = Duration.ofMillis(100);
    private static final Logger LOG = LoggerFactory.getLogger(SqsEventSourcePoller.class);

    private final SqsClient sqs;
    private final SqsEventSource source;
    private final String queueUrl;
    private final String queueArn;
    private final LambdaFunction function;
    private final OptionalInt failedMessageVisibilitySeconds;
    private final int concurrencyCap;
    private volatile int maximumConcurrency;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong failedMessages = new AtomicLong();
    private volatile boolean running;
    /** Local fault injection: the messages of a batch to deliver a second time; none by default. */
    private volatile UnaryOperator<List<Message>> duplicates = batch -> List.of();
    private volatile ExecutorService duplicateInvoker;

    /**
     * @param failedMessageVisibilitySeconds local deviation, see the class comment; empty for Lambda's behaviour
     * @param concurrencyCap                 the most batches in flight, whatever {@code MaximumConcurrency} says
     */
    public SqsEventSourcePoller(SqsClient sqs, SqsEventSource source, String queueUrl, String queueArn, LambdaFunction function,
                                OptionalInt failedMessageVisibilitySeconds, int concurrencyCap) {
        if (concurrencyCap < 1) {
            throw new IllegalArgumentException("concurrencyCap must be at least 1");
        }
        if (source.batchSize() < 1) {
            throw new IllegalArgumentException(source.eventName() + ": BatchSize must be at least 1");
        }
        failedMessageVisibilitySeconds.ifPresent(seconds -> {
            if (seconds < 0 || seconds > 43_200) {
                throw new IllegalArgumentException("failedMessageVisibilitySeconds must be 0..43200, was " + seconds);
            }
        });
        this.sqs = sqs;
        this.source = source;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.function = function;
        this.failedMessageVisibilitySeconds = failedMessageVisibilitySeconds;
        this.concurrencyCap = concurrencyCap;
        this.maximumConcurrency = source.maximumConcurrency() > 0 ? source.maximumConcurrency()
                : SqsEventSource.DEFAULT_MAXIMUM_CONCURRENCY;
    }

    /**
     * Local fault injection (set before {@link #start}): the messages {@code picker} picks from each received batch are
     * delivered a second time, in an invocation of their own at the same time as the batch's, as SQS's at-least-once
     * delivery may do. The copy's outcome deletes nothing and retries nothing: the original delivery decides.
     */
    public void deliverTwice(UnaryOperator<List<Message>> picker) {
        this.duplicates = java.util.Objects.requireNonNull(picker, "picker");
        this.duplicateInvoker = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "poller-duplicate-" + source.eventName());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The batches it may have in flight now: {@code min(MaximumConcurrency, concurrencyCap)}. */
    public int concurrency() {
        return Math.min(maximumConcurrency, concurrencyCap);
    }

    /** The event source's {@code MaximumConcurrency} as the Lambda API reports it (the template's, or as updated). */
    public int maximumConcurrency() {
        return maximumConcurrency;
    }

    /**
     * Changes {@code MaximumConcurrency} while polling: workers over the new limit stop taking batches after the one
     * they have; under a raised limit the waiting workers start again (up to {@code concurrencyCap}).
     *
     * @throws IllegalArgumentException outside 2..1000, as Lambda refuses it
     */
    public void setMaximumConcurrency(int maximumConcurrency) {
        if (maximumConcurrency < 2 || maximumConcurrency > 1000) {
            throw new IllegalArgumentException("MaximumConcurrency must be between 2 and 1000, was " + maximumConcurrency);
        }
        int before = this.maximumConcurrency;
        this.maximumConcurrency = maximumConcurrency;
        LOG.info("{} {}: MaximumConcurrency {} -> {} ({} batches in flight at most locally)", function.name(),
                source.eventName(), before, maximumConcurrency, concurrency());
    }

    /** Batches being processed right now. */
    public int inFlight() {
        return inFlight.get();
    }

    public SqsEventSource source() {
        return source;
    }

    /** Batches handed to the function so far. */
    public long batches() {
        return batches.get();
    }

    /** Messages that failed (and were not deleted) so far. */
    public long failedMessages() {
        return failedMessages.get();
    }

    /**
     * Checks the queue as Lambda checks it when the event source mapping is created, then starts polling.
     *
     * @throws IllegalStateException when the queue's visibility timeout is shorter than the function's timeout
     */
    public synchronized void start() {
        if (running) {
            return;
        }
        String visibility = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT)).attributes().get(QueueAttributeName.VISIBILITY_TIMEOUT);
        if (visibility != null && Long.parseLong(visibility) < function.timeout().toSeconds()) {
            throw new IllegalStateException(function.name() + " " + source.eventName() + ": Queue visibility timeout: " + visibility
                    + " seconds is less than Function timeout: " + function.timeout().toSeconds() + " seconds (Lambda refuses this event source mapping)");
        }
        running = true;
        // a worker per batch the cap allows; those over the current MaximumConcurrency wait (see poll)
        for (int i = 1; i <= concurrencyCap; i++) {
            int slot = i;
            Thread worker = new Thread(() -> poll(slot), "sqs-" + function.name() + "-" + source.eventName() + "-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /** Asks the workers to stop after their current receive and batch; {@link #close} waits for them. */
    public void requestStop() {
        running = false;
    }

    /** Stops polling: batches in flight are finished (invoked and settled), then the workers end. */
    @Override
    public synchronized void close() {
        running = false;
        long waitMillis = function.timeout().toMillis() + Duration.ofSeconds(WAIT_TIME_SECONDS + 5).toMillis();
        for (Thread worker : workers) {
            try {
                worker.join(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (worker.isAlive()) {
                LOG.warn("{} did not stop within {} ms", worker.getName(), waitMillis);
            }
        }
        workers.clear();
        if (duplicateInvoker != null) {
            duplicateInvoker.shutdown();
        }
    }

    private void poll(int slot) {
        while (running) {
            if (slot > concurrency()) {
                sleepQuietly(IDLE_CHECK);
                continue;
            }
            try {
                List<Message> batch = receiveBatch();
                if (!batch.isEmpty()) {
                    process(batch);
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("{} {}: polling {} failed: {}", function.name(), source.eventName(), queueUrl, e.toString());
                sleepQuietly(Duration.ofSeconds(1));
            }
        }
    }

    /** Receives until the batch is full, or once when there is no batching window, or until the window has passed. */
    private List<Message> receiveBatch() {
        List<Message> batch = new ArrayList<>();
        long windowEnd = System.nanoTime() + Duration.ofSeconds(source.maximumBatchingWindowSeconds()).toNanos();
        do {
            int wanted = Math.min(MAX_MESSAGES_PER_RECEIVE, source.batchSize() - batch.size());
            List<Message> received = sqs.receiveMessage(ReceiveMessageRequest.builder()
                    .queueUrl(queueUrl)
                    .maxNumberOfMessages(wanted)
                    .waitTimeSeconds(WAIT_TIME_SECONDS)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames("All")
                    .build()).messages();
            batch.addAll(received);
        } while (running && batch.size() < source.batchSize() && System.nanoTime() < windowEnd);
        return batch;
    }

    private void process(List<Message> batch) {
        batches.incrementAndGet();
        inFlight.incrementAndGet();
        Set<String> failed;
        List<Message> twice = duplicates.apply(batch);
        java.util.concurrent.Future<?> copy = twice.isEmpty() ? null : duplicateInvoker.submit(() -> {
            Set<String> copyFailed = invoke(twice);
            LOG.info("{} {}: delivered {} messages twice (fault injection), {} of the copies failed", function.name(),
                    source.eventName(), twice.size(), copyFailed.size());
        });
        try {
            failed = invoke(batch);
            if (copy != null) {
                awaitQuietly(copy);
            }
        } finally {
            inFlight.decrementAndGet();
        }
        List<Message> succeeded = batch.stream().filter(message -> !failed.contains(message.messageId())).toList();
        List<Message> retried = batch.stream().filter(message -> failed.contains(message.messageId())).toList();
        delete(succeeded);
        failedMessages.addAndGet(retried.size());
        failedMessageVisibilitySeconds.ifPresent(seconds -> makeVisibleAfter(retried, seconds));
    }

    /** Invokes the function with the batch; returns the ids of the messages that failed. */
    private Set<String> invoke(List<Message> batch) {
        Set<String> ids = batch.stream().map(Message::messageId).collect(Collectors.toSet());
        String event;
        try {
            event = JSON.std.asString(SqsEvents.build(batch, queueArn));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the SQS event as JSON", e);
        }
        String response;
        try {
            response = function.invoke(event);
        } catch (FunctionInvocationException e) {
            LOG.warn("{} {}: the function failed ({}); none of the {} messages is deleted", function.name(), source.eventName(),
                    e.kind(), batch.size());
            return ids;
        }
        if (!source.reportBatchItemFailures()) {
            return Set.of();
        }
        Optional<Set<String>> partial = BatchItemFailures.failedMessageIds(response, ids);
        if (partial.isEmpty()) {
            LOG.warn("{} {}: the batch response is invalid or names a message not in the batch; the whole batch of {} failed",
                    function.name(), source.eventName(), batch.size());
        }
        return partial.orElse(ids);
    }

    private void delete(List<Message> messages) {
        for (int from = 0; from < messages.size(); from += MAX_MESSAGES_PER_RECEIVE) {
            List<Message> chunk = messages.subList(from, Math.min(messages.size(), from + MAX_MESSAGES_PER_RECEIVE));
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i)).receiptHandle(chunk.get(i).receiptHandle()).build());
            }
            List<BatchResultErrorEntry> errors = sqs.deleteMessageBatch(request -> request.queueUrl(queueUrl).entries(entries)).failed();
            errors.forEach(error -> LOG.warn("{} {}: could not delete a message: {} {}", function.name(), source.eventName(),
                    error.code(), error.message()));
        }
    }

    private void makeVisibleAfter(List<Message> messages, int seconds) {
        for (int from = 0; from < messages.size(); from += MAX_MESSAGES_PER_RECEIVE) {
            List<Message> chunk = messages.subList(from, Math.min(messages.size(), from + MAX_MESSAGES_PER_RECEIVE));
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(chunk.get(i).receiptHandle()).visibilityTimeout(seconds).build());
            }
            try {
                sqs.changeMessageVisibilityBatch(request -> request.queueUrl(queueUrl).entries(entries));
            } catch (RuntimeException e) {
                LOG.warn("{} {}: could not shorten the visibility of failed messages: {}", function.name(), source.eventName(), e.toString());
            }
        }
    }

    private static void awaitQuietly(java.util.concurrent.Future<?> copy) {
        try {
            copy.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.warn("A duplicate delivery could not be invoked: {}", e.getCause().toString());
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

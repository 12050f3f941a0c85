package dev.damagedesk.localruntime.function;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A function's execution environments, as Lambda keeps them: at most {@code maxConcurrency} in use at once, each
 * started on demand (a cold start, nothing is started ahead) and reused while warm, the most recently used first;
 * one that its last invocation left unusable (timed out, crashed, exited) is thrown away, so the next invocation
 * starts a fresh one. Written once for the in-process and the process-backed functions.
 *
 * @param <I> one execution environment
 */
public final class InstancePool<I extends InstancePool.Instance> implements AutoCloseable {

    /** One execution environment. */
    public interface Instance {
        /** Whether it can take another invocation (asked after every invocation). */
        boolean reusable();

        /** Stops it for good. */
        void destroy();
    }

    /** Starts an environment (runs its init phase). */
    @FunctionalInterface
    public interface Starter<I> {
        I start(int number) throws FunctionInvocationException;
    }

    /** One invocation on an environment. */
    @FunctionalInterface
    public interface Invocation<I, R> {
        R on(I instance) throws FunctionInvocationException;
    }

    private final String name;
    private final int maxConcurrency;
    private final Duration acquireTimeout;
    private final Starter<I> starter;
    private final Semaphore slots;
    private final LinkedBlockingDeque<I> idle = new LinkedBlockingDeque<>();
    /** Environments whose invocation answered and that are not back in {@link #idle} (or destroyed) yet. */
    private final AtomicInteger returning = new AtomicInteger();
    private final ExecutorService releases;
    private final AtomicInteger coldStarts = new AtomicInteger();
    private volatile boolean closed;

    /**
     * @param acquireTimeout how long an invocation waits for a free environment before it is throttled
     */
    public InstancePool(String name, int maxConcurrency, Duration acquireTimeout, Starter<I> starter) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1, was " + maxConcurrency);
        }
        this.name = name;
        this.maxConcurrency = maxConcurrency;
        this.acquireTimeout = acquireTimeout;
        this.starter = starter;
        this.slots = new Semaphore(maxConcurrency, true);
        this.releases = Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work, name + "-release");
            thread.setDaemon(true);
            return thread;
        });
    }

    public int maxConcurrency() {
        return maxConcurrency;
    }

    public int coldStarts() {
        return coldStarts.get();
    }

    /**
     * Runs one invocation on a warm environment, or on a new one when none is idle nor about to be. The answer goes back
     * to the caller at once; the environment returns to the pool (and frees its slot) once it is ready for the next
     * event ({@link Instance#reusable}, asked on a thread of its own): on Lambda too the runtime's answer reaches the
     * caller while the runtime loops back to ask for the next event.
     */
    public <R> R invoke(Invocation<I, R> invocation) throws FunctionInvocationException {
        if (closed) {
            throw new IllegalStateException(name + " is stopped");
        }
        acquireSlot();
        I instance;
        try {
            instance = warmOrNew();
        } catch (FunctionInvocationException | RuntimeException | Error e) {
            slots.release();
            throw e;
        }
        try {
            return invocation.on(instance);
        } finally {
            returning.incrementAndGet();
            try {
                releases.execute(() -> giveBack(instance));
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                giveBack(instance);
            }
        }
    }

    /** The most recently used idle environment; one still finishing its last invocation is waited for, not doubled. */
    private I warmOrNew() throws FunctionInvocationException {
        I instance = idle.pollFirst();
        while (instance == null && returning.get() > 0) {
            try {
                instance = idle.pollFirst(5, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return instance != null ? instance : starter.start(coldStarts.incrementAndGet());
    }

    private void giveBack(I instance) {
        try {
            if (!closed && instance.reusable()) {
                idle.offerFirst(instance);
                if (closed && idle.remove(instance)) {
                    instance.destroy(); // close() emptied the pool meanwhile
                }
            } else {
                instance.destroy();
            }
        } finally {
            returning.decrementAndGet();
            slots.release();
        }
    }

    @Override
    public void close() {
        closed = true;
        releases.shutdown();
        I instance;
        while ((instance = idle.pollFirst()) != null) {
            instance.destroy();
        }
    }

    private void acquireSlot() throws FunctionInvocationException {
        try {
            if (!slots.tryAcquire(acquireTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new FunctionInvocationException(name, FunctionInvocationException.Kind.THROTTLED,
                        "Rate Exceeded: all " + maxConcurrency + " containers stayed busy for " + acquireTimeout.toSeconds() + " s", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FunctionInvocationException(name, FunctionInvocationException.Kind.THROTTLED, "interrupted while waiting for a container", e);
        }
    }
}

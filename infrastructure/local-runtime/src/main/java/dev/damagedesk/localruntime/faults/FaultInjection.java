package dev.damagedesk.localruntime.faults;

import dev.damagedesk.localaws.emulator.LocalAws;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The faults a local runtime started with {@code --fault-injection} injects, each for a while, and how many times each
 * struck. Local only: nothing of it is in the template or deployed.
 *
 * <ul>
 *   <li>a function fails on k% of its invocations ({@link FunctionFailure});</li>
 *   <li>k% of the SQS messages the pollers receive are delivered twice, the copy in an invocation of its own running at
 *       the same time as the original's;</li>
 *   <li>DynamoDB or SES calls from the functions fail ({@link ServiceFailure}) or are delayed, in {@link FaultProxy};</li>
 *   <li>the SQS, DynamoDB or SES emulator is stopped and started again on the same port and data
 *       ({@link LocalAws#restart}).</li>
 * </ul>
 *
 * <p>Each decision is drawn from one seeded {@link Random}, so a run's faults can be told by its seed.
 */
public final class FaultInjection {

    /** How an invocation fails. */
    public enum FunctionFailure {
        /** It fails before the handler runs (an unhandled error): nothing was done, the caller retries. */
        THROW,
        /**
         * The handler runs to its end but the invocation is reported timed out, its answer lost (as when a function
         * runs past its Timeout during its last call): the work is done, the caller retries it all the same.
         */
        TIMEOUT
    }

    /** The services whose calls from the functions go through a {@link FaultProxy}. */
    public enum Service {
        DYNAMODB, SES
    }

    /** How a service call fails. */
    public enum ServiceFailure {
        /** HTTP 500, the service's internal error. */
        FAIL,
        /** The service's throttling error (DynamoDB 400 ProvisionedThroughputExceededException, SES 429 TooManyRequestsException). */
        THROTTLE
    }

    private record FunctionFault(int percent, FunctionFailure failure, Instant until) {
    }

    private record ServiceFault(ServiceFailure failure, Instant until) {
    }

    private record ServiceLatency(Duration latency, Instant until) {
    }

    private final Clock clock;
    private final long seed;
    private final Random random;
    /** {@link LocalAws#restart}: a seam, so that the decisions can be tested without emulators. */
    private final java.util.function.BiConsumer<LocalAws.Restartable, Duration> restarts;
    private final Map<String, FunctionFault> functionFaults = new ConcurrentHashMap<>();
    private final Map<Service, ServiceFault> serviceFaults = new ConcurrentHashMap<>();
    private final Map<Service, ServiceLatency> serviceLatencies = new ConcurrentHashMap<>();
    private volatile int duplicatePercent;
    private volatile Instant duplicatesUntil = Instant.MIN;
    private final Map<String, AtomicLong> struck = new ConcurrentHashMap<>();

    public FaultInjection(LocalAws aws, long seed) {
        this(aws::restart, seed, Clock.systemUTC());
    }

    FaultInjection(java.util.function.BiConsumer<LocalAws.Restartable, Duration> restarts, long seed, Clock clock) {
        this.restarts = Objects.requireNonNull(restarts, "restarts");
        this.seed = seed;
        this.random = new Random(seed);
        this.clock = clock;
    }

    public long seed() {
        return seed;
    }

    // ------------------------------------------------------------------ what to inject

    /** From now on for {@code duration}, {@code percent}% of the function's invocations fail so. */
    public void failFunction(String function, int percent, FunctionFailure failure, Duration duration) {
        functionFaults.put(Objects.requireNonNull(function, "function"),
                new FunctionFault(percent(percent), Objects.requireNonNull(failure, "failure"), until(duration)));
    }

    /** From now on for {@code duration}, {@code percent}% of the messages every poller receives are delivered twice. */
    public void duplicateDeliveries(int percent, Duration duration) {
        duplicatePercent = percent(percent);
        duplicatesUntil = until(duration);
    }

    /** From now on for {@code duration}, every call to the service fails so (after any latency it has). */
    public void failService(Service service, ServiceFailure failure, Duration duration) {
        serviceFaults.put(service, new ServiceFault(Objects.requireNonNull(failure, "failure"), until(duration)));
    }

    /** From now on for {@code duration}, every call to the service waits {@code latency} before it is forwarded. */
    public void delayService(Service service, Duration latency, Duration duration) {
        if (latency.isNegative() || latency.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalArgumentException("latency must be 0 to 30 s, was " + latency.toMillis() + " ms");
        }
        serviceLatencies.put(service, new ServiceLatency(latency, until(duration)));
    }

    /**
     * Stops an emulator for {@code downtime} and starts it again on its port and data; returns once it is back.
     *
     * @throws IllegalStateException without a data directory
     */
    public void restart(LocalAws.Restartable emulator, Duration downtime) {
        if (downtime.isNegative() || downtime.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("downtime must be 0 to 300 s, was " + downtime.toSeconds() + " s");
        }
        restarts.accept(emulator, downtime);
        count("restarts." + emulator.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** Ends every fault now. */
    public void clear() {
        functionFaults.clear();
        serviceFaults.clear();
        serviceLatencies.clear();
        duplicatesUntil = Instant.MIN;
    }

    // ------------------------------------------------------------------ decisions, one per call

    /** Whether this invocation of the function fails, and how. */
    public Optional<FunctionFailure> functionFailure(String function) {
        FunctionFault fault = functionFaults.get(function);
        if (fault == null || !clock.instant().isBefore(fault.until()) || !roll(fault.percent())) {
            return Optional.empty();
        }
        count("functions." + function + "." + fault.failure().name().toLowerCase(java.util.Locale.ROOT));
        return Optional.of(fault.failure());
    }

    /** The messages of a received batch to deliver a second time (usually none). */
    public <T> List<T> duplicatesOf(List<T> batch) {
        if (!clock.instant().isBefore(duplicatesUntil)) {
            return List.of();
        }
        int percent = duplicatePercent;
        List<T> twice = new ArrayList<>();
        for (T message : batch) {
            if (roll(percent)) {
                twice.add(message);
            }
        }
        if (!twice.isEmpty()) {
            count("sqs.duplicateDeliveries", twice.size());
        }
        return twice;
    }

    /** How long to hold this call to the service before forwarding it. */
    public Duration latency(Service service) {
        ServiceLatency delay = serviceLatencies.get(service);
        if (delay == null || !clock.instant().isBefore(delay.until()) || delay.latency().isZero()) {
            return Duration.ZERO;
        }
        count(serviceKey(service) + ".delayed");
        return delay.latency();
    }

    /** Whether this call to the service fails, and how. */
    public Optional<ServiceFailure> serviceFailure(Service service) {
        ServiceFault fault = serviceFaults.get(service);
        if (fault == null || !clock.instant().isBefore(fault.until())) {
            return Optional.empty();
        }
        count(serviceKey(service) + "." + fault.failure().name().toLowerCase(java.util.Locale.ROOT));
        return Optional.of(fault.failure());
    }

    /** Counted by {@link FaultProxy} when a call could not be forwarded (the emulator was down). */
    void unreachable(Service service) {
        count(serviceKey(service) + ".unreachable");
    }

    /** How many times each fault struck since the start, e.g. {@code functions.ProcessorFunction.timeout}. */
    public Map<String, Long> struck() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        struck.forEach((key, count) -> counts.put(key, count.get()));
        return counts;
    }

    /** The faults active now and the counts, as {@code GET /faults} shows them. */
    public Map<String, Object> describe() {
        Instant now = clock.instant();
        Map<String, Object> active = new LinkedHashMap<>();
        functionFaults.forEach((function, fault) -> {
            if (now.isBefore(fault.until())) {
                active.put("function:" + function, Map.of("percent", fault.percent(),
                        "failure", fault.failure().name().toLowerCase(java.util.Locale.ROOT), "until", fault.until().toString()));
            }
        });
        if (now.isBefore(duplicatesUntil)) {
            active.put("duplicate-deliveries", Map.of("percent", duplicatePercent, "until", duplicatesUntil.toString()));
        }
        serviceFaults.forEach((service, fault) -> {
            if (now.isBefore(fault.until())) {
                active.put("service:" + serviceKey(service), Map.of("failure",
                        fault.failure().name().toLowerCase(java.util.Locale.ROOT), "until", fault.until().toString()));
            }
        });
        serviceLatencies.forEach((service, delay) -> {
            if (now.isBefore(delay.until())) {
                active.put("latency:" + serviceKey(service), Map.of("latencyMillis", delay.latency().toMillis(),
                        "until", delay.until().toString()));
            }
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("seed", seed);
        answer.put("active", active);
        answer.put("struck", struck());
        return answer;
    }

    // ------------------------------------------------------------------ helpers

    private boolean roll(int percent) {
        return percent > 0 && (percent >= 100 || random.nextInt(100) < percent);
    }

    private Instant until(Duration duration) {
        if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("a fault lasts 1 s to 1 h, was " + duration.toSeconds() + " s");
        }
        return clock.instant().plus(duration);
    }

    private static int percent(int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be 0 to 100, was " + percent);
        }
        return percent;
    }

    private void count(String key) {
        count(key, 1);
    }

    private void count(String key, long n) {
        struck.computeIfAbsent(key, k -> new AtomicLong()).addAndGet(n);
    }

    static String serviceKey(Service service) {
        return service.name().toLowerCase(java.util.Locale.ROOT);
    }
}

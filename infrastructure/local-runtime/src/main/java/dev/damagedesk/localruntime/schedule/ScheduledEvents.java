package dev.damagedesk.localruntime.schedule;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.damagedesk.localaws.template.FunctionSpec;
import dev.damagedesk.localaws.template.LocalResourceNames;
import dev.damagedesk.localaws.template.ScheduleEvent;
import dev.damagedesk.localaws.template.TemplateException;
import dev.damagedesk.localaws.template.TemplateValues;
import dev.damagedesk.localruntime.function.FunctionInvocationException;
import dev.damagedesk.localruntime.function.LambdaFunction;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The template's {@code Schedule} events, run as EventBridge runs them: each enabled rule invokes its function on
 * its cadence with the scheduled event JSON (or the event's {@code Input}), asynchronously, and a failed invocation is
 * retried twice, one and two minutes later, as Lambda retries asynchronous invocations. Disabled rules never fire.
 *
 * <p>Local-only test seam: {@link #trigger} invokes one now, synchronously, and returns the function's answer.
 */
public final class ScheduledEvents implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledEvents.class);
    static final List<Duration> ASYNC_RETRY_DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2));

    /** A rule: the function, its event, the parsed expression. */
    public record Rule(String functionLogicalId, ScheduleEvent event, ScheduleExpression expression) {
        public String name() {
            return functionLogicalId + event.eventName();
        }

        public String arn() {
            return "arn:aws:events:" + LocalResourceNames.LOCAL_REGION + ":" + LocalResourceNames.LOCAL_ACCOUNT_ID
                    + ":rule/" + TemplateValues.STACK_NAME + "-" + name();
        }
    }

    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private final Map<String, LambdaFunction> functions;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    /** Parses every schedule now: an expression it cannot honour stops the start. */
    public ScheduledEvents(List<FunctionSpec> specs, Map<String, LambdaFunction> functions, Clock clock) {
        this.functions = Map.copyOf(functions);
        this.clock = clock;
        for (FunctionSpec spec : specs) {
            for (ScheduleEvent event : spec.schedules()) {
                ScheduleExpression expression;
                try {
                    expression = ScheduleExpression.parse(event.expression());
                } catch (TemplateException e) {
                    throw new TemplateException(spec.logicalId() + ".Events." + event.eventName() + ": " + e.getMessage(), e);
                }
                Rule rule = new Rule(spec.logicalId(), event, expression);
                rules.put(rule.name(), rule);
            }
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "schedules");
            thread.setDaemon(true);
            return thread;
        });
    }

    public List<Rule> rules() {
        return List.copyOf(rules.values());
    }

    /** Starts the enabled rules' clocks. */
    public void start() {
        Instant now = clock.instant();
        for (Rule rule : rules.values()) {
            if (rule.event().enabled()) {
                scheduleNext(rule, now);
            }
        }
    }

    private void scheduleNext(Rule rule, Instant after) {
        Optional<Instant> next = rule.expression().nextAfter(after);
        if (next.isEmpty()) {
            LOG.info("Schedule {} ({}) will not fire again", rule.name(), rule.event().expression());
            return;
        }
        long delay = Math.max(0, Duration.between(clock.instant(), next.get()).toMillis());
        try {
            timer.schedule(() -> {
                fire(rule, next.get(), 0);
                scheduleNext(rule, next.get());
            }, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // closed meanwhile
        }
    }

    private void fire(Rule rule, Instant time, int attempt) {
        try {
            functions.get(rule.functionLogicalId()).invoke(event(rule, time));
        } catch (FunctionInvocationException e) {
            if (attempt < ASYNC_RETRY_DELAYS.size()) {
                LOG.warn("Schedule {}: {} failed ({}), retried in {} s", rule.name(), rule.functionLogicalId(),
                        e.kind(), ASYNC_RETRY_DELAYS.get(attempt).toSeconds());
                try {
                    timer.schedule(() -> fire(rule, time, attempt + 1), ASYNC_RETRY_DELAYS.get(attempt).toMillis(),
                            TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException stopped) {
                    // closed meanwhile
                }
            } else {
                LOG.error("Schedule {}: {} failed {} times; the event is dropped, as Lambda drops it without an"
                        + " on-failure destination", rule.name(), rule.functionLogicalId(), attempt + 1);
            }
        }
    }

    /**
     * Local only, for tests: invokes a rule's function now with its event (disabled rules too) and returns its answer.
     *
     * @throws IllegalArgumentException when the function has no such {@code Schedule} event
     */
    public String trigger(String functionLogicalId, String eventName) throws FunctionInvocationException {
        Rule rule = rules.get(functionLogicalId + eventName);
        if (rule == null || !rule.functionLogicalId().equals(functionLogicalId)) {
            throw new IllegalArgumentException(functionLogicalId + " has no Schedule event " + eventName
                    + " (known: " + rules.keySet() + ")");
        }
        return functions.get(functionLogicalId).invoke(event(rule, clock.instant().truncatedTo(ChronoUnit.SECONDS)));
    }

    /** The event EventBridge sends: its {@code Input} when set, else the scheduled event. */
    static String event(Rule rule, Instant time) {
        if (rule.event().input().isPresent()) {
            return rule.event().input().get();
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", LocalResourceNames.LOCAL_ACCOUNT_ID);
        event.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", LocalResourceNames.LOCAL_REGION);
        event.put("resources", new ArrayList<>(List.of(rule.arn())));
        event.put("detail", Map.of());
        try {
            return JSON.std.asString(event);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

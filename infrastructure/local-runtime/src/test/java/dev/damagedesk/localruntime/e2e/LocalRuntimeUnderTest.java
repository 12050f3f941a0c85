package dev.damagedesk.localruntime.e2e;

import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localruntime.LocalRuntime;
import dev.damagedesk.localruntime.RunningRuntime;
import dev.damagedesk.localruntime.RuntimeOptions;
import dev.damagedesk.localruntime.schedule.ScheduledEvents;
import java.net.URI;

/**
 * A whole local runtime for one end-to-end test class: fresh emulators, the API on a free port, and failed
 * SQS messages retried after 1 s instead of the queue's 180 s so that redrive to the dead-letter queue is
 * observable within a test.
 */
final class LocalRuntimeUnderTest implements AutoCloseable {

    private final RunningRuntime running;

    private LocalRuntimeUnderTest(RunningRuntime running) {
        this.running = running;
    }

    /** The functions in this JVM (quick to start). */
    static LocalRuntimeUnderTest start() {
        return start(RuntimeOptions.FunctionHosting.IN_PROCESS);
    }

    /**
     * @param hosting {@code PROCESSES}: every function instance its own JVM from the function's built artifact (needs
     *                {@code mvn package}: the *IT tests run after it)
     */
    static LocalRuntimeUnderTest start(RuntimeOptions.FunctionHosting hosting) {
        return new LocalRuntimeUnderTest(LocalRuntime.start(RuntimeOptions.defaults()
                .withPort(0)
                .withFailedMessageVisibilitySeconds(1)
                .withFunctionHosting(hosting)));
    }

    /** In this JVM, with template parameters other than their defaults. */
    static LocalRuntimeUnderTest startWith(java.util.Map<String, String> parameterOverrides) {
        return new LocalRuntimeUnderTest(LocalRuntime.start(RuntimeOptions.defaults()
                .withPort(0)
                .withFailedMessageVisibilitySeconds(1)
                .withParameterOverrides(parameterOverrides)));
    }

    RunningRuntime running() {
        return running;
    }

    URI apiBaseUri() {
        return running.apiBaseUri();
    }

    LocalCloud cloud() {
        return running.cloud();
    }

    /** The template's {@code Schedule} events; {@code trigger} runs one now. */
    ScheduledEvents schedules() {
        return running.schedules();
    }

    @Override
    public void close() {
        running.close();
    }
}

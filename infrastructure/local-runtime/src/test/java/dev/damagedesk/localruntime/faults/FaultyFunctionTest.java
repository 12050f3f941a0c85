package dev.damagedesk.localruntime.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.localruntime.function.FunctionInvocationException;
import dev.damagedesk.localruntime.function.LambdaFunction;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultyFunctionTest {

    private final List<String> handled = new ArrayList<>();
    private final FaultInjection faults = new FaultInjection((emulator, downtime) -> { }, 1, Clock.systemUTC());
    private final FaultyFunction function = new FaultyFunction(new LambdaFunction() {
        @Override
        public String name() {
            return "ProcessorFunction";
        }

        @Override
        public Duration timeout() {
            return Duration.ofSeconds(30);
        }

        @Override
        public int coldStarts() {
            return 0;
        }

        @Override
        public String invoke(String event) {
            handled.add(event);
            return "{\"batchItemFailures\":[]}";
        }

        @Override
        public void close() {
        }
    }, faults);

    @Test
    void withoutAFaultTheHandlersAnswerComesBack() throws Exception {
        assertThat(function.invoke("{}")).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(handled).containsExactly("{}");
    }

    @Test
    void anInjectedThrowFailsTheInvocationBeforeTheHandlerRuns() {
        faults.failFunction("ProcessorFunction", 100, FaultInjection.FunctionFailure.THROW, Duration.ofMinutes(1));

        assertThatThrownBy(() -> function.invoke("{}")).isInstanceOfSatisfying(FunctionInvocationException.class,
                e -> assertThat(e.kind()).isEqualTo(FunctionInvocationException.Kind.HANDLER_ERROR));
        assertThat(handled).isEmpty();
    }

    @Test
    void anInjectedTimeoutLetsTheHandlerRunAndLosesItsAnswer() {
        faults.failFunction("ProcessorFunction", 100, FaultInjection.FunctionFailure.TIMEOUT, Duration.ofMinutes(1));

        assertThatThrownBy(() -> function.invoke("{\"Records\":[]}")).isInstanceOfSatisfying(FunctionInvocationException.class,
                e -> assertThat(e.kind()).isEqualTo(FunctionInvocationException.Kind.TIMEOUT));
        assertThat(handled).containsExactly("{\"Records\":[]}");
    }
}

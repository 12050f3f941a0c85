package dev.damagedesk.localruntime.function;

import dev.damagedesk.localaws.lambda.FunctionLogger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.damagedesk.localaws.template.FunctionSpec;
import dev.damagedesk.localruntime.fixtures.InspectingHandler;
import dev.damagedesk.localruntime.fixtures.Specs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalFunctionTest {

    private LocalFunction function;

    @AfterEach
    void close() {
        if (function != null) {
            function.close();
        }
    }

    @Test
    void sequentialInvocationsReuseOneWarmContainer() throws Exception {
        function = new LocalFunction(Specs.function("InspectingFunction", InspectingHandler.class, 5), 4);

        List<Map<String, Object>> answers = List.of(call("{\"n\":1}"), call("{\"n\":2}"), call("{\"n\":3}"));

        assertThat(function.coldStarts()).isEqualTo(1);
        assertThat(answers).extracting(answer -> answer.get("instance")).containsOnly(answers.get(0).get("instance"));
        assertThat(answers).extracting(answer -> answer.get("thread")).containsOnly(answers.get(0).get("thread"));
        assertThat(answers).extracting(answer -> answer.get("requestId")).doesNotHaveDuplicates();
        assertThat(answers.get(2).get("input")).isEqualTo(Map.of("n", 3));
    }

    @Test
    void concurrentInvocationsRunInContainersOfTheirOwn() throws Exception {
        function = new LocalFunction(Specs.function("InspectingFunction", InspectingHandler.class, 15), 2);
        InspectingHandler.RENDEZVOUS.reset();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Map<String, Object>> first = CompletableFuture.supplyAsync(() -> callUnchecked("{\"rendezvous\":true}"), callers);
            CompletableFuture<Map<String, Object>> second = CompletableFuture.supplyAsync(() -> callUnchecked("{\"rendezvous\":true}"), callers);

            Map<String, Object> a = first.get(30, TimeUnit.SECONDS);
            Map<String, Object> b = second.get(30, TimeUnit.SECONDS);

            assertThat(a.get("instance")).isNotEqualTo(b.get("instance"));
            assertThat(function.coldStarts()).isEqualTo(2);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void theContextCarriesTheFunctionsNameMemoryArnAndTimeLeft() throws Exception {
        FunctionSpec spec = Specs.function("InspectingFunction", InspectingHandler.class, 7);
        function = new LocalFunction(spec, 1);

        Map<String, Object> answer = call("{}");

        assertThat(answer).containsEntry("functionName", "InspectingFunction").containsEntry("memory", spec.memoryMb())
                .containsEntry("arn", "arn:aws:lambda:us-east-1:000000000000:function:InspectingFunction");
        assertThat(((Number) answer.get("remainingMillis")).intValue()).isPositive().isLessThanOrEqualTo(7_000);
    }

    @Test
    void anInvocationPastTheTimeoutFailsLikeALambdaTimeoutAndItsContainerIsReplaced() throws Exception {
        function = new LocalFunction(Specs.function("InspectingFunction", InspectingHandler.class, 1), 1);
        call("{}");
        long started = System.nanoTime();

        assertThatThrownBy(() -> function.invoke("{\"sleepMillis\":60000}"))
                .isInstanceOfSatisfying(FunctionInvocationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FunctionInvocationException.Kind.TIMEOUT);
                    assertThat(e.getMessage()).contains("Task timed out after 1 seconds");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));

        call("{}");
        assertThat(function.coldStarts()).isEqualTo(2);
    }

    @Test
    void aHandlerExceptionFailsTheInvocationAndLeavesTheContainerWarm() throws Exception {
        function = new LocalFunction(Specs.function("InspectingFunction", InspectingHandler.class, 5), 1);

        assertThatThrownBy(() -> function.invoke("{\"fail\":\"no good\"}"))
                .isInstanceOfSatisfying(FunctionInvocationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FunctionInvocationException.Kind.HANDLER_ERROR);
                    assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class).hasMessage("no good");
                });
        call("{}");
        assertThat(function.coldStarts()).isEqualTo(1);
    }

    @Test
    void anEventThatDoesNotFitTheInputTypeIsASerializationError() {
        function = new LocalFunction(Specs.function("InspectingFunction", InspectingHandler.class, 5), 1);

        assertThatThrownBy(() -> function.invoke("[1, 2, 3]"))
                .isInstanceOfSatisfying(FunctionInvocationException.class,
                        e -> assertThat(e.kind()).isEqualTo(FunctionInvocationException.Kind.SERIALIZATION_ERROR));
    }

    @Test
    void anEventOverLambdasSixMegabyteLimitIsRefused() {
        function = new LocalFunction(Specs.function("InspectingFunction", InspectingHandler.class, 5), 1);
        String huge = "{\"text\":\"" + "x".repeat(LocalFunction.MAX_PAYLOAD_BYTES) + "\"}";

        assertThatThrownBy(() -> function.invoke(huge))
                .isInstanceOfSatisfying(FunctionInvocationException.class,
                        e -> assertThat(e.kind()).isEqualTo(FunctionInvocationException.Kind.PAYLOAD_TOO_LARGE));
        assertThat(function.coldStarts()).isZero();
    }

    @Test
    void aMissingHandlerClassIsRefusedWithAClearMessage() {
        FunctionSpec spec = new FunctionSpec("GhostFunction", "dev.damagedesk.nowhere.GhostHandler::handleRequest", 3, 128,
                Map.of(), List.of(), List.of());

        assertThatThrownBy(() -> new LocalFunction(spec, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GhostFunction")
                .hasMessageContaining("dev.damagedesk.nowhere.GhostHandler is not on the class path");
    }

    @Test
    void aHandlerThatIsNoRequestHandlerIsRefused() {
        assertThatThrownBy(() -> new LocalFunction(Specs.function("StringFunction", String.class, 3), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("implements neither");
    }

    @Test
    void theLoggerPrefixesEveryLineWithTheFunctionsName() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        FunctionLogger logger = new FunctionLogger("ProcessorFunction", new PrintStream(captured, true, StandardCharsets.UTF_8));

        logger.log("first line\nsecond line\n");
        logger.log("third".getBytes(StandardCharsets.UTF_8));

        assertThat(captured.toString(StandardCharsets.UTF_8))
                .isEqualTo("[ProcessorFunction] first line\n[ProcessorFunction] second line\n[ProcessorFunction] third\n");
    }

    private Map<String, Object> call(String event) throws FunctionInvocationException, IOException {
        return JSON.std.mapFrom(function.invoke(event));
    }

    private Map<String, Object> callUnchecked(String event) {
        try {
            return call(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

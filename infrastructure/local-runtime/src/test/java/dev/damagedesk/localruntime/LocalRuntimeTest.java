package dev.damagedesk.localruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.damagedesk.localaws.RepositoryRoot;
import dev.damagedesk.localruntime.fixtures.Deliveries;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole runtime wired from a template, a small one whose handlers are the test handlers: a repository root of
 * its own with that template.yaml and the project's emulators.
 */
class LocalRuntimeTest {

    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Greeting:
                Type: String
                Default: hello
            Globals:
              Function:
                Runtime: java17
                Timeout: 5
                MemorySize: 256
            Resources:
              EchoFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.damagedesk.localruntime.fixtures.EchoHttpHandler::handleRequest
                  Environment:
                    Variables:
                      GREETING: !Ref Greeting
                      WORK_QUEUE_URL: !Ref WorkQueue
                  Events:
                    Echo:
                      Type: HttpApi
                      Properties:
                        Path: /echo/{name}
                        Method: GET
              WorkerFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.damagedesk.localruntime.fixtures.RecordingSqsHandler::handleRequest
                  Environment:
                    Variables:
                      GREETING: !Ref Greeting
                  Events:
                    Work:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt WorkQueue.Arn
                        BatchSize: 10
                        FunctionResponseTypes: [ReportBatchItemFailures]
              WorkQueue:
                Type: AWS::SQS::Queue
                Properties:
                  VisibilityTimeout: 30
              WorkLogs:
                Type: AWS::Logs::LogGroup
                Properties:
                  RetentionInDays: 1
            """;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path root;
    private static RunningRuntime runtime;
    private static RuntimeOptions options;

    @BeforeAll
    static void start() throws IOException {
        Files.writeString(root.resolve("template.yaml"), TEMPLATE);
        Files.createDirectories(root.resolve("infrastructure"));
        Files.createSymbolicLink(root.resolve("infrastructure/emulators"),
                RepositoryRoot.find().resolve("infrastructure/emulators"));
        options = new RuntimeOptions(root, 0, Optional.empty(), OptionalInt.of(0), Map.of("Greeting", "hi"));
        runtime = LocalRuntime.start(options);
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void routesFromTheTemplateReachTheirHandlerWithItsEnvironment() throws Exception {
        HttpResponse<String> response = get(runtime.apiBaseUri().resolve("/echo/world"));

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> seen = JSON.std.mapFrom(response.body());
        assertThat(seen).containsEntry("routeKey", "GET /echo/{name}")
                .containsEntry("pathParameters", Map.of("name", "world"))
                .containsEntry("functionName", "EchoFunction")
                .containsEntry("apiId", "ServerlessHttpApi")
                .containsEntry("greeting", "hi");
        assertThat(System.getProperty("WORK_QUEUE_URL")).isEqualTo(runtime.cloud().resources().queueUrl("WorkQueue"));
        assertThat(System.getProperty("AWS_ENDPOINT_URL_SQS")).isEqualTo(runtime.cloud().aws().sqsEndpoint().toString());
    }

    @Test
    void messagesOnATemplateQueueReachItsConsumer() {
        String marker = "runtime-" + UUID.randomUUID();
        runtime.cloud().aws().sqs().sendMessage(send -> send.queueUrl(runtime.cloud().resources().queueUrl("WorkQueue")).messageBody(marker));

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Deliveries.containing(marker).isEmpty() && System.nanoTime() < deadline) {
            sleep(100);
        }
        assertThat(Deliveries.containing(marker)).hasSize(1);
        assertThat(Deliveries.containing(marker).get(0).message().getEventSourceArn())
                .isEqualTo(runtime.cloud().resources().queueArn("WorkQueue"));
    }

    @Test
    void healthNamesTheEndpointsOnceUp() throws Exception {
        HttpResponse<String> response = get(runtime.apiBaseUri().resolve("/health"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.std.mapFrom(response.body())).containsEntry("status", "UP")
                .containsEntry("sqs", runtime.cloud().aws().sqsEndpoint().toString())
                .containsEntry("dynamodb", runtime.cloud().aws().dynamoDbEndpoint().toString())
                .containsEntry("mailbox", runtime.cloud().aws().sesEndpoint().toString());
    }

    @Test
    void theBannerNamesRoutesQueuesAndWhatIsNotEmulated() {
        String banner = LocalRuntime.banner(runtime, options, Duration.ofMillis(1234));

        assertThat(banner).contains(runtime.apiBaseUri().toString())
                .contains("GET /echo/{name}").contains("-> EchoFunction")
                .contains("WorkQueue -> WorkerFunction (batch 10, partial batch failures)")
                .contains(runtime.cloud().aws().sqsEndpoint().toString())
                .contains(runtime.cloud().aws().dynamoDbEndpoint().toString())
                .contains("WorkLogs")
                .contains("1234 ms")
                .contains("retried after 0 s");
    }

    @Test
    void aTemplateWhoseHandlerIsMissingIsRefusedAndLeavesNothingRunning(@TempDir Path otherRoot) throws IOException {
        Files.writeString(otherRoot.resolve("template.yaml"), TEMPLATE.replace(
                "fixtures.RecordingSqsHandler", "fixtures.NoSuchHandler"));
        Files.createDirectories(otherRoot.resolve("infrastructure"));
        Files.createSymbolicLink(otherRoot.resolve("infrastructure/emulators"), RepositoryRoot.find().resolve("infrastructure/emulators"));

        assertThatThrownBy(() -> LocalRuntime.start(new RuntimeOptions(otherRoot, 0, Optional.empty(),
                OptionalInt.empty(), Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WorkerFunction")
                .hasMessageContaining("NoSuchHandler is not on the class path");
    }

    @Test
    void withProcessesAFunctionWhoseArtifactIsNotBuiltIsRefusedBeforeAnythingStarts(@TempDir Path otherRoot) throws IOException {
        Files.writeString(otherRoot.resolve("template.yaml"), TEMPLATE);
        Files.writeString(otherRoot.resolve("Makefile"), "build-EchoFunction:\n\t$(call build_function,echo)\n\n"
                + "build-WorkerFunction:\n\t$(call build_function,worker)\n");

        assertThatThrownBy(() -> LocalRuntime.start(new RuntimeOptions(otherRoot, 0, Optional.empty(), OptionalInt.empty(),
                Map.of(), RuntimeOptions.FunctionHosting.PROCESSES)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EchoFunction: its deployment artifact functions/echo/target/echo-<version>-lambda.jar is missing")
                .hasMessageContaining("WorkerFunction: its deployment artifact functions/worker/target/worker-<version>-lambda.jar is missing")
                .hasMessageContaining("Build it first: mvn -DskipTests package");
    }

    @Test
    void withProcessesAFunctionOfAnotherLanguageIsRefused(@TempDir Path otherRoot) throws IOException {
        Files.writeString(otherRoot.resolve("template.yaml"), TEMPLATE.replace("Runtime: java17", "Runtime: python3.12"));
        Files.writeString(otherRoot.resolve("Makefile"), "");

        assertThatThrownBy(() -> LocalRuntime.start(new RuntimeOptions(otherRoot, 0, Optional.empty(), OptionalInt.empty(),
                Map.of(), RuntimeOptions.FunctionHosting.PROCESSES)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EchoFunction: Runtime python3.12 is not a Java runtime");
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

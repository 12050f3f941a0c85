package dev.damagedesk.localruntime.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.damagedesk.localaws.emulator.LocalAws;
import dev.damagedesk.localruntime.faults.FaultInjection.Service;
import dev.damagedesk.localruntime.faults.FaultInjection.ServiceFailure;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/** The proxy between real HTTP clients (the DynamoDB SDK client among them) and a real HTTP server behind it. */
class FaultProxyTest {

    private final FaultInjection faults = new FaultInjection((emulator, downtime) -> { }, 7, Clock.systemUTC());
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer backend;
    private FaultProxy proxy;

    @BeforeEach
    void start() throws IOException {
        backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        backend.createContext("/", exchange -> {
            byte[] body = (exchange.getRequestMethod() + " " + exchange.getRequestURI() + " x-amz-target="
                    + exchange.getRequestHeaders().getFirst("X-Amz-Target") + " body="
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("x-amzn-RequestId", "backend-1");
            exchange.sendResponseHeaders(201, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        backend.start();
        proxy = FaultProxy.start(Service.DYNAMODB, URI.create("http://127.0.0.1:" + backend.getAddress().getPort()), faults);
    }

    @AfterEach
    void stop() {
        proxy.close();
        if (backend != null) {
            backend.stop(0);
        }
    }

    @Test
    void withoutAFaultACallIsForwardedUnchangedBothWays() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(proxy.endpoint().resolve("/tables?limit=1"))
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .POST(HttpRequest.BodyPublishers.ofString("{\"Limit\":1}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("POST /tables?limit=1 x-amz-target=DynamoDB_20120810.ListTables body={\"Limit\":1}");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).contains("backend-1");
        assertThat(faults.struck()).isEmpty();
    }

    @Test
    void aThrottledDynamoDbCallIsTheSdksProvisionedThroughputExceededException() {
        faults.failService(Service.DYNAMODB, ServiceFailure.THROTTLE, Duration.ofMinutes(1));
        try (DynamoDbClient client = sdkClient()) {
            assertThatThrownBy(() -> client.listTables())
                    .isInstanceOf(ProvisionedThroughputExceededException.class)
                    .satisfies(e -> assertThat(((DynamoDbException) e).isThrottlingException()).isTrue());
        }
        assertThat(faults.struck()).containsEntry("dynamodb.throttle", 1L);
    }

    @Test
    void aFailedDynamoDbCallIsA500TheSdkRetries() {
        faults.failService(Service.DYNAMODB, ServiceFailure.FAIL, Duration.ofMinutes(1));
        try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(proxy.endpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(LocalAws.credentials())
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                .build()) {
            assertThatThrownBy(() -> client.listTables())
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(500);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalServerError");
                    });
        }
        assertThat(faults.struck().get("dynamodb.fail")).as("the SDK's default retries each met the fault").isGreaterThan(1L);
    }

    @Test
    void anSesFaultCarriesItsErrorTypeHeaderAsSesV2Does() throws Exception {
        FaultProxy ses = FaultProxy.start(Service.SES, URI.create("http://127.0.0.1:" + backend.getAddress().getPort()), faults);
        try {
            faults.failService(Service.SES, ServiceFailure.THROTTLE, Duration.ofMinutes(1));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(ses.endpoint().resolve("/v2/email/outbound-emails"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("TooManyRequestsException");
        } finally {
            ses.close();
        }
    }

    @Test
    void aCallThatCannotBeForwardedIsA503AndCounted() throws Exception {
        backend.stop(0);
        backend = null;

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(proxy.endpoint().resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("ServiceUnavailable");
        assertThat(faults.struck()).containsEntry("dynamodb.unreachable", 1L);
    }

    @Test
    void aDelayedCallIsStillForwardedAndCountedAsDelayed() throws Exception {
        faults.delayService(Service.DYNAMODB, Duration.ofMillis(20), Duration.ofMinutes(1));

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(proxy.endpoint().resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(faults.struck()).containsEntry("dynamodb.delayed", 1L);
    }

    private DynamoDbClient sdkClient() {
        return DynamoDbClient.builder().endpointOverride(proxy.endpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(LocalAws.credentials())
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                .overrideConfiguration(config -> config.retryPolicy(RetryPolicy.none()))
                .build();
    }
}

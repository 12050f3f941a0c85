package dev.damagedesk.localruntime.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.damagedesk.localruntime.fixtures.EchoHttpHandler;
import dev.damagedesk.localruntime.fixtures.Specs;
import dev.damagedesk.localruntime.function.LocalFunction;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway over real HTTP, in front of real (test) handlers. */
class HttpApiGatewayTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static LocalFunction echo;
    private static LocalFunction special;
    private static LocalFunction slow;
    private static HttpApiGateway gateway;
    private static URI base;

    @BeforeAll
    static void start() throws IOException {
        echo = new LocalFunction(Specs.function("EchoFunction", EchoHttpHandler.class, 10), 4);
        special = new LocalFunction(Specs.function("SpecialFunction", EchoHttpHandler.class, 10), 4);
        slow = new LocalFunction(Specs.function("SlowFunction", EchoHttpHandler.class, 1), 2);
        gateway = new HttpApiGateway("TestApi", List.of(
                new RouteBinding(Specs.route("GET", "/v1/items/{itemId}"), echo),
                new RouteBinding(Specs.route("GET", "/v1/items/special"), special),
                new RouteBinding(Specs.route("POST", "/v1/items"), echo),
                new RouteBinding(Specs.route("ANY", "/v1/files/{proxy+}"), echo),
                new RouteBinding(Specs.route("GET", "/v1/boom"), echo),
                new RouteBinding(Specs.route("GET", "/v1/binary"), echo),
                new RouteBinding(Specs.route("GET", "/v1/slow"), slow)), 4);
        base = gateway.start(0);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        echo.close();
        special.close();
        slow.close();
    }

    @Test
    void aRequestLineTheServerCannotParseIsTheGatewaysJson400NotAnHtmlPage() throws Exception {
        for (String target : List.of("/v1/items/%zz", "/v1/items/abc%", "/v1/items/a%2", "/v1/items/a|b", "/v1/items/{x}")) {
            String answer = raw("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

            assertThat(answer).as(target).startsWith("HTTP/1.1 400 ").contains("Content-Type: application/json")
                    .endsWith("{\"message\":\"Bad Request\"}").doesNotContain("<h1>");
        }
    }

    @Test
    void onAKeptAliveConnectionTheRequestsBeforeABadOneAreAnsweredFirst() throws Exception {
        String answer = raw("POST /v1/items HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
                + "POST /v1/items HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"
                + "GET /v1/items/%zz HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(answer.split("HTTP/1.1 200 ", -1)).as("two echoes").hasSize(3);
        assertThat(answer).as("the bodies, base64 in the event").contains("\"body\":\"aGVsbG8=\"")
                .contains("\"body\":\"YWJjZGU=\"").contains("\"x-forwarded-port\":\"" + base.getPort() + "\"");
        assertThat(answer.indexOf("HTTP/1.1 400 ")).as("the 400 after both echoes")
                .isGreaterThan(answer.lastIndexOf("HTTP/1.1 200 "));
        assertThat(answer).endsWith("{\"message\":\"Bad Request\"}");
    }

    /** Writes raw bytes on a connection of its own, half-closes it, and reads every byte answered. */
    private static String raw(String request) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void aPathVariableIsMatchedDecodedAndPassedWithTheRouteKey() throws Exception {
        HttpResponse<String> response = send(get("/v1/items/abc%20def?size=2&tag=a&tag=b&empty"));

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> seen = JSON.std.mapFrom(response.body());
        assertThat(seen).containsEntry("version", "2.0")
                .containsEntry("routeKey", "GET /v1/items/{itemId}")
                .containsEntry("contextRouteKey", "GET /v1/items/{itemId}")
                .containsEntry("rawPath", "/v1/items/abc%20def")
                .containsEntry("httpPath", "/v1/items/abc%20def")
                .containsEntry("rawQueryString", "size=2&tag=a&tag=b&empty")
                .containsEntry("pathParameters", Map.of("itemId", "abc def"))
                .containsEntry("queryStringParameters", Map.of("size", "2", "tag", "a,b", "empty", ""))
                .containsEntry("method", "GET")
                .containsEntry("stage", "$default")
                .containsEntry("apiId", "TestApi")
                .containsEntry("accountId", "000000000000")
                .containsEntry("sourceIp", "127.0.0.1")
                .containsEntry("protocol", "HTTP/1.1")
                .containsEntry("isBase64Encoded", false)
                .containsEntry("functionName", "EchoFunction");
        assertThat(seen.get("body")).isNull();
        assertThat((String) seen.get("requestId")).hasSize(16).isEqualTo(response.headers().firstValue("apigw-requestid").orElseThrow());
        assertThat((String) seen.get("time")).matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
        assertThat(((Number) seen.get("timeEpoch")).longValue()).isPositive();
    }

    @Test
    void aLiteralSegmentWinsOverAPathVariable() throws Exception {
        Map<String, Object> seen = JSON.std.mapFrom(send(get("/v1/items/special")).body());

        assertThat(seen).containsEntry("functionName", "SpecialFunction").containsEntry("routeKey", "GET /v1/items/special");
        assertThat(seen.get("pathParameters")).isNull();
    }

    @Test
    void aGreedyVariableTakesTheRestOfThePathForAnyMethod() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/v1/files/a/b/c.txt"))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()).build());

        Map<String, Object> seen = JSON.std.mapFrom(response.body());
        assertThat(seen).containsEntry("routeKey", "ANY /v1/files/{proxy+}")
                .containsEntry("pathParameters", Map.of("proxy", "a/b/c.txt"))
                .containsEntry("method", "DELETE");
    }

    @Test
    void aRequestNoRouteTakesIsAnApiGatewayNotFound() throws Exception {
        HttpResponse<String> unknownPath = send(get("/v2/items/1"));
        HttpResponse<String> wrongMethod = send(HttpRequest.newBuilder(base.resolve("/v1/items/1"))
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
        HttpResponse<String> greedyNeedsASegment = send(get("/v1/files/"));

        for (HttpResponse<String> response : List.of(unknownPath, wrongMethod, greedyNeedsASegment)) {
            assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(404);
            assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
        }
    }

    @Test
    void headersArriveLowerCasedWithRepeatsJoinedAndCookiesApart() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/v1/items"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("X-Client-Version", "1.2")
                .header("X-Repeated", "one")
                .header("X-Repeated", "two")
                .header("Cookie", "session=abc; theme=dark")
                .header("User-Agent", "gateway-test")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Zoë\"}", StandardCharsets.UTF_8)).build());

        Map<String, Object> seen = JSON.std.mapFrom(response.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> headers = (Map<String, Object>) seen.get("headers");
        assertThat(headers).containsEntry("content-type", "application/json; charset=utf-8")
                .containsEntry("x-client-version", "1.2")
                .containsEntry("x-repeated", "one,two")
                .containsEntry("user-agent", "gateway-test")
                .containsEntry("x-forwarded-for", "127.0.0.1")
                .containsEntry("x-forwarded-proto", "http")
                .doesNotContainKey("cookie")
                .doesNotContainKeys("connection", "upgrade", "http2-settings");
        assertThat(headers.keySet()).allSatisfy(name -> assertThat(name).isLowerCase());
        assertThat(seen).containsEntry("cookies", List.of("session=abc", "theme=dark"))
                .containsEntry("body", "{\"name\":\"Zoë\"}")
                .containsEntry("isBase64Encoded", false)
                .containsEntry("userAgent", "gateway-test")
                .containsEntry("routeKey", "POST /v1/items");
    }

    @Test
    void aBinaryBodyArrivesBase64Encoded() throws Exception {
        byte[] bytes = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xFF};
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/v1/items"))
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());

        Map<String, Object> seen = JSON.std.mapFrom(response.body());
        assertThat(seen).containsEntry("isBase64Encoded", true)
                .containsEntry("body", Base64.getEncoder().encodeToString(bytes));
    }

    @Test
    void theResponseCarriesTheHandlersStatusHeadersAndCookies() throws Exception {
        HttpResponse<String> response = send(get("/v1/items/7"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-echo")).contains("yes");
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        assertThat(response.headers().allValues("set-cookie")).containsExactly("echo=1; Path=/");
    }

    @Test
    void aBase64EncodedResponseIsDecodedForTheClient() throws Exception {
        HttpResponse<byte[]> response = HTTP.send(get("/v1/binary"), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(EchoHttpHandler.BINARY);
        assertThat(response.headers().firstValue("content-type")).contains("application/octet-stream");
    }

    @Test
    void aHandlerExceptionIsAnInternalServerErrorWithoutDetails() throws Exception {
        HttpResponse<String> response = send(get("/v1/boom"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}")
                .doesNotContain("secret").doesNotContain("Exception").doesNotContain("at dev.");
    }

    @Test
    void aHandlerPastItsTimeoutIsAnInternalServerError() throws Exception {
        HttpResponse<String> response = send(get("/v1/slow"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }

    @Test
    void aBodyOverTenMegabytesIsRefusedWith413() throws Exception {
        byte[] body = new byte[HttpApiGateway.MAX_REQUEST_BYTES + 1];

        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/v1/items"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"message\":\"Request Entity Too Large\"}");
    }

    @Test
    void healthAnswersOnceTheRuntimeIsReady() throws Exception {
        try (HttpApiGateway fresh = new HttpApiGateway("HealthApi", List.of(), 1)) {
            URI uri = fresh.start(0);
            HttpResponse<String> starting = HTTP.send(HttpRequest.newBuilder(uri.resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            fresh.ready(() -> Map.of("status", "UP", "sqs", "http://127.0.0.1:9324"));
            HttpResponse<String> up = HTTP.send(HttpRequest.newBuilder(uri.resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(starting.statusCode()).isEqualTo(503);
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(JSON.std.mapFrom(up.body())).containsEntry("status", "UP").containsEntry("sqs", "http://127.0.0.1:9324");
        }
    }

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).GET().build();
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}

package dev.damagedesk.localruntime.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The control API over HTTP, as a person with curl uses it. */
class FaultControlTest {

    private final List<String> restarts = new ArrayList<>();
    private final FaultInjection faults = new FaultInjection(
            (emulator, downtime) -> restarts.add(emulator + " " + downtime.toSeconds()), 3, Clock.systemUTC());
    private final FaultControl control = FaultControl.start(faults, Set.of("IntakeFunction", "ProcessorFunction"));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        control.close();
    }

    @Test
    void eachFaultIsSetByItsPostAndShownByGet() throws Exception {
        assertThat(post("/faults/function", "{\"function\":\"ProcessorFunction\",\"percent\":100,\"failure\":\"timeout\",\"seconds\":60}").statusCode()).isEqualTo(200);
        assertThat(post("/faults/duplicate-deliveries", "{\"percent\":20,\"seconds\":60}").statusCode()).isEqualTo(200);
        assertThat(post("/faults/service", "{\"service\":\"ses\",\"failure\":\"throttle\",\"latencyMillis\":50,\"seconds\":30}").statusCode()).isEqualTo(200);
        assertThat(post("/faults/restart", "{\"emulator\":\"dynamodb\",\"downtimeSeconds\":2}").statusCode()).isEqualTo(200);

        Map<String, Object> shown = JSON.std.mapFrom(http.send(HttpRequest.newBuilder(control.endpoint()).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        @SuppressWarnings("unchecked")
        Map<String, Object> active = (Map<String, Object>) shown.get("active");
        assertThat(active).containsOnlyKeys("function:ProcessorFunction", "duplicate-deliveries",
                "service:ses", "latency:ses");
        assertThat(faults.functionFailure("ProcessorFunction")).contains(FaultInjection.FunctionFailure.TIMEOUT);
        assertThat(restarts).containsExactly("DYNAMODB 2");

        HttpResponse<String> cleared = http.send(HttpRequest.newBuilder(control.endpoint()).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.std.mapFrom(cleared.body())).containsEntry("active", Map.of());
    }

    @Test
    void aMalformedOrUnknownFaultIsA400WithAMessage() throws Exception {
        for (String[] request : new String[][]{
                {"/faults/function", "{\"function\":\"NoSuchFunction\",\"percent\":10,\"failure\":\"throw\",\"seconds\":5}"},
                {"/faults/function", "{\"function\":\"IntakeFunction\",\"percent\":10,\"failure\":\"explode\",\"seconds\":5}"},
                {"/faults/duplicate-deliveries", "{\"percent\":\"ten\",\"seconds\":5}"},
                {"/faults/service", "{\"service\":\"ses\",\"seconds\":5}"},
                {"/faults/restart", "{\"emulator\":\"cognito\",\"downtimeSeconds\":1}"},
                {"/faults/nothing", "{}"},
                {"/faults/function", "not json"}}) {
            HttpResponse<String> response = post(request[0], request[1]);
            assertThat(response.statusCode()).as(request[0] + " " + request[1]).isEqualTo(400);
            assertThat(JSON.std.mapFrom(response.body())).containsKey("message");
        }
        assertThat(faults.describe()).containsEntry("active", Map.of());
        assertThat(restarts).isEmpty();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        URI uri = control.endpoint().resolve(path);
        return http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

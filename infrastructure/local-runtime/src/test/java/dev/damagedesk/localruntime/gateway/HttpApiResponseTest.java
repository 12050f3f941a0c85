package dev.damagedesk.localruntime.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How API Gateway reads a format 2.0 Lambda result, on results the test handlers cannot produce. */
class HttpApiResponseTest {

    @Test
    void jsonWithoutAStatusCodeIsTheBodyOfA200JsonResponse() throws Exception {
        HttpApiResponse response = HttpApiResponse.fromLambda("{\"reportId\":\"r-1\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers()).containsExactly(Map.entry("Content-Type", "application/json"));
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"reportId\":\"r-1\"}");
    }

    @Test
    void multiValueHeadersAndCookiesBecomeRepeatedHeaders() throws Exception {
        HttpApiResponse response = HttpApiResponse.fromLambda("{\"statusCode\":201,\"headers\":{\"location\":\"/r/1\"},"
                + "\"multiValueHeaders\":{\"vary\":[\"accept\",\"origin\"]},\"cookies\":[\"a=1\",\"b=2\"],\"body\":\"\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers()).containsExactly(Map.entry("location", "/r/1"), Map.entry("vary", "accept"),
                Map.entry("vary", "origin"), Map.entry("Set-Cookie", "a=1"), Map.entry("Set-Cookie", "b=2"));
        assertThat(response.body()).isEmpty();
    }

    @Test
    void whatApiGatewayCannotReadIsMalformed() {
        assertThatThrownBy(() -> HttpApiResponse.fromLambda("{\"statusCode\":\"two hundred\"}"))
                .isInstanceOf(HttpApiResponse.MalformedResponseException.class);
        assertThatThrownBy(() -> HttpApiResponse.fromLambda("{\"statusCode\":200,\"body\":{\"not\":\"a string\"}}"))
                .isInstanceOf(HttpApiResponse.MalformedResponseException.class);
        assertThatThrownBy(() -> HttpApiResponse.fromLambda("{\"statusCode\":200,\"isBase64Encoded\":true,\"body\":\"***\"}"))
                .isInstanceOf(HttpApiResponse.MalformedResponseException.class);
        assertThatThrownBy(() -> HttpApiResponse.fromLambda("{not json"))
                .isInstanceOf(HttpApiResponse.MalformedResponseException.class);
    }
}

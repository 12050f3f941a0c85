package dev.damagedesk.localruntime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The submission limits through the local gateway, turned on as a deployment would turn them on (template parameters,
 * as {@code --parameter-overrides} sets them): the client is the gateway's TCP peer (127.0.0.1), the contact the
 * report's email. The local runtime's default turns both off (LocalCloud.LOCAL_PARAMETER_DEFAULTS).
 */
class SubmissionLimitsIT {

    private static LocalRuntimeUnderTest runtime;
    private static PublicApiClient api;

    @BeforeAll
    static void start() {
        runtime = LocalRuntimeUnderTest.startWith(Map.of(
                "SubmissionLimitPerContactPerHour", "2", "SubmissionLimitPerClientPerMinute", "5"));
        api = new PublicApiClient(runtime.apiBaseUri());
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void aContactAndThenAClientOverTheirLimitsGet429WithRetryAfterAndTheErrorBody() throws Exception {
        // all within one clock minute (and so one hour): the windows are fixed
        int second = Instant.now().atZone(ZoneOffset.UTC).getSecond();
        if (second > 45) {
            Thread.sleep((61 - second) * 1_000L);
        }
        String email = "limited-" + UUID.randomUUID() + "@example.com";
        List<PublicApiClient.Reply> sameContact = List.of(
                api.submit(PublicApiClient.validReport(email)),
                api.submit(PublicApiClient.validReport(email.toUpperCase())),
                api.submit(PublicApiClient.validReport(email)));
        List<PublicApiClient.Reply> others = List.of(
                api.submit(PublicApiClient.validReport("b-" + email)),
                api.submit(PublicApiClient.validReport("c-" + email)),
                api.submit(PublicApiClient.validReport("d-" + email)));

        assertThat(sameContact).extracting(PublicApiClient.Reply::status).containsExactly(202, 202, 429);
        PublicApiClient.Reply contactLimited = sameContact.get(2);
        assertThat(Integer.parseInt(contactLimited.header("Retry-After"))).isBetween(1, 3_600);
        assertThat(contactLimited.errors()).extracting(error -> error.get("field") + " " + error.get("code"))
                .containsExactly("reporter.email too_many_reports");
        assertThat((String) contactLimited.errors().get(0).get("message")).startsWith("Too many reports for this email address");

        // the client counted five new reports (the contact-limited one too), so the sixth is refused for its address
        assertThat(others).extracting(PublicApiClient.Reply::status).containsExactly(202, 202, 429);
        PublicApiClient.Reply clientLimited = others.get(2);
        assertThat(Integer.parseInt(clientLimited.header("Retry-After"))).isBetween(1, 60);
        assertThat(clientLimited.errors()).extracting(error -> error.get("field") + " " + error.get("code"))
                .containsExactly("null too_many_reports");
    }
}

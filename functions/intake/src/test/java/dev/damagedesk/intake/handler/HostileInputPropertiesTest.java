package dev.damagedesk.intake.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.incident.IncidentCatalog;
import dev.damagedesk.adapters.json.Json;
import dev.damagedesk.domain.validation.SubmissionParser;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.SharedLocalCloud;
import dev.damagedesk.localaws.lambda.LocalContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Generated strings and JSON thrown at the intake handler, against the template's queue on the emulators: whatever
 * arrives, the answer is never a 5xx, never a 2xx for a report the domain's parser refuses, and every refusal is a
 * 4xx with a list of errors, each with a code and a message. The generator is seeded, so a failure names the seed and
 * the case that reproduce it ({@code -Dhostile.seed=N} runs another sequence).
 */
class HostileInputPropertiesTest {

    private static final int CASES = 600;
    private static final long SEED = Long.getLong("hostile.seed", 20221015L);
    private static final LocalCloud CLOUD = SharedLocalCloud.get();
    private static final Map<String, String> ENVIRONMENT = CLOUD.functionEnvironment("IntakeFunction");
    private static final ReportApiHandler HANDLER = new ReportApiHandler(FunctionEnvironment.of(ENVIRONMENT),
            Clock.systemUTC());
    /** The oracle: the same rules for the incident the template makes active (its bundled ledger). */
    private static final SubmissionParser PARSER = new SubmissionParser(
            new IncidentCatalog().get(ENVIRONMENT.get("ACTIVE_INCIDENT_ID")).services(), Clock.systemUTC());
    private static final List<String> PATHS = List.of("reporter", "reporter.name", "reporter.email", "reporter.phone",
            "reporter.accountRef", "locale", "service", "category", "reporterType", "occurredFrom", "occurredTo",
            "amountClaimedKrw", "description", "privacyConsent", "somethingElse");
    private static final List<Object> NEAR_MISSES = List.of("ko", "en", "music", "taxi", "paid-subscription",
            "business-loss", "small-business", "2022-10-15T15:30:00+09:00", "2022-10-16T15:00:00Z", "minji@example.com",
            "010-1234-5678", "", " ", "null", "minji@\u202Eelpmaxe.com", "\uFFFE", "\uD800", "\u0000", 0L, -1L,
            10_000_000_001L, 1.5, true, false);
    /** Code points a hostile client likes: controls, bidi and zero-width, surrogate halves, noncharacters, emoji. */
    private static final int[] NASTY = {0x0, 0x7, 0x9, 0xA, 0xD, 0x1B, 0x7F, 0x85, 0xAD, 0x200B, 0x200D, 0x200E, 0x202A,
            0x202E, 0x2028, 0x2066, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000, 0xFDD0, 0xFEFF, 0xFFFE, 0xFFFF, 0x1F621,
            0x10FFFF, '"', '\\', '<', '&', '\'', '=', '+', '@', '-'};

    @AfterAll
    static void emptyTheIntakeQueue() {
        CLOUD.aws().sqs().purgeQueue(purge -> purge.queueUrl(CLOUD.resources().queueUrl("IntakeQueue")));
    }

    @Test
    void anyBodyAtAllIsAnsweredWithoutA5xxAndARefusalListsItsErrors() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> failures = new ArrayList<>();
        for (int n = 0; n < CASES; n++) {
            String body = switch (random.nextInt(4)) {
                case 0 -> text(random, 300);
                case 1 -> jsonish(random);
                case 2 -> encoded(Json.write(value(random)), random);
                default -> encoded(Json.write(validReportWith(PATHS.get(random.nextInt(PATHS.size())), value(random))),
                        random);
            };
            APIGatewayV2HTTPResponse answer = submit(body);
            String problem = answer.getStatusCode() == 202 ? null
                    : List.of(400, 413, 415).contains(answer.getStatusCode()) ? refusalProblem(answer)
                    : "status " + answer.getStatusCode();
            if (problem != null) {
                failures.add("case " + n + " (seed " + SEED + "): " + problem + " for " + visible(body));
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aReportWithOneValueReplacedIsAcceptedOnlyWhenTheParserAcceptsIt() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        for (int n = 0; n < CASES; n++) {
            String path = PATHS.get(random.nextInt(PATHS.size()));
            Object value = value(random);
            Map<String, Object> report = validReportWith(path, value);
            var verdict = PARSER.parse(report);
            boolean valid = verdict.isValid();

            APIGatewayV2HTTPResponse answer = submit(escaped(Json.write(report)));

            String problem = null;
            if (valid && answer.getStatusCode() != 202) {
                problem = "valid but answered " + answer.getStatusCode() + " " + visible(answer.getBody());
            } else if (!valid && answer.getStatusCode() == 202) {
                problem = "invalid but accepted";
            } else if (!valid) {
                problem = List.of(400, 413, 415).contains(answer.getStatusCode()) ? refusalProblem(answer)
                        : "status " + answer.getStatusCode();
                // the same fields as the parser names (a cross-field rule may name another field than the one replaced)
                java.util.Set<String> expected = new java.util.TreeSet<>();
                verdict.errors().forEach(error -> expected.add(error.field()));
                if (problem == null && answer.getStatusCode() == 400
                        && !new java.util.TreeSet<>(errorFields(answer)).equals(expected)) {
                    problem = "errors on " + errorFields(answer) + ", the parser's on " + expected;
                }
            } else {
                accepted++;
            }
            if (problem != null) {
                failures.add("case " + n + " (seed " + (SEED + 1) + "): " + path + " = " + visible(String.valueOf(value))
                        + ": " + problem);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(accepted).as("some replacements are valid (a near miss that is right), so 202 is reached").isPositive();
    }

    /** The JSON as written, or with every non-ASCII character escaped: both are valid encodings of the same value. */
    private static String encoded(String json, SplittableRandom random) {
        return random.nextBoolean() ? json : escaped(json);
    }

    /**
     * Every character outside ASCII as a {@code \\uXXXX} escape (in JSON text such characters only occur inside
     * strings, where the escape means the same): how a client sends a surrogate half, which has no UTF-8 form.
     */
    private static String escaped(String json) {
        StringBuilder out = new StringBuilder(json.length());
        for (char c : json.toCharArray()) {
            out.append(c < 0x80 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }

    /** A string of random code units: mostly printable, with the characters above mixed in, lone surrogates too. */
    private static String text(SplittableRandom random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            int roll = random.nextInt(10);
            if (roll < 5) {
                text.append((char) (0x20 + random.nextInt(0x5F)));
            } else if (roll < 7) {
                text.appendCodePoint(NASTY[random.nextInt(NASTY.length)]);
            } else if (roll < 9) {
                text.append((char) (0xAC00 + random.nextInt(11_172))); // Hangul syllables
            } else {
                text.append((char) random.nextInt(0x10000)); // any code unit, a surrogate half included
            }
        }
        return text.toString();
    }

    /** Text made of JSON's own punctuation and words: mostly broken JSON, sometimes valid. */
    private static String jsonish(SplittableRandom random) {
        String alphabet = "{}[]\":,\\ u0123456789abcdefnulltrue-.eE";
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(200);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** A JSON value of any kind. */
    private static Object value(SplittableRandom random) {
        return switch (random.nextInt(7)) {
            case 0 -> text(random, 120);
            case 1 -> NEAR_MISSES.get(random.nextInt(NEAR_MISSES.size()));
            case 2 -> random.nextLong();
            case 3 -> random.nextDouble() * Math.pow(10, random.nextInt(20)) * (random.nextBoolean() ? 1 : -1);
            case 4 -> random.nextBoolean();
            case 5 -> List.of(text(random, 10), text(random, 10));
            default -> {
                Map<String, Object> object = new LinkedHashMap<>();
                object.put(text(random, 8), text(random, 10));
                yield object;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> validReportWith(String path, Object value) {
        Map<String, Object> report = Json.parseObject(EventLoader.loadApiGatewayHttpEvent("events/submit-report.json").getBody());
        Map<String, Object> target = report;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            Map<String, Object> inner = new LinkedHashMap<>((Map<String, Object>) target.get(parts[i]));
            target.put(parts[i], inner);
            target = inner;
        }
        target.put(parts[parts.length - 1], value);
        return report;
    }

    private static APIGatewayV2HTTPResponse submit(String body) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/submit-report.json");
        event.setBody(body);
        return HANDLER.handleRequest(event, LocalContext.forTest("IntakeFunction"));
    }

    /** What is wrong with a refusal's body, or null: it must list errors, each with a code and a message. */
    @SuppressWarnings("unchecked")
    private static String refusalProblem(APIGatewayV2HTTPResponse answer) {
        String body = answer.getBody();
        if (body.contains("Exception") || body.contains("at dev.")) {
            return "a stack trace in " + visible(body);
        }
        Object errors = Json.parseObject(body).get("errors");
        if (!(errors instanceof List<?> list) || list.isEmpty()) {
            return "no errors in " + visible(body);
        }
        for (Object error : list) {
            Map<String, Object> fields = (Map<String, Object>) error;
            if (!(fields.get("code") instanceof String code) || code.isBlank()
                    || !(fields.get("message") instanceof String message) || message.isBlank()) {
                return "an error without code or message in " + visible(body);
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static List<String> errorFields(APIGatewayV2HTTPResponse answer) {
        List<String> fields = new ArrayList<>();
        for (Map<String, Object> error : (List<Map<String, Object>>) Json.parseObject(answer.getBody()).get("errors")) {
            fields.add((String) error.get("field"));
        }
        return fields;
    }

    /** The text with everything outside printable ASCII as \\uXXXX, so that a failure message survives any report. */
    private static String visible(String text) {
        StringBuilder out = new StringBuilder();
        String shown = text.length() > 160 ? text.substring(0, 160) + "..." : text;
        for (char c : shown.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04X", (int) c));
        }
        return out.toString();
    }
}

package dev.damagedesk.coldstart.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The event each function gets for its cold start: the real event fixtures its handler tests use (API Gateway,
 * SQS and EventBridge shapes as AWS sends them), with fresh report ids per run so that the processor stores a new
 * report each time instead of finding the last run's.
 */
final class RepresentativeEvents {

    private static final Map<String, String> FIXTURES = Map.of(
            "IntakeFunction", "functions/intake/src/test/resources/events/submit-report.json",
            "ProcessorFunction", "functions/processor/src/test/resources/events/intake-queue-batch.json",
            "NotifierFunction", "functions/notifier/src/test/resources/events/notification-queue-batch.json",
            "RescoreFunction", "functions/rescorer/src/test/resources/events/rescore-queue-batch.json",
            "AdminFunction", "functions/admin/src/test/resources/events/admin-get-queue.json",
            "StaffJobFunction", "functions/admin/src/test/resources/events/staff-job-batch.json",
            "DocumentDeadlineFunction", "functions/deadlines/src/test/resources/events/hourly-schedule.json",
            "SurgeControllerFunction", "functions/surge/src/test/resources/events/every-minute.json");

    /** A report id in the queue messages: a ULID (26 characters of Crockford's base 32). */
    private static final Pattern REPORT_ID = Pattern.compile("(\\\\\"reportId\\\\\": ?\\\\\")([0-9A-HJKMNP-TV-Z]{26})");
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private final Path root;

    RepresentativeEvents(Path root) {
        this.root = root;
    }

    String forFunction(String function, Random random) {
        String fixture = FIXTURES.get(function);
        if (fixture == null) {
            throw new IllegalStateException(function + " has no representative event: add its handler test's fixture to "
                    + RepresentativeEvents.class.getSimpleName());
        }
        String event = read(fixture);
        if (function.equals("StaffJobFunction")) {
            // A page of a job that does not exist: the worker reads the job and answers a batch item failure.
            return event.replace("\"replaced-by-the-test\"", "\"{\\\"schema\\\":\\\"staff-job-page/1\\\",\\\"jobId\\\":\\\""
                    + UUID.randomUUID() + "\\\",\\\"page\\\":1}\"");
        }
        Matcher ids = REPORT_ID.matcher(event);
        StringBuilder fresh = new StringBuilder();
        while (ids.find()) {
            ids.appendReplacement(fresh, Matcher.quoteReplacement(ids.group(1) + freshId(random)));
        }
        ids.appendTail(fresh);
        return fresh.toString();
    }

    private static String freshId(Random random) {
        StringBuilder id = new StringBuilder("01");
        for (int i = 0; i < 24; i++) {
            id.append(CROCKFORD.charAt(random.nextInt(CROCKFORD.length())));
        }
        return id.toString();
    }

    private String read(String fixture) {
        try {
            return Files.readString(root.resolve(fixture), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the event fixture " + fixture, e);
        }
    }
}

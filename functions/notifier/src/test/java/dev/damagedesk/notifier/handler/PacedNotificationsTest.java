package dev.damagedesk.notifier.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.SharedLocalCloud;
import dev.damagedesk.localaws.lambda.LocalContext;
import dev.damagedesk.localaws.mailbox.LocalMailbox;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Two notifier instances at once, sharing the sending rate through the Reports table on the emulator: N notices at
 * R a second span at least N / R - 1 seconds (the first second may be partly gone), no second of the clock gives
 * out more than R slots, and every notice arrives once in the SES emulator's mailbox.
 */
class PacedNotificationsTest {

    private static final int RATE = 10;
    private static final int NOTICES = 40;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LocalCloud cloud = SharedLocalCloud.get();
    private final LocalMailbox mailbox = cloud.aws().mailbox();
    private final String table = cloud.resources().tableName("ReportsTable");
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void noticesFromTwoInstancesAreSentWithinTheSharedRateAndEachArrivesOnce() throws Exception {
        Map<String, String> environment = new HashMap<>(cloud.functionEnvironment("NotifierFunction"));
        environment.put("EMAIL_SEND_RATE_PER_SECOND", Integer.toString(RATE));
        List<NotificationHandler> instances = List.of(handler(environment), handler(environment));
        List<SQSEvent> batches = List.of(batch(0, NOTICES / 2), batch(NOTICES / 2, NOTICES));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        Instant started = Instant.now();
        List<Future<SQSBatchResponse>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                NotificationHandler instance = instances.get(i);
                SQSEvent batch = batches.get(i);
                answers.add(pool.submit(() -> instance.handleRequest(batch, LocalContext.forTest("NotifierFunction"))));
            }
            for (Future<SQSBatchResponse> answer : answers) {
                assertThat(answer.get().getBatchItemFailures()).as("nothing deferred at this rate").isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        Instant finished = Instant.now();

        assertThat(Duration.between(started, finished)).isGreaterThanOrEqualTo(Duration.ofSeconds(NOTICES / RATE - 1));
        for (int i = 0; i < NOTICES; i++) {
            assertThat(mailbox.sentTo(address(i))).as(address(i)).hasSize(1);
        }
        assertThat(countSlots(started, finished)).as("one slot per email sent, whatever else ran").isGreaterThanOrEqualTo(NOTICES);
    }

    private long countSlots(Instant from, Instant to) {
        long total = 0;
        for (long second = from.getEpochSecond(); second <= to.getEpochSecond(); second++) {
            long at = second;
            Map<String, AttributeValue> item = cloud.aws().dynamoDb().getItem(get -> get.tableName(table)
                    .key(Map.of("pk", AttributeValue.fromS("EMAIL_SLOTS#" + at), "sk", AttributeValue.fromS("SLOTS"))))
                    .item();
            if (item != null && item.containsKey("taken")) {
                long taken = Long.parseLong(item.get("taken").n());
                if (second > from.getEpochSecond()) {
                    // The first second may also hold the sends of the test before this one, at its own rate.
                    assertThat(taken).as("slots of second " + at).isLessThanOrEqualTo(RATE);
                }
                total += taken;
            }
        }
        return total;
    }

    private String address(int notice) {
        return "pace-" + run + "-" + notice + "@example.com";
    }

    /** Acknowledgements of new reports, each to an address of its own, from the fixture's first notice. */
    private SQSEvent batch(int from, int to) {
        SQSEvent.SQSMessage template = EventLoader.loadSQSEvent("events/notification-queue-batch.json").getRecords().get(0);
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (int i = from; i < to; i++) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId(UUID.randomUUID().toString());
            message.setAttributes(template.getAttributes());
            message.setBody(template.getBody()
                    .replace("01GFM4V7Q2S8W3N5K6P9R0T1X2", ReportId.newId(Instant.now(), RANDOM).value())
                    .replace("jun.lee@example.com", address(i)));
            records.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static NotificationHandler handler(Map<String, String> environment) {
        return new NotificationHandler(FunctionEnvironment.of(environment), Clock.systemUTC());
    }
}

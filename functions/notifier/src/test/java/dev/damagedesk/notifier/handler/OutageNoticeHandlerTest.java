package dev.damagedesk.notifier.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.message.OutageNoticeMessage;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.SharedLocalCloud;
import dev.damagedesk.localaws.lambda.LocalContext;
import dev.damagedesk.localaws.mailbox.LocalMailbox;
import dev.damagedesk.localaws.mailbox.LocalMailbox.SentEmail;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Outage notices through the notifier, from an SQS event fixture to the SES emulator's mailbox: one email per
 * recipient and incident in their language, however many of their reports queued one, and again nothing on
 * redelivery.
 */
class OutageNoticeHandlerTest {

    private static final String EVENT = "events/outage-notices-batch.json";
    private static final String INCIDENT = "detected-20261204-0100";

    private final LocalCloud cloud = SharedLocalCloud.get();
    private final Map<String, String> environment = cloud.functionEnvironment("NotifierFunction");
    private final LocalMailbox mailbox = cloud.aws().mailbox();
    private final String table = cloud.resources().tableName("ReportsTable");

    @BeforeEach
    void noOutageNoticeSentYet() {
        mailbox.clear();
        for (String address : List.of("jun.lee@example.com", "seoyeon@example.co.kr")) {
            cloud.aws().dynamoDb().deleteItem(delete -> delete.tableName(table).key(Map.of(
                    "pk", AttributeValue.fromS("OUTAGE_NOTICE#" + INCIDENT),
                    "sk", AttributeValue.fromS("RECIPIENT#" + OutageNoticeMessage.ledgerRecipient(address)))));
        }
    }

    @Test
    void eachRecipientGetsOneNoticeInTheirLanguageAndARedeliverySendsNothingMore() {
        NotificationHandler handler = new NotificationHandler(FunctionEnvironment.of(environment), Clock.systemUTC());

        SQSBatchResponse first = handler.handleRequest(EventLoader.loadSQSEvent(EVENT), context());
        SQSBatchResponse redelivered = handler.handleRequest(EventLoader.loadSQSEvent(EVENT), context());

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(redelivered.getBatchItemFailures()).isEmpty();
        assertThat(mailbox.all()).hasSize(2);
        SentEmail english = mailbox.sentTo("jun.lee@example.com").get(0);
        assertThat(english.subject()).isEqualTo("[DamageDesk] Outage notice: messenger");
        assertThat(english.text()).contains("2 h 30 min").contains(INCIDENT).contains("2026-12-04 10:00");
        assertThat(english.html()).contains("Lee &lt;b&gt;Jun&lt;/b&gt;").doesNotContain("<b>Jun</b>");
        SentEmail korean = mailbox.sentTo("seoyeon@example.co.kr").get(0);
        assertThat(korean.subject()).contains("장애 안내");
        assertThat(korean.text()).contains("2시간 30분").startsWith("안녕하세요.");
    }

    @Test
    void aBrokenOutageNoticeIsLeftForTheDeadLetterQueueAndTheOthersAreSent() {
        SQSEvent event = EventLoader.loadSQSEvent(EVENT);
        event.getRecords().get(2).setBody("{\"schema\":\"outage-notice/1\",\"incidentId\":\"" + INCIDENT + "\"}");

        SQSBatchResponse response = new NotificationHandler(FunctionEnvironment.of(environment), Clock.systemUTC())
                .handleRequest(event, context());

        assertThat(mailbox.all()).extracting(SentEmail::subject).containsExactly("[DamageDesk] Outage notice: messenger");
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(event.getRecords().get(2).getMessageId());
    }

    private static LocalContext context() {
        return LocalContext.forTest("NotifierFunction");
    }
}

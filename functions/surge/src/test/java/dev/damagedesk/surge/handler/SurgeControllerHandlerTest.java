package dev.damagedesk.surge.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.repository.DynamoDbOperationsTrail;
import dev.damagedesk.adapters.repository.DynamoDbSurgeStates;
import dev.damagedesk.adapters.repository.DynamoDbTrafficTallies;
import dev.damagedesk.application.port.ProcessorScaling;
import dev.damagedesk.application.scoring.ReportWriteCost;
import dev.damagedesk.application.surge.ControlSurge;
import dev.damagedesk.domain.audit.OperationAction;
import dev.damagedesk.domain.audit.OperationChain;
import dev.damagedesk.domain.audit.OperationEntry;
import dev.damagedesk.domain.surge.SurgeMode;
import dev.damagedesk.domain.surge.SurgeState;
import dev.damagedesk.domain.surge.SurgeSwitch;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.SharedLocalCloud;
import dev.damagedesk.localaws.lambda.LocalContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The controller driven by EventBridge event fixtures (the minute's schedule, the backlog alarm's state change),
 * against the template's table and intake queue on the emulators; the processor's event source is a recording
 * stand-in here (the local runtime's Lambda API is tested with the SDK in infrastructure/local-runtime).
 */
class SurgeControllerHandlerTest {

    private final LocalCloud cloud = SharedLocalCloud.get();
    private final Map<String, String> environment = cloud.functionEnvironment("SurgeControllerFunction");
    private final String table = environment.get("REPORTS_TABLE");
    private final DynamoDbTrafficTallies tallies = new DynamoDbTrafficTallies(cloud.aws().dynamoDb(), table);
    private final DynamoDbSurgeStates states = new DynamoDbSurgeStates(cloud.aws().dynamoDb(), table);
    /** A run's minute of its own (the emulator is shared by the JVM's tests): 07:05:20 on a random far day. */
    private final Instant now = Instant.parse("2100-01-01T07:05:20Z")
            .plus(new SecureRandom().nextInt(300_000), ChronoUnit.DAYS);
    private final RecordingScaling scaling = new RecordingScaling();

    private static final class RecordingScaling implements ProcessorScaling {
        int concurrency = 10;
        final List<Integer> updates = new ArrayList<>();

        @Override
        public int maximumConcurrency() {
            return concurrency;
        }

        @Override
        public void setMaximumConcurrency(int concurrency) {
            this.concurrency = concurrency;
            updates.add(concurrency);
        }
    }

    @BeforeEach
    void noStatePublishedAndAnEmptyIntakeQueue() {
        cloud.aws().dynamoDb().deleteItem(delete -> delete.tableName(table).key(Map.of(
                "pk", AttributeValue.fromS("SURGE"), "sk", AttributeValue.fromS("STATE"))));
        cloud.aws().sqs().purgeQueue(purge -> purge.queueUrl(environment.get("INTAKE_QUEUE_URL")));
    }

    @Test
    void aQuietMinuteStaysNormalPublishesTheQuoteAndLeavesTheProcessorAlone() {
        for (int minutesAgo = 1; minutesAgo <= 5; minutesAgo++) {
            Instant minute = now.truncatedTo(ChronoUnit.MINUTES).minus(minutesAgo, ChronoUnit.MINUTES);
            tallies.addArrivals(minute, Map.of("taxi", 80L, "music", 20L));
            tallies.addProcessed(minute, 100, Duration.ofSeconds(3));
        }

        Map<String, Object> answer = handler().handleRequest(event("events/every-minute.json"), context());

        assertThat(answer).containsEntry("mode", "NORMAL").containsEntry("switched", false)
                .containsEntry("arrivalsPerMinute", 100L).containsEntry("processedPerMinute", 100L)
                .containsEntry("backlog", 0L).containsEntry("expectedProcessingSeconds", 60L);
        assertThat(states.current()).contains(new SurgeState(SurgeMode.NORMAL, now, Duration.ofMinutes(1), now));
        assertThat(scaling.updates).isEmpty();
    }

    @Test
    void theBacklogAlarmsStateChangeDuringAWaveSwitchesSurgeOnRecordsTheSwitchAndScalesTheProcessor() {
        Instant lastMinute = now.truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.MINUTES);
        tallies.addArrivals(lastMinute, Map.of("taxi", 9_000L));
        tallies.addProcessed(lastMinute, 1_200, Duration.ofSeconds(40));

        Map<String, Object> answer = handler().handleRequest(event("events/backlog-alarm-state-change.json"), context());

        assertThat(answer).containsEntry("mode", "SURGE").containsEntry("switched", true);
        // drain (0 + 0 + 1,200) / 3 = 400/min over 10 instances: 0.67 reports/s each at 7 writes: 4,000 / 4.67 = 857,
        // capped at the template's SurgeMaximumConcurrency
        int ceiling = Integer.parseInt(environment.get("SURGE_MAXIMUM_CONCURRENCY"));
        assertThat(ReportWriteCost.WRITES_PER_REPORT).isEqualTo(7);
        assertThat(scaling.updates).containsExactly(ceiling);
        assertThat(states.current().orElseThrow().mode()).isEqualTo(SurgeMode.SURGE);
        List<SurgeSwitch> switches = states.switchesSince(now).stream().filter(change -> change.at().equals(now)).toList();
        assertThat(switches).singleElement().satisfies(change -> {
            assertThat(change.to()).isEqualTo(SurgeMode.SURGE);
            assertThat(change.reason()).isEqualTo("arrivals 9000/min >= 3000/min");
            assertThat(change.arrivalsPerMinute()).isEqualTo(9_000);
            assertThat(change.oldestWait()).isEqualTo(Duration.ofSeconds(40));
            assertThat(change.processorConcurrency()).isEqualTo(ceiling);
            assertThat(change.emailsPerSecond()).isEqualTo(Double.parseDouble(environment.get("EMAIL_SEND_RATE_PER_SECOND")));
        });
        // and in the operations trail of the template's audit table, once (a second run in the minute switches nothing)
        handler().handleRequest(event("events/backlog-alarm-state-change.json"), context());
        List<OperationEntry> trail = new DynamoDbOperationsTrail(cloud.aws().dynamoDb(), environment.get("AUDIT_TABLE"))
                .latest(20);
        assertThat(trail).filteredOn(entry -> entry.subject().equals("surge:" + now)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(OperationAction.SURGE_ON);
            assertThat(entry.actor()).isEqualTo(ControlSurge.CONTROLLER);
            assertThat(entry.detail()).startsWith("arrivals 9000/min >= 3000/min; arrivals 9000/min");
        });
        assertThat(OperationChain.verify(trail).intact()).isTrue();
    }

    @Test
    void moreEveryMinuteWorkRunsAfterTheControllerAndOneFailingStopsNeitherTheOthersNorThePublishedState() {
        List<String> ran = new ArrayList<>();
        SurgeControllerHandler handler = handler()
                .alsoEveryMinute("failing", at -> {
                    ran.add("failing");
                    throw new IllegalStateException("table unavailable");
                })
                .alsoEveryMinute("detection", at -> {
                    ran.add("detection at " + at);
                    return Map.of("drafts", 1);
                });

        assertThatThrownBy(() -> handler.handleRequest(event("events/every-minute.json"), context()))
                .isInstanceOf(IllegalStateException.class).hasMessage("table unavailable");

        assertThat(ran).containsExactly("failing", "detection at " + now);
        assertThat(states.current().orElseThrow().updatedAt()).as("the controller ran first").isEqualTo(now);
        Map<String, Object> answer = handler().alsoEveryMinute("detection", at -> Map.of("drafts", 0))
                .handleRequest(event("events/every-minute.json"), context());
        assertThat(answer).containsEntry("detection", Map.of("drafts", 0));
    }

    @Test
    void snapStartWarmUpWritesNothingAndScalesNothing() {
        int items = cloud.aws().itemCount(table);

        handler().warmUp();

        assertThat(cloud.aws().itemCount(table)).isEqualTo(items);
        assertThat(scaling.updates).isEmpty();
    }

    @Test
    void theNormalConcurrencyItRestoresIsTheProcessorsInTheTemplate() {
        int processor = cloud.template().function("ProcessorFunction").sqsEventSources().get(0).maximumConcurrency();

        assertThat(Integer.parseInt(environment.get("PROCESSOR_MAXIMUM_CONCURRENCY"))).isEqualTo(processor);
    }

    private SurgeControllerHandler handler() {
        return new SurgeControllerHandler(FunctionEnvironment.of(environment), Clock.fixed(now, ZoneOffset.UTC),
                (clients, env) -> scaling);
    }

    private static ScheduledEvent event(String fixture) {
        return EventLoader.loadScheduledEvent(fixture);
    }

    private static LocalContext context() {
        return LocalContext.forTest("SurgeControllerFunction");
    }
}

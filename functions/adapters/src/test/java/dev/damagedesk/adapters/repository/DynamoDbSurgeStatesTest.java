package dev.damagedesk.adapters.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.domain.surge.SurgeMode;
import dev.damagedesk.domain.surge.SurgeState;
import dev.damagedesk.domain.surge.SurgeSwitch;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.SharedLocalCloud;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The surge controller's state and switches in the Reports table of the DynamoDB emulator. */
class DynamoDbSurgeStatesTest {

    private final LocalCloud cloud = SharedLocalCloud.get();
    private final String table = cloud.resources().tableName("ReportsTable");
    private final DynamoDbSurgeStates states = new DynamoDbSurgeStates(cloud.aws().dynamoDb(), table);
    /** A day of its own per test (the emulator is shared by the JVM's tests): switches are read within it. */
    private final Instant day = Instant.parse("2100-01-01T00:00:00Z")
            .plus(new SecureRandom().nextInt(300_000), ChronoUnit.DAYS);

    private SurgeSwitch switchAt(Instant at, SurgeMode to, String reason) {
        return new SurgeSwitch(at, to, reason, 5400, 1200, 18_000, Duration.ofSeconds(754), 25, 14.0);
    }

    private List<SurgeSwitch> switchesOfTheDay() {
        return states.switchesSince(day).stream().filter(change -> change.at().isBefore(day.plus(1, ChronoUnit.DAYS)))
                .toList();
    }

    @Test
    void thePublishedStateIsReadBackAndALaterRunOverwritesIt() {
        SurgeState surge = new SurgeState(SurgeMode.SURGE, day.plusSeconds(60), Duration.ofMillis(754_250),
                day.plusSeconds(120));
        states.publish(surge);
        assertThat(states.current()).contains(surge);

        SurgeState normal = new SurgeState(SurgeMode.NORMAL, day.plusSeconds(180), Duration.ofSeconds(4),
                day.plusSeconds(180));
        states.publish(normal);
        assertThat(states.current()).contains(normal);
    }

    @Test
    void switchesComeBackOldestFirstWithTheirFiguresFromTheGivenInstantOn() {
        SurgeSwitch on = switchAt(day.plusSeconds(3600), SurgeMode.SURGE, "backlog 18000 > 5000");
        SurgeSwitch off = new SurgeSwitch(day.plusSeconds(7200).plusMillis(5), SurgeMode.NORMAL,
                "under the lower bounds for 5 minutes", 40, 900, 12, Duration.ZERO, 10, 1.5);
        SurgeSwitch earlier = switchAt(day.plusSeconds(60), SurgeMode.SURGE, "arrivals 9000/min > 3000/min");
        states.recordSwitch(off);
        states.recordSwitch(on);
        states.recordSwitch(earlier);

        assertThat(switchesOfTheDay()).containsExactly(earlier, on, off);
        assertThat(states.switchesSince(day.plusSeconds(3600)).stream()
                .filter(change -> change.at().isBefore(day.plus(1, ChronoUnit.DAYS))))
                .containsExactly(on, off);
    }

    @Test
    void recordingTheSameSwitchAgainChangesNothing() {
        SurgeSwitch on = switchAt(day.plusSeconds(600), SurgeMode.SURGE, "oldest wait 754 s > 300 s");
        states.recordSwitch(on);
        states.recordSwitch(switchAt(on.at(), SurgeMode.SURGE, "a retried run"));

        assertThat(switchesOfTheDay()).containsExactly(on);
        Map<String, AttributeValue> item = cloud.aws().dynamoDb().getItem(get -> get.tableName(table).key(Map.of(
                "pk", AttributeValue.fromS("SURGE"),
                "sk", AttributeValue.fromS(DynamoDbSurgeStates.switchSortKey(on.at(), SurgeMode.SURGE))))).item();
        assertThat(item.get("reason").s()).isEqualTo("oldest wait 754 s > 300 s");
    }
}

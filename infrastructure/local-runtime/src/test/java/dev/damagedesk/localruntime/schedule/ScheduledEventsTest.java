package dev.damagedesk.localruntime.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.damagedesk.localaws.template.FunctionSpec;
import dev.damagedesk.localaws.template.ScheduleEvent;
import dev.damagedesk.localaws.template.TemplateException;
import dev.damagedesk.localruntime.fixtures.RecordingScheduledHandler;
import dev.damagedesk.localruntime.function.LocalFunction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Schedule events invoke their function with EventBridge's scheduled event, on their cadence or when triggered. */
class ScheduledEventsTest {

    private LocalFunction function;
    private ScheduledEvents schedules;

    @AfterEach
    void stop() {
        if (schedules != null) {
            schedules.close();
        }
        if (function != null) {
            function.close();
        }
    }

    private static FunctionSpec spec(ScheduleEvent... events) {
        return new FunctionSpec("DeadlineFunction", RecordingScheduledHandler.class.getName() + "::handleRequest", 5, 512,
                Map.of(), List.of(), List.of(), List.of(events));
    }

    private ScheduledEvents start(Clock clock, ScheduleEvent... events) {
        FunctionSpec spec = spec(events);
        function = new LocalFunction(spec, 1);
        schedules = new ScheduledEvents(List.of(spec), Map.of("DeadlineFunction", function), clock);
        return schedules;
    }

    @Test
    void theScheduledEventHasEventBridgesShape() throws Exception {
        ScheduledEvents.Rule rule = new ScheduledEvents.Rule("DeadlineFunction",
                new ScheduleEvent("Hourly", "rate(1 hour)", true, Optional.empty()), ScheduleExpression.parse("rate(1 hour)"));

        Map<String, Object> event = JSON.std.mapFrom(ScheduledEvents.event(rule, Instant.parse("2026-12-03T10:00:00.123Z")));

        assertThat(event).containsEntry("version", "0").containsEntry("detail-type", "Scheduled Event")
                .containsEntry("source", "aws.events").containsEntry("account", "000000000000")
                .containsEntry("region", "us-east-1").containsEntry("time", "2026-12-03T10:00:00Z")
                .containsEntry("resources", List.of("arn:aws:events:us-east-1:000000000000:rule/damagedesk-local-DeadlineFunctionHourly"))
                .containsEntry("detail", Map.of()).containsKey("id");
    }

    @Test
    void triggerInvokesTheFunctionNowThroughLambdasScheduledEventPojo() throws Exception {
        RecordingScheduledHandler.RECEIVED.clear();
        start(Clock.systemUTC(), new ScheduleEvent("Daily", "cron(0 3 * * ? *)", false, Optional.empty()));

        String answer = schedules.trigger("DeadlineFunction", "Daily");

        assertThat(answer).isEqualTo("\"seen Scheduled Event\"");
        assertThat(RecordingScheduledHandler.RECEIVED).hasSize(1);
        ScheduledEvent event = RecordingScheduledHandler.RECEIVED.get(0);
        assertThat(event.getSource()).isEqualTo("aws.events");
        assertThat(event.getResources()).containsExactly(
                "arn:aws:events:us-east-1:000000000000:rule/damagedesk-local-DeadlineFunctionDaily");
        assertThatThrownBy(() -> schedules.trigger("DeadlineFunction", "Weekly")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEnabledRuleFiresWhenItsTimeComesAndADisabledOneNever() throws Exception {
        RecordingScheduledHandler.RECEIVED.clear();
        // a clock 200 ms before a whole minute: the every-minute rule's first firing is due almost at once
        Instant now = Instant.now();
        Instant almostNextMinute = now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plus(Duration.ofMinutes(1))
                .minusMillis(200);
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(now, almostNextMinute));
        start(clock, new ScheduleEvent("EveryMinute", "cron(* * * * ? *)", true, Optional.empty()),
                new ScheduleEvent("Paused", "cron(* * * * ? *)", false, Optional.of("{\"paused\":true}")));

        schedules.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (RecordingScheduledHandler.RECEIVED.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertThat(RecordingScheduledHandler.RECEIVED).isNotEmpty();
        assertThat(RecordingScheduledHandler.RECEIVED).allSatisfy(event -> assertThat(event.getResources())
                .containsExactly("arn:aws:events:us-east-1:000000000000:rule/damagedesk-local-DeadlineFunctionEveryMinute"));
    }

    @Test
    void anExpressionItCannotHonourStopsTheStartNamingTheEvent() {
        FunctionSpec spec = spec(new ScheduleEvent("LastDay", "cron(0 0 L * ? *)", true, Optional.empty()));

        assertThatThrownBy(() -> new ScheduledEvents(List.of(spec), Map.of(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)))
                .isInstanceOf(TemplateException.class).hasMessageContaining("DeadlineFunction.Events.LastDay");
    }
}

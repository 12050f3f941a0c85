package dev.damagedesk.intake.submit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.application.memory.InMemorySurgeStates;
import dev.damagedesk.application.memory.ManualClock;
import dev.damagedesk.domain.surge.SurgeMode;
import dev.damagedesk.application.port.SurgeStates;
import dev.damagedesk.domain.surge.SurgeState;
import dev.damagedesk.domain.surge.SurgeSwitch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProcessingTimeQuoteTest {

    private static final Instant NOW = Instant.parse("2022-10-15T07:00:00Z");

    private final InMemorySurgeStates states = new InMemorySurgeStates();
    private final AtomicInteger depthReads = new AtomicInteger();
    private long depth = 1_500;
    private final ManualClock clock = new ManualClock(NOW);
    /** Configured 600 reports a minute. */
    private final ProcessingTimeQuote quote = new ProcessingTimeQuote(() -> {
        depthReads.incrementAndGet();
        return depth;
    }, states, 600, clock);

    @Test
    void aFreshPublishedFigureIsQuotedAsItIs() {
        states.publish(new SurgeState(SurgeMode.SURGE, NOW.minusSeconds(600), Duration.ofSeconds(1_260),
                NOW.minusSeconds(40)));

        assertThat(quote.current()).isEqualTo(Duration.ofSeconds(1_260));
        assertThat(depthReads).as("no queue read while the state is fresh").hasValue(0);
    }

    @Test
    void withoutAFreshStateTheQueueDepthAtTheConfiguredRateIsQuoted() {
        assertThat(quote.current()).as("no state: 1,500 at 600/min, 3 minutes plus one").isEqualTo(Duration.ofMinutes(4));

        states.publish(new SurgeState(SurgeMode.SURGE, NOW.minusSeconds(900), Duration.ofSeconds(1_260),
                NOW.minusSeconds(200)));
        clock.set(NOW.plusSeconds(16));
        assertThat(quote.current()).as("a state published 3.6 minutes ago: stale").isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void figuresAreReadAtMostEveryFifteenSecondsPerContainer() {
        quote.current();
        depth = 6_000;
        clock.set(NOW.plusSeconds(15));
        assertThat(quote.current()).as("within the refresh").isEqualTo(Duration.ofMinutes(4));
        assertThat(depthReads).hasValue(1);

        clock.set(NOW.plusSeconds(16));
        assertThat(quote.current()).isEqualTo(Duration.ofMinutes(11));
        states.publish(new SurgeState(SurgeMode.NORMAL, NOW, Duration.ofSeconds(90), NOW.plusSeconds(20)));
        clock.set(NOW.plusSeconds(32));
        assertThat(quote.current()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void whenNothingCanBeReadTheLastFigureStands() {
        ProcessingTimeQuote unreadable = new ProcessingTimeQuote(() -> {
            throw new IllegalStateException("queue unavailable");
        }, new SurgeStates() {
            @Override
            public Optional<SurgeState> current() {
                throw new IllegalStateException("table unavailable");
            }

            @Override
            public void publish(SurgeState state) {
            }

            @Override
            public void recordSwitch(SurgeSwitch change) {
            }

            @Override
            public List<SurgeSwitch> switchesSince(Instant since) {
                return List.of();
            }
        }, 600, clock);

        assertThat(unreadable.current()).as("the estimate for an empty queue").isEqualTo(Duration.ofMinutes(1));
    }
}

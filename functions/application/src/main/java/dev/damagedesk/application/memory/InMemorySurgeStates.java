package dev.damagedesk.application.memory;

import dev.damagedesk.application.port.SurgeStates;
import dev.damagedesk.domain.surge.SurgeState;
import dev.damagedesk.domain.surge.SurgeSwitch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link SurgeStates} kept in memory, for use-case tests. */
public final class InMemorySurgeStates implements SurgeStates {

    private SurgeState current;
    private final List<SurgeSwitch> switches = new ArrayList<>();

    @Override
    public synchronized Optional<SurgeState> current() {
        return Optional.ofNullable(current);
    }

    @Override
    public synchronized void publish(SurgeState state) {
        current = state;
    }

    @Override
    public synchronized void recordSwitch(SurgeSwitch change) {
        boolean recorded = switches.stream()
                .anyMatch(known -> known.at().equals(change.at()) && known.to() == change.to());
        if (!recorded) {
            switches.add(change);
            switches.sort(Comparator.comparing(SurgeSwitch::at));
        }
    }

    @Override
    public synchronized List<SurgeSwitch> switchesSince(Instant since) {
        return switches.stream().filter(change -> !change.at().isBefore(since)).toList();
    }
}

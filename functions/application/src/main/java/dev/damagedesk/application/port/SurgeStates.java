package dev.damagedesk.application.port;

import dev.damagedesk.domain.surge.SurgeState;
import dev.damagedesk.domain.surge.SurgeSwitch;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The surge controller's published state and its switches, read by the intake, the status lookup, the dashboard. */
public interface SurgeStates {

    /** The last published state; empty before the controller's first run. */
    Optional<SurgeState> current();

    /** Publishes the state (one writer: the controller; a later run overwrites an earlier one). */
    void publish(SurgeState state);

    /** Records a switch, once: recording the same switch (same {@code at} and mode) again changes nothing. */
    void recordSwitch(SurgeSwitch change);

    /** The switches recorded at or after {@code since}, oldest first. */
    List<SurgeSwitch> switchesSince(Instant since);
}

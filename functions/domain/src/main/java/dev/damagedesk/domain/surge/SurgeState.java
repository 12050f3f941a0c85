package dev.damagedesk.domain.surge;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the surge controller last published: the mode, since when, and the expected processing time that the intake
 * quotes in its {@code 202} and the status lookup shows for a report still waiting.
 *
 * @param mode               the current mode
 * @param since              when the controller switched to it
 * @param expectedProcessing how long a report accepted now waits to be scored, from the backlog and the measured drain rate
 * @param updatedAt          when the controller last ran; a reader treats a state far older than a few minutes as stale
 */
public record SurgeState(SurgeMode mode, Instant since, Duration expectedProcessing, Instant updatedAt) {

    public SurgeState {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(expectedProcessing, "expectedProcessing");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}

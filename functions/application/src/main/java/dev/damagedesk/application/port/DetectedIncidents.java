package dev.damagedesk.application.port;

import dev.damagedesk.domain.detection.DetectedIncident;
import java.util.List;
import java.util.Optional;

/**
 * Incidents the system detected ({@link DetectedIncident}), drafts and decided ones. At most one is open (extended
 * by later spikes) at a time; every write is conditional on the version read, so a detection run and a supervisor's
 * confirmation never overwrite each other.
 */
public interface DetectedIncidents {

    /** The open one, if an episode is going on. */
    Optional<DetectedIncident> open();

    Optional<DetectedIncident> find(String id);

    /** The most recently detected first, at most {@code limit}; one read, never a scan. */
    List<DetectedIncident> latest(int limit);

    /**
     * Stores a new open incident (version 1) and makes it the open one. Safe to repeat: an earlier call that stored it
     * (whole or in part) leaves it stored as it was, and it is the open one.
     *
     * @return true when it is the open one now; false when another incident is open, or this id was stored and its
     *         episode has ended
     */
    boolean create(DetectedIncident incident);

    /**
     * Replaces {@code before} with {@code after} (version {@code before.version() + 1}); an incident whose episode
     * ends ({@code open} to closed) stops being the open one.
     *
     * @return false when the stored version is no longer {@code before}'s: read again
     */
    boolean replace(DetectedIncident before, DetectedIncident after);
}

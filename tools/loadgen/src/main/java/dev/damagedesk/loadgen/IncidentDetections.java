package dev.damagedesk.loadgen;

import java.time.Instant;
import java.util.List;

/**
 * The draft incidents the platform detected during the wave, for the final report. The detector itself (a sharp rise
 * of a service's reports over its baseline) belongs to the notices work; until its port is on this branch the wave
 * reads through this interface and {@link #NOT_ON_THIS_BUILD} says so in the report instead of claiming "none".
 */
public interface IncidentDetections {

    /** A draft incident as the report shows it. */
    record DetectedIncident(String id, List<String> services, Instant firstSeen, String status) {
    }

    /** Draft incidents first seen at or after {@code since}; empty when {@link #available()} is false. */
    List<DetectedIncident> detectedSince(Instant since);

    /** Whether this build can detect incidents at all. */
    boolean available();

    IncidentDetections NOT_ON_THIS_BUILD = new IncidentDetections() {
        @Override
        public List<DetectedIncident> detectedSince(Instant since) {
            return List.of();
        }

        @Override
        public boolean available() {
            return false;
        }
    };
}

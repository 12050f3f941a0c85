package dev.damagedesk.domain.audit;

/** What an {@link OperationEntry} records: a change of the channel as a whole, not of one report. */
public enum OperationAction {
    /** The surge controller switched to surge mode. */
    SURGE_ON,
    /** The surge controller switched back to normal mode. */
    SURGE_OFF,
    /** A supervisor confirmed a detected incident: it became an active incident with its policy. */
    DETECTED_INCIDENT_CONFIRMED,
    /** A supervisor dismissed a detected incident (a campaign, a test wave). */
    DETECTED_INCIDENT_DISMISSED
}

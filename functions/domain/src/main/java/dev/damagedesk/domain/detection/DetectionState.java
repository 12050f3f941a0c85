package dev.damagedesk.domain.detection;

/** Where a detected incident is in staff's hands. */
public enum DetectionState {
    /** Detected, waiting for a supervisor. */
    DRAFT,
    /** A supervisor confirmed it: it is an active incident with a policy. */
    CONFIRMED,
    /** A supervisor judged it no incident (a campaign, a test wave). */
    DISMISSED
}

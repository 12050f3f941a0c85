package dev.damagedesk.domain.surge;

/** How the channel runs: as usual, or adapted to a wave of reports (written in documents by name). */
public enum SurgeMode {
    NORMAL,
    SURGE
}

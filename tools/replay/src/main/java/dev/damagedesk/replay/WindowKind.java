package dev.damagedesk.replay;

import dev.damagedesk.domain.incident.OutageWindow;

import java.time.Instant;

/** How the period a reporter states relates to the outage of the service in the incident's ledger. */
public enum WindowKind {
    /** Exactly the outage: the times the operator announced, copied into the form. */
    WHOLE_OUTAGE("whole outage"),
    /** A part of the outage: the hours that hurt the reporter. */
    INSIDE("inside"),
    /** Starts inside the outage and ends after the ledger's restore time (restore times were approximate). */
    PAST_THE_END("past the end"),
    /** Starts before the outage (the fire began at 15:19, "from about 15:00") and ends inside it. */
    FROM_BEFORE_START("from before the start"),
    /** Shares no time with the outage (some only touch its edge): problems after the restore, or before the fire. */
    OUTSIDE("outside");

    private final String label;

    WindowKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The kind of a reported period against an outage. Sharing no time (touching an edge shares none) is
     * {@link #OUTSIDE}; a period past both edges counts as {@link #FROM_BEFORE_START}.
     */
    public static WindowKind of(Instant from, Instant to, OutageWindow outage) {
        if (!from.isBefore(outage.end()) || !to.isAfter(outage.start())) {
            return OUTSIDE;
        }
        if (from.equals(outage.start()) && to.equals(outage.end())) {
            return WHOLE_OUTAGE;
        }
        if (from.isBefore(outage.start())) {
            return FROM_BEFORE_START;
        }
        return to.isAfter(outage.end()) ? PAST_THE_END : INSIDE;
    }
}

package dev.damagedesk.domain.triage;

import dev.damagedesk.domain.report.ReportStatus;

/** A change of status that {@link StatusTransitions} does not allow. */
public final class IllegalTransitionException extends IllegalStateException {

    private final ReportStatus from;
    private final ReportStatus to;

    public IllegalTransitionException(ReportStatus from, ReportStatus to) {
        super("a report cannot go from " + from + " to " + to + "; allowed from " + from + ": "
                + StatusTransitions.allowedFrom(from));
        this.from = from;
        this.to = to;
    }

    public ReportStatus from() {
        return from;
    }

    public ReportStatus to() {
        return to;
    }
}

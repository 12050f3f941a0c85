package dev.damagedesk.domain.scoring;

/** What a reporter gets. */
public enum Outcome {
    /** The paid subscription runs longer; see {@link Decision#extensionMinutes()}. */
    EXTENSION,
    /** Money is paid; see {@link Decision#amountKrw()}. */
    PAYMENT,
    /** A person decides, usually after seeing documents. */
    MANUAL_REVIEW,
    /** Recorded, nothing owed. */
    NO_PAYMENT
}

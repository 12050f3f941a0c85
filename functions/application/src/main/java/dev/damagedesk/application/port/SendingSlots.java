package dev.damagedesk.application.port;

/**
 * The email sending rate shared by every notifier instance: a number of slots per second of the clock, taken one
 * at a time before each SendEmail. Taking is atomic across instances (a conditional counter), so together they
 * never send more in a second than the rate.
 */
public interface SendingSlots {

    /** The slots each second has: the SES sending rate. */
    int perSecond();

    /**
     * Takes a slot of the given second.
     *
     * @return false when the second's slots are all taken
     */
    boolean take(long epochSecond);
}

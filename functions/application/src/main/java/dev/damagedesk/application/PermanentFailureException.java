package dev.damagedesk.application;

/**
 * The input can never be processed as it is (a malformed message, an unknown incident or policy version, a
 * submission that fails validation): retrying cannot help. A queue worker reports it as a failure all the same, so
 * the message ends in the dead-letter queue and nothing is lost, but logs it as permanent.
 */
public class PermanentFailureException extends RuntimeException {

    public PermanentFailureException(String message) {
        super(message);
    }
}

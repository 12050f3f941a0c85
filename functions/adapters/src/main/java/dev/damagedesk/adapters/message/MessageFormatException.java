package dev.damagedesk.adapters.message;

/** A queue message that can never be processed as it is: retrying it cannot help, the dead-letter queue will keep it. */
public final class MessageFormatException extends dev.damagedesk.application.PermanentFailureException {
    public MessageFormatException(String message) {
        super(message);
    }
}

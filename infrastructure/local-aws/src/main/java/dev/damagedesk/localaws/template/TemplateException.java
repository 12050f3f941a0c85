package dev.damagedesk.localaws.template;

/** A template that cannot be read, modelled or resolved locally; the message names the logical id at fault. */
public final class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}

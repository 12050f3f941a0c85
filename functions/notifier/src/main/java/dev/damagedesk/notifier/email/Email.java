package dev.damagedesk.notifier.email;

/** One composed email: a subject, a plain-text body and an HTML body saying the same. */
public record Email(String to, String subject, String text, String html) {
}

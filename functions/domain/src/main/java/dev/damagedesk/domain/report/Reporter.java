package dev.damagedesk.domain.report;

import java.util.Objects;

/**
 * Who filed a report and how to reach them: all of it personal data, replaced by {@link #erased()} when the
 * reporter's data is erased ({@link dev.damagedesk.domain.privacy.PersonalDataErasure}).
 *
 * @param phone      optional, as the reporter typed it
 * @param accountRef optional account name or id on the affected platform
 */
public record Reporter(String name, String email, String phone, String accountRef) {

    /**
     * What an erased name and email read as. Not an email address, so no submission can carry it (the parser
     * refuses it) and no email can be sent to it.
     */
    public static final String ERASED = "[erased]";

    public Reporter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
    }

    /** A reporter whose personal data was erased: name and email {@link #ERASED}, no phone, no account reference. */
    public static Reporter erased() {
        return new Reporter(ERASED, ERASED, null, null);
    }

    /** Whether this reporter's personal data was erased (the email, required of every reporter, is the marker). */
    public boolean isErased() {
        return ERASED.equals(email);
    }
}

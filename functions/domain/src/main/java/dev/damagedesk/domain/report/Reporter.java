package dev.damagedesk.domain.report;

import java.util.Objects;

/**
 * Who filed a report and how to reach them.
 *
 * @param phone      optional, as the reporter typed it
 * @param accountRef optional account name or id on the affected platform
 */
public record Reporter(String name, String email, String phone, String accountRef) {

    public Reporter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
    }
}

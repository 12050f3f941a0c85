package dev.damagedesk.domain.risk;

import dev.damagedesk.domain.report.Reporter;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a reporter is, as far as duplicates and report counts are concerned: the normalised email, phone and
 * account reference, each of which alone identifies the reporter. Two reports share an identity when they share
 * any one of its keys ({@link IdentityKeys#of}: keyed HMACs of these normalised values; only the keys are stored).
 *
 * <ul>
 *   <li>email: trimmed, lower-cased, and a {@code +tag} of the local part removed
 *       ({@code Minji+Outage@Example.com} and {@code minji@example.com} are one reporter);</li>
 *   <li>phone: digits only, in international form with a {@code +}: a domestic Korean number loses its trunk
 *       {@code 0} for {@code +82} ({@code 010-1234-5678} → {@code +821012345678}), an {@code 00} international
 *       prefix becomes {@code +}, and a {@code 0} kept after {@code +82} is dropped
 *       ({@code +82 (0)10 1234 5678}); a number of fewer than 7 digits is ignored;</li>
 *   <li>account reference: trimmed and lower-cased.</li>
 * </ul>
 *
 * @param email      normalised
 * @param phone      normalised; null when the reporter gave none (or nothing usable)
 * @param accountRef normalised; null when the reporter gave none
 */
public record ReporterIdentity(String email, String phone, String accountRef) {

    private static final int MIN_PHONE_DIGITS = 7;

    public ReporterIdentity {
        Objects.requireNonNull(email, "email");
    }

    public static ReporterIdentity of(Reporter reporter) {
        Objects.requireNonNull(reporter, "reporter");
        return new ReporterIdentity(normaliseEmail(reporter.email()),
                normalisePhone(reporter.phone()).orElse(null),
                normaliseAccountRef(reporter.accountRef()).orElse(null));
    }

    /** Never the contacts themselves: an identity that ends up in a log line must not carry personal data. */
    @Override
    public String toString() {
        return "ReporterIdentity[email, " + (phone == null ? "no phone" : "phone") + ", "
                + (accountRef == null ? "no account" : "account") + "]";
    }

    public static String normaliseEmail(String email) {
        String lower = Objects.requireNonNull(email, "email").strip().toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        if (at < 0) {
            return lower;
        }
        String local = lower.substring(0, at);
        int plus = local.indexOf('+');
        // "+tag@" alone is not a tag: keep an address that would have no local part left.
        return plus > 0 ? local.substring(0, plus) + lower.substring(at) : lower;
    }

    public static Optional<String> normalisePhone(String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        String trimmed = phone.strip();
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        String number = digits.toString();
        if (number.length() < MIN_PHONE_DIGITS) {
            return Optional.empty();
        }
        String international;
        if (trimmed.startsWith("+")) {
            international = number;
        } else if (number.startsWith("00")) {
            international = number.substring(2);
        } else if (number.startsWith("0")) {
            international = "82" + number.substring(1);
        } else {
            international = number;
        }
        if (international.startsWith("820")) {
            international = "82" + international.substring(3);
        }
        return Optional.of("+" + international);
    }

    public static Optional<String> normaliseAccountRef(String accountRef) {
        if (accountRef == null || accountRef.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(accountRef.strip().toLowerCase(Locale.ROOT));
    }
}

package dev.damagedesk.localruntime.e2e;

import dev.damagedesk.domain.risk.ReporterIdentity;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Looks for a reporter's personal data in log lines, in every form a line could carry it: as typed, lower-cased,
 * normalised as the identity keys normalise it (an email without its {@code +tag}, a phone in international form
 * and as bare digits), JSON-escaped (backslash-u and four hex digits for non-ASCII text, as a JSON layout may write it) and
 * URL-encoded (an email in a logged query string). Matching ignores case.
 */
final class PersonalDataScan {

    /** One line that carries one form of one value. */
    record Finding(String source, String line, String what, String form) {
        @Override
        public String toString() {
            return source + " carries the reporter's " + what + " (as \"" + form + "\"): " + line;
        }
    }

    /** A line as it was written, and by whom (the stream and thread, or the function). */
    record Line(String source, String text) {
    }

    private final Map<String, Set<String>> forms = new LinkedHashMap<>();

    private PersonalDataScan() {
    }

    static PersonalDataScan of(String name, String email, String phone, String accountRef, List<String> words) {
        PersonalDataScan scan = new PersonalDataScan();
        scan.add("name", name);
        for (String part : name.split("[\\s-]+")) {
            if (part.codePointCount(0, part.length()) >= 4 || !part.chars().allMatch(c -> c < 128)) {
                scan.add("name", part);
            }
        }
        scan.add("email", email);
        scan.add("email", ReporterIdentity.normaliseEmail(email));
        scan.add("email", email.substring(0, email.indexOf('@'))); // the local part alone
        scan.add("email", URLEncoder.encode(email, StandardCharsets.UTF_8));
        scan.add("phone", phone);
        ReporterIdentity.normalisePhone(phone).ifPresent(international -> {
            scan.add("phone", international);              // +821073912846
            scan.add("phone", international.substring(1)); // 821073912846
            scan.add("phone", international.substring(3)); // 1073912846
        });
        String digits = phone.replaceAll("[^0-9]", "");
        scan.add("phone", digits);
        scan.add("phone", digits.substring(digits.length() - 8)); // the subscriber number
        scan.add("account reference", accountRef);
        ReporterIdentity.normaliseAccountRef(accountRef).ifPresent(normalised -> scan.add("account reference", normalised));
        words.forEach(word -> scan.add("description", word));
        return scan;
    }

    private void add(String what, String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        Set<String> of = forms.computeIfAbsent(what, k -> new LinkedHashSet<>());
        of.add(lower);
        of.add(jsonEscaped(lower));
    }

    /** Every form looked for, by what it is a form of. */
    Map<String, Set<String>> forms() {
        return forms;
    }

    List<Finding> findings(List<Line> lines) {
        List<Finding> findings = new ArrayList<>();
        for (Line line : lines) {
            String lower = line.text().toLowerCase(Locale.ROOT);
            forms.forEach((what, of) -> of.stream().filter(lower::contains).findFirst()
                    .ifPresent(form -> findings.add(new Finding(line.source(), line.text(), what, form))));
        }
        return findings;
    }

    /** Non-ASCII characters as JSON backslash-u escapes (lower-case hex, matched case-insensitively). */
    static String jsonEscaped(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c < 128) {
                escaped.append(c);
            } else {
                escaped.append(String.format("\\u%04x", (int) c));
            }
        }
        return escaped.toString();
    }
}

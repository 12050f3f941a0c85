package dev.damagedesk.notifier.email;

import dev.damagedesk.domain.report.Language;
import java.util.Objects;

/**
 * How a reporter disputes a decision: the regulator's mediation route, worded once in each language. The
 * wording is the template's {@code MediationRouteKo} / {@code MediationRouteEn} parameters (the operator
 * confirms it with the regulator per incident); every decision email quotes it as it is.
 */
public record MediationRoute(String korean, String english) {

    public MediationRoute {
        Objects.requireNonNull(korean, "korean");
        Objects.requireNonNull(english, "english");
        if (korean.isBlank() || english.isBlank()) {
            throw new IllegalArgumentException("the mediation route needs a wording in both languages");
        }
    }

    public String in(Language language) {
        return language == Language.KO ? korean : english;
    }
}

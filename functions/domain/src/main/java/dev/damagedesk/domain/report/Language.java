package dev.damagedesk.domain.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages a reporter can read answers in. */
public enum Language {
    KO("ko"),
    EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The code used in the API, e.g. {@code "ko"}. */
    public String code() {
        return code;
    }

    /** Exact match on the API code; the API only ever sends lower case. */
    public static Optional<Language> fromCode(String code) {
        for (Language language : values()) {
            if (language.code.equals(code)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /**
     * The first Korean or English tag of an {@code Accept-Language} header, best quality first
     * (ties keep header order). English when the header is missing or names neither.
     */
    public static Language fromAcceptLanguage(String headerOrNull) {
        if (headerOrNull == null || headerOrNull.isBlank()) {
            return EN;
        }
        List<WeightedTag> tags = new ArrayList<>();
        for (String part : headerOrNull.split(",")) {
            WeightedTag.parse(part).ifPresent(tags::add);
        }
        // List.sort is stable, so equal weights keep the order the browser sent them in.
        tags.sort(Comparator.comparingDouble(WeightedTag::quality).reversed());
        for (WeightedTag tag : tags) {
            Optional<Language> language = fromCode(tag.primaryLanguage());
            if (language.isPresent()) {
                return language.get();
            }
        }
        return EN;
    }

    private record WeightedTag(String primaryLanguage, double quality) {

        static Optional<WeightedTag> parse(String part) {
            String[] pieces = part.split(";");
            String tag = pieces[0].strip().toLowerCase(Locale.ROOT);
            if (tag.isEmpty()) {
                return Optional.empty();
            }
            double quality = 1.0;
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].strip();
                if (parameter.startsWith("q=")) {
                    try {
                        quality = Double.parseDouble(parameter.substring(2).strip());
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                }
            }
            // q=0 means "not acceptable" (RFC 9110), and NaN would sort unpredictably.
            if (!(quality > 0)) {
                return Optional.empty();
            }
            int dash = tag.indexOf('-');
            return Optional.of(new WeightedTag(dash < 0 ? tag : tag.substring(0, dash), quality));
        }
    }
}

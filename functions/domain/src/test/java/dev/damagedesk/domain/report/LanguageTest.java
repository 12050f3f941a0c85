package dev.damagedesk.domain.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageTest {

    @Test
    void codesRoundTrip() {
        for (Language language : Language.values()) {
            assertThat(Language.fromCode(language.code())).contains(language);
        }
        assertThat(Language.KO.code()).isEqualTo("ko");
        assertThat(Language.EN.code()).isEqualTo("en");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"fr", "KO", "ko-KR", " en"})
    void unknownCodesAreEmpty(String code) {
        assertThat(Language.fromCode(code)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7 | KO",
            "en-US,en;q=0.9,ko;q=0.8             | EN",
            "fr-FR,fr;q=0.9,ko;q=0.5             | KO",
            "ko;q=0.1,en;q=0.9                   | EN",
            "en;q=0.2, ko;q=0.8                  | KO",
            "ko;q=0,en;q=0.1                     | EN",
            "ko;q=0                              | EN",
            "KO-kr                               | KO",
            "de, ja                              | EN",
            "*                                   | EN",
            "ko;q=abc                            | EN",
            "en;q=0.5,ko;q=0.5                   | EN",
            "ko;q=0.5,en;q=0.5                   | KO",
            "ko-Kore-KR;q=1.0                    | KO",
            ",,ko                                | KO",
    })
    void acceptLanguagePicksTheBestKoreanOrEnglishTag(String header, Language expected) {
        assertThat(Language.fromAcceptLanguage(header)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void missingAcceptLanguageMeansEnglish(String header) {
        assertThat(Language.fromAcceptLanguage(header)).isEqualTo(Language.EN);
    }
}

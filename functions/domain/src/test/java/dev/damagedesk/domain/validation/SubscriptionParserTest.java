package dev.damagedesk.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.domain.report.Language;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionParserTest {

    private final SubscriptionParser parser = new SubscriptionParser(Set.of("messenger", "mail", "taxi"));

    @Test
    void aValidRequestIsNormalised() {
        Validated<SubscriptionParser.SubscriptionRequest> parsed = parser.parse(Map.of("email", " Kim@Example.COM ",
                "locale", "ko", "services", List.of("taxi", "messenger", "taxi")));

        assertThat(parsed.isValid()).isTrue();
        assertThat(parsed.value().email()).isEqualTo("Kim@example.com");
        assertThat(parsed.value().language()).isEqualTo(Language.KO);
        assertThat(parsed.value().services()).containsExactly("messenger", "taxi");
    }

    @Test
    void everyProblemIsAFieldErrorInBothLanguages() {
        Map<String, Object> body = new HashMap<>();
        body.put("email", "not-an-address");
        body.put("locale", "fr");
        body.put("services", List.of("messenger", "bank", 3));
        body.put("phone", "010");

        List<FieldError> errors = parser.parse(body).errors();

        assertThat(errors).extracting(FieldError::field)
                .containsExactlyInAnyOrder("phone", "email", "locale", "services[1]", "services[2]");
        assertThat(errors).allSatisfy(error -> {
            assertThat(error.messageEn()).isNotBlank();
            assertThat(error.messageKo()).isNotBlank().isNotEqualTo(error.messageEn());
        });
        assertThat(parser.parse(Map.of()).errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("email", "locale", "services");
        assertThat(parser.parse(Map.of("email", "a@b.kr", "locale", "en", "services", List.of())).errors())
                .extracting(FieldError::code).containsExactly(ErrorCodes.TYPE);
    }
}

package dev.damagedesk.domain.validation;

import dev.damagedesk.domain.report.Language;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidatedTest {

    private static final FieldError ERROR = new FieldError("privacyConsent", "must_be_true", "Agree.", "동의하세요.");

    @Test
    void aValidResultHasAValueAndNoErrors() {
        Validated<String> valid = Validated.valid("x");

        assertThat(valid).isInstanceOf(Validated.Valid.class);
        assertThat(valid.isValid()).isTrue();
        assertThat(valid.value()).isEqualTo("x");
        assertThat(valid.errors()).isEmpty();
    }

    @Test
    void anInvalidResultHasErrorsAndNoValue() {
        Validated<String> invalid = Validated.invalid(List.of(ERROR));

        assertThat(invalid).isInstanceOf(Validated.Invalid.class);
        assertThat(invalid.isValid()).isFalse();
        assertThat(invalid.errors()).containsExactly(ERROR);
        assertThatThrownBy(invalid::value).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anInvalidResultNeedsAnErrorAndKeepsItsOwnCopy() {
        assertThatThrownBy(() -> Validated.invalid(List.of())).isInstanceOf(IllegalArgumentException.class);

        List<FieldError> errors = new ArrayList<>(List.of(ERROR));
        Validated<String> invalid = Validated.invalid(errors);
        errors.clear();

        assertThat(invalid.errors()).containsExactly(ERROR);
    }

    @Test
    void aFieldErrorSpeaksTheReportersLanguage() {
        assertThat(ERROR.message(Language.EN)).isEqualTo("Agree.");
        assertThat(ERROR.message(Language.KO)).isEqualTo("동의하세요.");
    }

    @Test
    void bodyLevelErrorsForHandlers() {
        assertThat(FieldError.invalidJsonBody()).extracting(FieldError::field, FieldError::code)
                .containsExactly("body", "invalid_json");
        assertThat(FieldError.bodyNotAnObject()).extracting(FieldError::field, FieldError::code)
                .containsExactly("body", "type");
        assertThat(FieldError.invalidJsonBody().messageKo()).containsPattern("\\p{IsHangul}");
    }
}

package dev.damagedesk.domain.validation;

import java.util.List;
import java.util.Objects;

/** Either a valid value or every error found on the way to it. */
public sealed interface Validated<T> permits Validated.Valid, Validated.Invalid {

    boolean isValid();

    /** The value; throws {@link IllegalStateException} when invalid. */
    T value();

    /** The errors; empty when valid. */
    List<FieldError> errors();

    static <T> Validated<T> valid(T value) {
        return new Valid<>(value);
    }

    static <T> Validated<T> invalid(List<FieldError> errors) {
        return new Invalid<>(errors);
    }

    record Valid<T>(T value) implements Validated<T> {

        public Valid {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean isValid() {
            return true;
        }

        @Override
        public List<FieldError> errors() {
            return List.of();
        }
    }

    record Invalid<T>(List<FieldError> errors) implements Validated<T> {

        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid result needs at least one error");
            }
        }

        @Override
        public boolean isValid() {
            return false;
        }

        @Override
        public T value() {
            throw new IllegalStateException("invalid: " + errors);
        }
    }
}

package dev.damagedesk.application.staff;

import dev.damagedesk.domain.validation.FieldError;
import java.util.List;

/** A staff decision whose fields the domain refused (a missing reason, a deadline in the past, ...): a 400. */
public final class InvalidDecisionException extends IllegalArgumentException {

    private final transient List<FieldError> errors;

    public InvalidDecisionException(List<FieldError> errors) {
        super("Invalid staff decision: " + errors.stream().map(FieldError::field).toList());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}

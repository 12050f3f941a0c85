package dev.damagedesk.domain.validation;

import dev.damagedesk.domain.report.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a request for outage notices ({@code POST /v1/notices/subscriptions}): {@code email}, {@code locale}
 * ({@code ko} or {@code en}) and {@code services} (one or more of the channel's services). Every problem is a field
 * error in Korean and English; a valid request is normalised (the address's domain lower-cased, services sorted).
 */
public final class SubscriptionParser {

    /** A valid request. */
    public record SubscriptionRequest(String email, Language language, Set<String> services) {
    }

    private static final List<String> FIELDS = List.of("email", "locale", "services");
    /** More than the channel has: a longer list is no honest request. */
    static final int MAX_SERVICES = 50;

    private final Set<String> knownServices;

    /** @param knownServices the services the channel takes reports for */
    public SubscriptionParser(Set<String> knownServices) {
        this.knownServices = Set.copyOf(knownServices);
    }

    public Validated<SubscriptionRequest> parse(Map<String, Object> body) {
        List<FieldError> errors = new ArrayList<>();
        SubmissionParser.rejectUnknownFields(body, FIELDS, "", errors);
        String email = SubmissionParser.email(body.get("email"), "email", errors);
        Language language = null;
        Object locale = body.get("locale");
        if (locale == null) {
            errors.add(SubmissionParser.required("locale"));
        } else {
            language = locale instanceof String code ? Language.fromCode(code).orElse(null) : null;
            if (language == null) {
                errors.add(new FieldError("locale", ErrorCodes.NOT_ALLOWED, "Must be \"ko\" or \"en\".",
                        "\"ko\" 또는 \"en\"이어야 합니다."));
            }
        }
        Set<String> services = services(body.get("services"), errors);
        return errors.isEmpty() ? Validated.valid(new SubscriptionRequest(email, language, services))
                : Validated.invalid(errors);
    }

    private Set<String> services(Object raw, List<FieldError> errors) {
        if (raw == null) {
            errors.add(SubmissionParser.required("services"));
            return null;
        }
        if (!(raw instanceof List<?> list) || list.isEmpty() || list.size() > MAX_SERVICES) {
            errors.add(new FieldError("services", ErrorCodes.TYPE,
                    "Must be a list of 1 to " + MAX_SERVICES + " service names.",
                    "서비스 이름 1~" + MAX_SERVICES + "개의 목록이어야 합니다."));
            return null;
        }
        Set<String> services = new TreeSet<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String name) || !knownServices.contains(name)) {
                errors.add(new FieldError("services[" + i + "]", ErrorCodes.NOT_ALLOWED,
                        "Not a service this channel takes reports for: one of " + new TreeSet<>(knownServices) + ".",
                        "이 창구에서 신고를 받는 서비스가 아닙니다: " + new TreeSet<>(knownServices) + " 중 하나여야 합니다."));
                continue;
            }
            services.add(name);
        }
        return services;
    }
}

package dev.damagedesk.admin.handler;

import dev.damagedesk.application.port.QueueQuery;
import dev.damagedesk.application.staff.ReportFilter;
import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.risk.RiskFlag;
import dev.damagedesk.domain.triage.TriageReason;
import dev.damagedesk.domain.validation.FieldError;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The queue's criteria, read once for both their forms: the query parameters of {@code GET /v1/admin/reports} and
 * the {@code filter} object of bulk decisions and exports (docs/admin-api.md). Every problem is a field error.
 */
final class RequestParameters {

    static final Set<String> FILTER_FIELDS = Set.of("status", "incident", "service", "category", "from", "to",
            "reason", "flag");
    static final Set<String> QUEUE_FIELDS = Set.of("status", "incident", "service", "category", "from", "to",
            "reason", "flag", "order", "limit", "cursor");
    static final int DEFAULT_LIMIT = 25;

    private RequestParameters() {
    }

    /**
     * @param prefix   how the fields are named in errors: {@code ""} for query parameters, {@code "filter."} in a body
     * @param values   strings only (a body's non-string value is a type error)
     */
    static Optional<ReportFilter> filter(Map<String, ?> values, String prefix, Set<String> known, List<FieldError> errors) {
        values.keySet().stream().filter(name -> !known.contains(name)).sorted()
                .forEach(name -> errors.add(AdminResponses.unknownField(prefix + name)));
        int before = errors.size();
        ReportStatus status = value(values, "status", prefix, errors, text -> ReportStatus.valueOf(text.toUpperCase(Locale.ROOT)),
                "must be one of " + List.of(ReportStatus.values()), "상태 값이 올바르지 않습니다")
                .orElse(ReportStatus.NEEDS_REVIEW);
        String incident = string(values, "incident", prefix, errors).orElse(null);
        String service = string(values, "service", prefix, errors).orElse(null);
        Category category = value(values, "category", prefix, errors, text -> Category.fromCode(text).orElseThrow(),
                "is not a category code", "분류 코드가 아닙니다").orElse(null);
        Instant from = value(values, "from", prefix, errors, Instant::parse, "must be an ISO-8601 instant",
                "ISO-8601 시각이어야 합니다").orElse(null);
        Instant to = value(values, "to", prefix, errors, Instant::parse, "must be an ISO-8601 instant",
                "ISO-8601 시각이어야 합니다").orElse(null);
        TriageReason reason = value(values, "reason", prefix, errors, text -> TriageReason.fromCode(text).orElseThrow(),
                "is not a triage reason code", "분류 사유 코드가 아닙니다").orElse(null);
        RiskFlag flag = value(values, "flag", prefix, errors, text -> RiskFlag.fromCode(text).orElseThrow(),
                "is not a risk flag code", "위험 표시 코드가 아닙니다").orElse(null);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(AdminResponses.invalid(prefix + "to", "must be after from", "from보다 뒤여야 합니다"));
        }
        return errors.size() > before ? Optional.empty()
                : Optional.of(new ReportFilter(status, incident, service, category, from, to, reason, flag));
    }

    /** {@code GET /v1/admin/reports}: the filter, the order, the page size and the cursor. */
    static Optional<QueueQuery> queueQuery(Map<String, String> parameters, List<FieldError> errors) {
        Optional<ReportFilter> filter = filter(parameters, "", QUEUE_FIELDS, errors);
        QueueQuery.Order order = value(parameters, "order", "", errors,
                text -> switch (text.toLowerCase(Locale.ROOT)) {
                    case "oldest" -> QueueQuery.Order.OLDEST;
                    case "priority" -> QueueQuery.Order.PRIORITY;
                    default -> throw new IllegalArgumentException(); // STORED is for jobs, not for people
                }, "must be oldest or priority",
                "oldest 또는 priority여야 합니다").orElse(QueueQuery.Order.OLDEST);
        int limit = limit(parameters, DEFAULT_LIMIT, errors);
        String cursor = parameters.get("cursor");
        if (filter.isEmpty() || !errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(filter.get().query(order, limit, cursor == null || cursor.isBlank() ? null : cursor));
    }

    /** {@code limit}: a page size from 1 to {@link QueueQuery#MAX_LIMIT}, {@code otherwise} when absent. */
    static int limit(Map<String, String> parameters, int otherwise, List<FieldError> errors) {
        return value(parameters, "limit", "", errors, text -> {
            int parsed = Integer.parseInt(text);
            if (parsed < 1 || parsed > QueueQuery.MAX_LIMIT) {
                throw new IllegalArgumentException();
            }
            return parsed;
        }, "must be a whole number from 1 to " + QueueQuery.MAX_LIMIT, "1부터 " + QueueQuery.MAX_LIMIT + " 사이의 정수여야 합니다")
                .orElse(otherwise);
    }

    private static Optional<String> string(Map<String, ?> values, String name, String prefix, List<FieldError> errors) {
        Object raw = values.get(name);
        if (raw == null) {
            return Optional.empty();
        }
        if (!(raw instanceof String text)) {
            errors.add(AdminResponses.invalid(prefix + name, "must be a string", "문자열이어야 합니다"));
            return Optional.empty();
        }
        String trimmed = text.strip();
        if (trimmed.length() > 128) {
            errors.add(AdminResponses.invalid(prefix + name, "is too long", "너무 깁니다"));
            return Optional.empty();
        }
        return trimmed.isEmpty() ? Optional.empty() : Optional.of(trimmed);
    }

    private static <T> Optional<T> value(Map<String, ?> values, String name, String prefix, List<FieldError> errors,
                                         Function<String, T> parse, String what, String whatKo) {
        Optional<String> text = string(values, name, prefix, errors);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(text.get()));
        } catch (IllegalArgumentException | DateTimeParseException | java.util.NoSuchElementException invalid) {
            errors.add(AdminResponses.invalid(prefix + name, what, whatKo));
            return Optional.empty();
        }
    }
}

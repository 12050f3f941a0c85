package dev.damagedesk.domain.validation;

import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.report.ReporterType;
import dev.damagedesk.domain.report.Reporter;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a submitted JSON body (as a JSON parser gives it: String, Boolean, Number, List, Map, null)
 * into a {@link ReportSubmission}, or into every error found, so a reporter fixes the form in one go.
 */
public final class SubmissionParser {

    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_EMAIL_LENGTH = 254;
    public static final int MAX_ACCOUNT_REF_LENGTH = 100;
    /** 15 digits with a + and their usual separators fit well within it. */
    public static final int MAX_PHONE_LENGTH = 32;
    public static final int MAX_DESCRIPTION_LENGTH = 4000;
    public static final long MAX_AMOUNT_KRW = 10_000_000_000L;
    /** Reporters' phone clocks run a little ahead; a few minutes is not "the future". */
    public static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private static final List<String> TOP_LEVEL_FIELDS = List.of(
            "reporter", "locale", "service", "category", "reporterType", "occurredFrom", "occurredTo",
            "amountClaimedKrw", "description", "privacyConsent");
    private static final List<String> REPORTER_FIELDS = List.of("name", "email", "phone", "accountRef");

    // Pragmatic, not RFC 5322: something@domain.tld, no spaces, control characters or empty labels.
    private static final Pattern EMAIL = Pattern.compile("[^\\s@\\p{Cntrl}]+@[^\\s@.\\p{Cntrl}]+(\\.[^\\s@.\\p{Cntrl}]+)+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-]+");
    private static final int MIN_PHONE_DIGITS = 7;
    private static final int MAX_PHONE_DIGITS = 15;

    private final SortedSet<String> knownServices;
    private final Clock clock;

    public SubmissionParser(Set<String> knownServices, Clock clock) {
        this.knownServices = Collections.unmodifiableSortedSet(new TreeSet<>(knownServices));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Validated<ReportSubmission> parse(Map<String, Object> body) {
        if (body == null) {
            return Validated.invalid(List.of(required("body")));
        }
        List<FieldError> errors = new ArrayList<>();
        rejectUnknownFields(body, TOP_LEVEL_FIELDS, "", errors);

        Reporter reporter = reporter(body.get("reporter"), errors);
        Language language = language(body.get("locale"), errors);
        String service = service(body.get("service"), errors);
        Category category = category(body.get("category"), errors);
        ReporterType reporterType = reporterType(body.get("reporterType"), category, errors);
        Instant occurredFrom = instant(body.get("occurredFrom"), "occurredFrom", errors);
        Instant occurredTo = instant(body.get("occurredTo"), "occurredTo", errors);
        checkPeriod(occurredFrom, occurredTo, errors);
        Long amount = amount(body.get("amountClaimedKrw"), category, errors);
        String description = description(body.get("description"), errors);
        boolean consent = privacyConsent(body.get("privacyConsent"), errors);

        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        return Validated.valid(new ReportSubmission(
                reporter, language, service, category, occurredFrom, occurredTo, amount, description, consent,
                reporterType));
    }

    static void rejectUnknownFields(Map<?, ?> object, List<String> known, String prefix, List<FieldError> errors) {
        // Sorted so that the same body always gives the same error list, whatever Map it came in.
        new TreeSet<>(object.keySet().stream().map(String::valueOf).collect(Collectors.toSet())).stream()
                .filter(key -> !known.contains(key))
                .forEach(key -> errors.add(new FieldError(prefix + key, ErrorCodes.UNKNOWN_FIELD,
                        "Unknown field.", "알 수 없는 항목입니다.")));
    }

    private static Reporter reporter(Object raw, List<FieldError> errors) {
        if (raw == null) {
            errors.add(required("reporter"));
            return null;
        }
        if (!(raw instanceof Map<?, ?> object)) {
            errors.add(wrongType("reporter", JsonKind.OBJECT));
            return null;
        }
        int before = errors.size();
        rejectUnknownFields(object, REPORTER_FIELDS, "reporter.", errors);
        String name = personText(object.get("name"), "reporter.name", MAX_NAME_LENGTH, true, errors);
        String email = email(object.get("email"), errors);
        String phone = phone(object.get("phone"), errors);
        String accountRef = personText(object.get("accountRef"), "reporter.accountRef", MAX_ACCOUNT_REF_LENGTH, false,
                errors);
        return errors.size() == before ? new Reporter(name, email, phone, accountRef) : null;
    }

    private static String email(Object raw, List<FieldError> errors) {
        return email(raw, "reporter.email", errors);
    }

    /** An email address as reports and notice subscriptions take it; null (and an error) when it is none. */
    static String email(Object raw, String field, List<FieldError> errors) {
        String email = personText(raw, field, MAX_EMAIL_LENGTH, true, errors);
        if (email == null) {
            return null;
        }
        if (!EMAIL.matcher(email).matches()) {
            errors.add(new FieldError(field, ErrorCodes.INVALID_FORMAT,
                    "Must be an email address such as name@example.com.",
                    "name@example.com과 같은 이메일 주소 형식이어야 합니다."));
            return null;
        }
        // Domains are case-insensitive; local parts may not be, so only the domain is lower-cased.
        int at = email.indexOf('@');
        return email.substring(0, at + 1) + email.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static String phone(Object raw, List<FieldError> errors) {
        String field = "reporter.phone";
        String phone = personText(raw, field, MAX_PHONE_LENGTH, false, errors);
        if (phone == null) {
            return null;
        }
        long digits = phone.chars().filter(c -> c >= '0' && c <= '9').count();
        if (!PHONE.matcher(phone).matches() || digits < MIN_PHONE_DIGITS || digits > MAX_PHONE_DIGITS) {
            errors.add(new FieldError(field, ErrorCodes.INVALID_FORMAT,
                    "Must be a phone number of 7 to 15 digits; only +, spaces, hyphens and parentheses may be added.",
                    "7~15자리 숫자로 된 전화번호여야 합니다. 숫자 외에는 +, 공백, 하이픈, 괄호만 쓸 수 있습니다."));
            return null;
        }
        return phone;
    }

    private static Language language(Object raw, List<FieldError> errors) {
        String code = text(raw, "locale", Integer.MAX_VALUE, true, errors);
        if (code == null) {
            return null;
        }
        return Language.fromCode(code).orElseGet(() -> {
            errors.add(notAllowed("locale", Arrays.stream(Language.values()).map(Language::code).toList()));
            return null;
        });
    }

    private String service(Object raw, List<FieldError> errors) {
        String service = text(raw, "service", Integer.MAX_VALUE, true, errors);
        if (service == null) {
            return null;
        }
        if (!knownServices.contains(service)) {
            String allowed = String.join(", ", knownServices);
            errors.add(new FieldError("service", ErrorCodes.NOT_ALLOWED,
                    "Must be one of the services affected by this incident: " + allowed + ".",
                    "이번 장애로 영향을 받은 서비스 중 하나여야 합니다: " + allowed + "."));
            return null;
        }
        return service;
    }

    private static Category category(Object raw, List<FieldError> errors) {
        String code = text(raw, "category", Integer.MAX_VALUE, true, errors);
        if (code == null) {
            return null;
        }
        return Category.fromCode(code).orElseGet(() -> {
            errors.add(notAllowed("category", Arrays.stream(Category.values()).map(Category::code).toList()));
            return null;
        });
    }

    /**
     * Individual when absent; a business loss needs a business type. The category may be null when it
     * was itself invalid; then only the type's own code is checked.
     */
    private static ReporterType reporterType(Object raw, Category category, List<FieldError> errors) {
        String field = "reporterType";
        boolean businessLoss = category == Category.BUSINESS_LOSS;
        List<String> businessTypes = Arrays.stream(ReporterType.values())
                .filter(ReporterType::isBusiness).map(ReporterType::code).toList();
        int before = errors.size();
        String code = text(raw, field, Integer.MAX_VALUE, false, errors);
        if (errors.size() > before) {
            return null;
        }
        if (code == null) {
            if (businessLoss) {
                String list = String.join(", ", businessTypes);
                errors.add(new FieldError(field, ErrorCodes.REQUIRED,
                        "Required for a business loss, one of: " + list + ".",
                        "영업 손실 신고에는 사업자 유형이 필요합니다. 다음 중 하나여야 합니다: " + list + "."));
            }
            return ReporterType.INDIVIDUAL;
        }
        ReporterType type = ReporterType.fromCode(code).orElse(null);
        if (type == null) {
            errors.add(notAllowed(field, Arrays.stream(ReporterType.values()).map(ReporterType::code).toList()));
            return null;
        }
        if (businessLoss && !type.isBusiness()) {
            String list = String.join(", ", businessTypes);
            errors.add(new FieldError(field, ErrorCodes.NOT_ALLOWED,
                    "A business loss can only be reported by a business: " + list + ".",
                    "영업 손실은 사업자만 신고할 수 있습니다: " + list + "."));
            return null;
        }
        return type;
    }

    private static Instant instant(Object raw, String field, List<FieldError> errors) {
        String text = text(raw, field, Integer.MAX_VALUE, true, errors);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, ErrorCodes.INVALID_FORMAT,
                    "Must be a date and time with a UTC offset, e.g. 2022-10-15T15:30:00+09:00.",
                    "UTC 오프셋을 포함한 날짜와 시각이어야 합니다(예: 2022-10-15T15:30:00+09:00)."));
            return null;
        }
    }

    private void checkPeriod(Instant from, Instant to, List<FieldError> errors) {
        Instant latestAllowed = clock.instant().plus(FUTURE_TOLERANCE);
        if (from != null && from.isAfter(latestAllowed)) {
            errors.add(inFuture("occurredFrom"));
        }
        if (to != null && to.isAfter(latestAllowed)) {
            errors.add(inFuture("occurredTo"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError("occurredTo", ErrorCodes.BEFORE_START,
                    "Must not be before occurredFrom.",
                    "시작 시각(occurredFrom)보다 앞설 수 없습니다."));
        }
    }

    /** The category may be null when it was itself invalid; then only the category-free rules apply. */
    private static Long amount(Object raw, Category category, List<FieldError> errors) {
        String field = "amountClaimedKrw";
        boolean required = category != null && category.requiresAmount();
        if (raw == null) {
            if (required) {
                errors.add(required(field));
            }
            return null;
        }
        BigInteger amount = JsonValues.wholeNumber(raw);
        if (amount == null) {
            errors.add(wrongType(field, JsonKind.WHOLE_NUMBER));
            return null;
        }
        if (amount.signum() < 0) {
            errors.add(new FieldError(field, ErrorCodes.OUT_OF_RANGE,
                    "Must not be negative.", "0 이상이어야 합니다."));
            return null;
        }
        if (amount.compareTo(BigInteger.valueOf(MAX_AMOUNT_KRW)) > 0) {
            errors.add(new FieldError(field, ErrorCodes.OUT_OF_RANGE,
                    "Must be at most 10,000,000,000 KRW.", "10,000,000,000원 이하여야 합니다."));
            return null;
        }
        if (required && amount.signum() == 0) {
            errors.add(new FieldError(field, ErrorCodes.OUT_OF_RANGE,
                    "Must be more than 0 KRW for this category.", "이 유형은 0원보다 큰 금액이어야 합니다."));
            return null;
        }
        if (category == Category.NO_MONETARY_DAMAGE && amount.signum() > 0) {
            errors.add(new FieldError(field, ErrorCodes.NOT_APPLICABLE,
                    "Leave this empty or 0 when there is no monetary damage.",
                    "금전적 피해가 없는 경우 비워 두거나 0으로 입력해 주세요."));
            return null;
        }
        return amount.longValueExact();
    }

    private static String description(Object raw, List<FieldError> errors) {
        String field = "description";
        String description = text(raw, field, MAX_DESCRIPTION_LENGTH, true, errors);
        if (description == null) {
            return null;
        }
        // Line breaks and tabs belong in a free-text account; other control characters do not.
        return rejectControlCharacters(description, field, "\n\r\t", errors) ? description : null;
    }

    private static boolean privacyConsent(Object raw, List<FieldError> errors) {
        String field = "privacyConsent";
        if (raw == null) {
            errors.add(required(field));
            return false;
        }
        if (!(raw instanceof Boolean consent)) {
            errors.add(wrongType(field, JsonKind.BOOLEAN));
            return false;
        }
        if (!consent) {
            errors.add(new FieldError(field, ErrorCodes.MUST_BE_TRUE,
                    "We can only take a report if you agree to the collection and use of your personal information.",
                    "개인정보 수집·이용에 동의하셔야 신고를 접수할 수 있습니다."));
        }
        return consent;
    }

    /**
     * A string field, stripped of surrounding white space. Null when absent or invalid; a blank
     * optional field counts as absent, since forms send "" for fields left empty.
     */
    private static String text(Object raw, String field, int maxCodePoints, boolean required, List<FieldError> errors) {
        if (raw == null) {
            if (required) {
                errors.add(required(field));
            }
            return null;
        }
        if (!(raw instanceof String string)) {
            errors.add(wrongType(field, JsonKind.TEXT));
            return null;
        }
        String stripped = string.strip();
        if (stripped.isEmpty()) {
            if (required) {
                errors.add(required(field));
            }
            return null;
        }
        if (stripped.codePointCount(0, stripped.length()) > maxCodePoints) {
            errors.add(new FieldError(field, ErrorCodes.TOO_LONG,
                    String.format(Locale.US, "Must be at most %,d characters.", maxCodePoints),
                    String.format(Locale.US, "%,d자 이하로 입력해 주세요.", maxCodePoints)));
            return null;
        }
        if (!stripped.codePoints().allMatch(TextCharacters::carried)) {
            errors.add(new FieldError(field, ErrorCodes.INVALID_CHARACTERS,
                    "Contains characters that cannot be stored or sent (such as U+FFFE or half of a surrogate pair).",
                    "저장하거나 보낼 수 없는 문자(U+FFFE, 짝이 맞지 않는 서로게이트 등)가 들어 있습니다."));
            return null;
        }
        return stripped;
    }

    /**
     * A value a person must read exactly as it is (a name, an address, a phone number, an account): no control
     * characters, and no invisible formatting or text-direction characters that would make it show as something else.
     */
    private static String personText(Object raw, String field, int maxCodePoints, boolean required, List<FieldError> errors) {
        String text = text(raw, field, maxCodePoints, required, errors);
        if (text == null || !rejectControlCharacters(text, field, "", errors)) {
            return null;
        }
        if (!text.codePoints().allMatch(TextCharacters::readable)) {
            errors.add(new FieldError(field, ErrorCodes.INVALID_CHARACTERS,
                    "Must not contain invisible formatting or text-direction characters (such as U+202E or U+200B).",
                    "보이지 않는 서식 문자나 글자 방향을 바꾸는 문자(U+202E, U+200B 등)는 쓸 수 없습니다."));
            return null;
        }
        return text;
    }

    private static boolean rejectControlCharacters(String text, String field, String allowed, List<FieldError> errors) {
        boolean clean = text.codePoints()
                .noneMatch(c -> Character.getType(c) == Character.CONTROL && allowed.indexOf(c) < 0);
        if (!clean) {
            errors.add(allowed.isEmpty()
                    ? new FieldError(field, ErrorCodes.INVALID_CHARACTERS,
                            "Must not contain control characters or line breaks.",
                            "제어 문자나 줄바꿈은 사용할 수 없습니다.")
                    : new FieldError(field, ErrorCodes.INVALID_CHARACTERS,
                            "Must not contain control characters other than line breaks and tabs.",
                            "줄바꿈과 탭 외의 제어 문자는 사용할 수 없습니다."));
        }
        return clean;
    }

    static FieldError required(String field) {
        return new FieldError(field, ErrorCodes.REQUIRED, "This field is required.", "필수 항목입니다.");
    }

    private static FieldError inFuture(String field) {
        return new FieldError(field, ErrorCodes.IN_FUTURE,
                "Must not be in the future.", "미래의 시각은 입력할 수 없습니다.");
    }

    private static FieldError notAllowed(String field, List<String> allowed) {
        String list = String.join(", ", allowed);
        return new FieldError(field, ErrorCodes.NOT_ALLOWED,
                "Must be one of: " + list + ".", "다음 중 하나여야 합니다: " + list + ".");
    }

    private static FieldError wrongType(String field, JsonKind expected) {
        return new FieldError(field, ErrorCodes.TYPE, expected.messageEn, expected.messageKo);
    }

    private enum JsonKind {
        TEXT("Must be a string.", "문자열이어야 합니다."),
        WHOLE_NUMBER("Must be a whole number.", "정수여야 합니다."),
        BOOLEAN("Must be true or false.", "true 또는 false여야 합니다."),
        OBJECT("Must be an object.", "객체여야 합니다.");

        private final String messageEn;
        private final String messageKo;

        JsonKind(String messageEn, String messageKo) {
            this.messageEn = messageEn;
            this.messageKo = messageKo;
        }
    }
}

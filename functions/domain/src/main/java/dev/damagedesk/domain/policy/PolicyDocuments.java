package dev.damagedesk.domain.policy;

import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.validation.ErrorCodes;
import dev.damagedesk.domain.validation.FieldError;
import dev.damagedesk.domain.validation.JsonValues;
import dev.damagedesk.domain.validation.Validated;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The policy document format (docs/policy.md, schema docs/policy.schema.json), read from what a JSON or
 * YAML parser gives (maps, lists, strings, numbers, booleans). Every problem is reported, each with its
 * JSON path ({@code rules.smallBusiness.bands[1].payKrw}) and a code of {@link ErrorCodes}; unknown keys
 * are refused, so a misspelt parameter never silently falls back to something else.
 */
public final class PolicyDocuments {

    /** Where the policies shipped with the functions are on the classpath: {@code policies/<incidentId>/v<version>.json}. */
    public static String bundledResource(String incidentId, int version) {
        if (!incidentId.matches(Limits.INCIDENT_ID_PATTERN) || !Limits.VERSION.contains(version)) {
            throw new IllegalArgumentException("no policy can exist for incident '" + incidentId + "' version " + version);
        }
        return "policies/" + incidentId + "/v" + version + ".json";
    }

    private static final List<String> TOP_LEVEL = List.of("incidentId", "version", "description", "services", "rules");
    private static final List<String> RULES = List.of("paidSubscription", "failedPurchase", "freeServiceMoneyLost", "smallBusiness");
    private static final List<String> PAID_SUBSCRIPTION = List.of(
            "extensionThresholdHours", "extensionMultiplier", "billingPeriodDays", "cancellation");
    private static final List<String> CANCELLATION = List.of("consecutiveDays", "hoursInMonth");
    private static final List<String> FAILED_PURCHASE = List.of("autoRefundUpToKrw");
    private static final List<String> FREE_SERVICE = List.of("capKrw");
    private static final List<String> SMALL_BUSINESS = List.of("bands");
    private static final List<String> BAND = List.of("lossUpToKrw", "payKrw");

    private final List<FieldError> errors = new ArrayList<>();

    private PolicyDocuments() {
    }

    public static Validated<PolicyDocument> parse(Map<String, Object> document) {
        return new PolicyDocuments().read(document);
    }

    /** The document's map, in the format {@link #parse} reads back to an equal document. */
    public static Map<String, Object> toMap(PolicyDocument policy) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("incidentId", policy.incidentId());
        doc.put("version", policy.version());
        if (policy.description() != null) {
            doc.put("description", policy.description());
        }
        Map<String, Object> services = new LinkedHashMap<>();
        policy.services().forEach((service, categories) ->
                services.put(service, categories.stream().map(Category::code).toList()));
        doc.put("services", Collections.unmodifiableMap(services));

        PaidSubscriptionRule paid = policy.paidSubscription();
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("paidSubscription", ordered(
                "extensionThresholdHours", paid.extensionThresholdHours(),
                "extensionMultiplier", paid.extensionMultiplier(),
                "billingPeriodDays", paid.billingPeriodDays(),
                "cancellation", ordered(
                        "consecutiveDays", paid.cancellationConsecutiveDays(),
                        "hoursInMonth", paid.cancellationHoursInMonth())));
        rules.put("failedPurchase", ordered("autoRefundUpToKrw", policy.failedPurchase().autoRefundUpToKrw()));
        rules.put("freeServiceMoneyLost", ordered("capKrw", policy.freeServiceMoneyLost().capKrw()));
        rules.put("smallBusiness", ordered("bands", policy.smallBusiness().bands().stream()
                .map(band -> ordered("lossUpToKrw", band.lossUpToKrw(), "payKrw", band.payKrw()))
                .toList()));
        doc.put("rules", Collections.unmodifiableMap(rules));
        return Collections.unmodifiableMap(doc);
    }

    /**
     * Problems of a valid document against the incident it is for: another incident, a service the
     * incident did not take down ({@code not_allowed} at {@code services.<name>}), or a service it took
     * down that the document forgets ({@code required} at {@code services.<name>}: its reports would all
     * go to review). Empty when the two fit.
     */
    public static List<FieldError> checkAgainst(PolicyDocument policy, Incident incident) {
        List<FieldError> problems = new ArrayList<>();
        if (!policy.incidentId().equals(incident.id())) {
            problems.add(new FieldError("incidentId", ErrorCodes.NOT_ALLOWED,
                    "The policy is for incident " + policy.incidentId() + ", not " + incident.id() + ".",
                    "이 정책은 " + incident.id() + "가 아니라 " + policy.incidentId() + " 장애에 대한 것입니다."));
        }
        for (String service : policy.services().keySet()) {
            if (!incident.services().contains(service)) {
                problems.add(new FieldError("services." + service, ErrorCodes.NOT_ALLOWED,
                        "The incident's ledger has no outage of this service.",
                        "장애 기록에 이 서비스의 중단이 없습니다."));
            }
        }
        for (String service : incident.services()) {
            if (!policy.services().containsKey(service)) {
                problems.add(new FieldError("services." + service, ErrorCodes.REQUIRED,
                        "The incident took this service down; list the categories it offers.",
                        "이번 장애로 중단된 서비스입니다. 해당되는 피해 유형을 적어 주세요."));
            }
        }
        return List.copyOf(problems);
    }

    // ------------------------------------------------------------------ reading

    private Validated<PolicyDocument> read(Map<String, Object> document) {
        if (document == null) {
            return Validated.invalid(List.of(required("document")));
        }
        rejectUnknown(document, TOP_LEVEL, "");
        String incidentId = incidentId(document.get("incidentId"));
        Long version = number(document.get("version"), "version", Limits.VERSION, true);
        String description = description(document.get("description"));
        Map<String, Set<Category>> services = services(document.get("services"));

        PaidSubscriptionRule paid = null;
        FailedPurchaseRule failed = null;
        FreeServiceRule free = null;
        SmallBusinessRule small = null;
        Map<?, ?> rules = object(document.get("rules"), "rules", true);
        if (rules != null) {
            rejectUnknown(rules, RULES, "rules.");
            paid = paidSubscription(object(rules.get("paidSubscription"), "rules.paidSubscription", true));
            failed = failedPurchase(object(rules.get("failedPurchase"), "rules.failedPurchase", true));
            free = freeService(object(rules.get("freeServiceMoneyLost"), "rules.freeServiceMoneyLost", true));
            small = smallBusiness(object(rules.get("smallBusiness"), "rules.smallBusiness", true));
        }
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        return Validated.valid(new PolicyDocument(incidentId, version.intValue(), description, services,
                paid, failed, free, small));
    }

    private String incidentId(Object raw) {
        String id = string(raw, "incidentId", true);
        if (id != null && !id.matches(Limits.INCIDENT_ID_PATTERN)) {
            errors.add(new FieldError("incidentId", ErrorCodes.INVALID_FORMAT,
                    "Must be an incident id: 1 to 64 letters, digits and hyphens, e.g. 2022-10-15.",
                    "장애 id 형식이어야 합니다: 영문자, 숫자, 하이픈 1~64자(예: 2022-10-15)."));
            return null;
        }
        return id;
    }

    private String description(Object raw) {
        String description = string(raw, "description", false);
        if (description != null && description.codePointCount(0, description.length()) > Limits.MAX_DESCRIPTION_LENGTH) {
            errors.add(new FieldError("description", ErrorCodes.TOO_LONG,
                    String.format(Locale.US, "Must be at most %,d characters.", Limits.MAX_DESCRIPTION_LENGTH),
                    String.format(Locale.US, "%,d자 이하로 입력해 주세요.", Limits.MAX_DESCRIPTION_LENGTH)));
            return null;
        }
        return description;
    }

    private Map<String, Set<Category>> services(Object raw) {
        Map<?, ?> services = object(raw, "services", true);
        if (services == null) {
            return null;
        }
        if (services.isEmpty()) {
            errors.add(new FieldError("services", ErrorCodes.REQUIRED,
                    "Name at least one service.", "서비스를 하나 이상 적어 주세요."));
            return null;
        }
        Map<String, Set<Category>> result = new TreeMap<>();
        List<String> codes = Arrays.stream(Category.values()).map(Category::code).toList();
        // Sorted so that the same document always gives the same error list, whatever Map it came in.
        for (String service : new TreeSet<>(services.keySet().stream().map(String::valueOf).toList())) {
            String path = "services." + service;
            if (service.isBlank()) {
                errors.add(required(path));
                continue;
            }
            Object value = services.get(service);
            if (!(value instanceof List<?> list)) {
                errors.add(value == null ? required(path) : wrongType(path, "Must be a list of categories.", "피해 유형 목록이어야 합니다."));
                continue;
            }
            if (list.isEmpty()) {
                errors.add(new FieldError(path, ErrorCodes.REQUIRED,
                        "List at least one category.", "피해 유형을 하나 이상 적어 주세요."));
                continue;
            }
            Set<Category> categories = EnumSet.noneOf(Category.class);
            for (int i = 0; i < list.size(); i++) {
                String itemPath = path + "[" + i + "]";
                if (!(list.get(i) instanceof String code)) {
                    errors.add(wrongType(itemPath, "Must be a string.", "문자열이어야 합니다."));
                    continue;
                }
                Category category = Category.fromCode(code).orElse(null);
                if (category == null) {
                    String allowed = String.join(", ", codes);
                    errors.add(new FieldError(itemPath, ErrorCodes.NOT_ALLOWED,
                            "Must be one of: " + allowed + ".", "다음 중 하나여야 합니다: " + allowed + "."));
                } else if (!categories.add(category)) {
                    errors.add(new FieldError(itemPath, ErrorCodes.NOT_ALLOWED,
                            "Listed more than once.", "이미 적은 피해 유형입니다."));
                }
            }
            result.put(service, categories);
        }
        return result;
    }

    private PaidSubscriptionRule paidSubscription(Map<?, ?> rule) {
        if (rule == null) {
            return null;
        }
        String path = "rules.paidSubscription.";
        rejectUnknown(rule, PAID_SUBSCRIPTION, path);
        Long threshold = number(rule.get("extensionThresholdHours"), path + "extensionThresholdHours", Limits.THRESHOLD_HOURS, true);
        Long multiplier = number(rule.get("extensionMultiplier"), path + "extensionMultiplier", Limits.MULTIPLIER, true);
        Long billing = number(rule.get("billingPeriodDays"), path + "billingPeriodDays", Limits.BILLING_PERIOD_DAYS, true);
        Map<?, ?> cancellation = object(rule.get("cancellation"), path + "cancellation", true);
        Long days = null;
        Long hours = null;
        if (cancellation != null) {
            rejectUnknown(cancellation, CANCELLATION, path + "cancellation.");
            days = number(cancellation.get("consecutiveDays"), path + "cancellation.consecutiveDays", Limits.CONSECUTIVE_DAYS, true);
            hours = number(cancellation.get("hoursInMonth"), path + "cancellation.hoursInMonth", Limits.HOURS_IN_MONTH, true);
        }
        if (threshold == null || multiplier == null || billing == null || days == null || hours == null) {
            return null;
        }
        return new PaidSubscriptionRule(threshold.intValue(), multiplier.intValue(), billing.intValue(),
                days.intValue(), hours.intValue());
    }

    private FailedPurchaseRule failedPurchase(Map<?, ?> rule) {
        if (rule == null) {
            return null;
        }
        rejectUnknown(rule, FAILED_PURCHASE, "rules.failedPurchase.");
        Long limit = number(rule.get("autoRefundUpToKrw"), "rules.failedPurchase.autoRefundUpToKrw", Limits.KRW, true);
        return limit == null ? null : new FailedPurchaseRule(limit);
    }

    private FreeServiceRule freeService(Map<?, ?> rule) {
        if (rule == null) {
            return null;
        }
        rejectUnknown(rule, FREE_SERVICE, "rules.freeServiceMoneyLost.");
        Long cap = number(rule.get("capKrw"), "rules.freeServiceMoneyLost.capKrw", Limits.KRW, true);
        return cap == null ? null : new FreeServiceRule(cap);
    }

    private SmallBusinessRule smallBusiness(Map<?, ?> rule) {
        if (rule == null) {
            return null;
        }
        String path = "rules.smallBusiness.";
        rejectUnknown(rule, SMALL_BUSINESS, path);
        Object raw = rule.get("bands");
        if (raw == null) {
            errors.add(required(path + "bands"));
            return null;
        }
        if (!(raw instanceof List<?> list)) {
            errors.add(wrongType(path + "bands", "Must be a list of bands.", "구간 목록이어야 합니다."));
            return null;
        }
        if (list.isEmpty() || list.size() > Limits.MAX_BANDS) {
            errors.add(new FieldError(path + "bands", ErrorCodes.OUT_OF_RANGE,
                    "Must have 1 to " + Limits.MAX_BANDS + " bands.", "구간은 1~" + Limits.MAX_BANDS + "개여야 합니다."));
            return null;
        }
        int before = errors.size();
        List<LossBand> bands = new ArrayList<>();
        LossBand previous = null;
        for (int i = 0; i < list.size(); i++) {
            String bandPath = path + "bands[" + i + "]";
            Map<?, ?> band = object(list.get(i), bandPath, true);
            if (band == null) {
                previous = null;
                continue;
            }
            rejectUnknown(band, BAND, bandPath + ".");
            Long loss = number(band.get("lossUpToKrw"), bandPath + ".lossUpToKrw", Limits.BAND_LOSS_KRW, true);
            Long pay = number(band.get("payKrw"), bandPath + ".payKrw", Limits.KRW, true);
            if (loss != null && previous != null && loss <= previous.lossUpToKrw()) {
                errors.add(new FieldError(bandPath + ".lossUpToKrw", ErrorCodes.OUT_OF_RANGE,
                        "Must be more than the band before's " + String.format(Locale.US, "%,d", previous.lossUpToKrw())
                                + ": bands go from the smallest loss up.",
                        "앞 구간의 " + String.format(Locale.US, "%,d", previous.lossUpToKrw())
                                + "보다 커야 합니다. 구간은 작은 손실부터 차례로 적습니다."));
                loss = null;
            }
            if (pay != null && previous != null && pay < previous.payKrw()) {
                errors.add(new FieldError(bandPath + ".payKrw", ErrorCodes.OUT_OF_RANGE,
                        "Must not be less than the band before's " + String.format(Locale.US, "%,d", previous.payKrw())
                                + ": a larger loss is never paid less.",
                        "앞 구간의 " + String.format(Locale.US, "%,d", previous.payKrw())
                                + " 이상이어야 합니다. 더 큰 손실에 더 적게 지급할 수는 없습니다."));
                pay = null;
            }
            previous = loss == null || pay == null ? null : new LossBand(loss, pay);
            if (previous != null) {
                bands.add(previous);
            }
        }
        return errors.size() == before ? new SmallBusinessRule(bands) : null;
    }

    // ------------------------------------------------------------------ values

    private void rejectUnknown(Map<?, ?> object, List<String> known, String prefix) {
        new TreeSet<>(object.keySet().stream().map(String::valueOf).toList()).stream()
                .filter(key -> !known.contains(key))
                .forEach(key -> errors.add(new FieldError(prefix + key, ErrorCodes.UNKNOWN_FIELD,
                        "Unknown field.", "알 수 없는 항목입니다.")));
    }

    private Map<?, ?> object(Object raw, String path, boolean required) {
        if (raw == null) {
            if (required) {
                errors.add(required(path));
            }
            return null;
        }
        if (!(raw instanceof Map<?, ?> map)) {
            errors.add(wrongType(path, "Must be an object.", "객체여야 합니다."));
            return null;
        }
        return map;
    }

    private String string(Object raw, String path, boolean required) {
        if (raw == null) {
            if (required) {
                errors.add(required(path));
            }
            return null;
        }
        if (!(raw instanceof String text)) {
            errors.add(wrongType(path, "Must be a string.", "문자열이어야 합니다."));
            return null;
        }
        if (text.isBlank()) {
            if (required) {
                errors.add(required(path));
            }
            return null;
        }
        return text.strip();
    }

    private Long number(Object raw, String path, Limits.Range range, boolean required) {
        if (raw == null) {
            if (required) {
                errors.add(required(path));
            }
            return null;
        }
        BigInteger value = JsonValues.wholeNumber(raw);
        if (value == null) {
            errors.add(wrongType(path, "Must be a whole number.", "정수여야 합니다."));
            return null;
        }
        if (value.compareTo(BigInteger.valueOf(range.min())) < 0 || value.compareTo(BigInteger.valueOf(range.max())) > 0) {
            String min = String.format(Locale.US, "%,d", range.min());
            String max = String.format(Locale.US, "%,d", range.max());
            errors.add(new FieldError(path, ErrorCodes.OUT_OF_RANGE,
                    "Must be from " + min + " to " + max + ".", min + " 이상 " + max + " 이하여야 합니다."));
            return null;
        }
        return value.longValueExact();
    }

    private static FieldError required(String path) {
        return new FieldError(path, ErrorCodes.REQUIRED, "This field is required.", "필수 항목입니다.");
    }

    private static FieldError wrongType(String path, String messageEn, String messageKo) {
        return new FieldError(path, ErrorCodes.TYPE, messageEn, messageKo);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}

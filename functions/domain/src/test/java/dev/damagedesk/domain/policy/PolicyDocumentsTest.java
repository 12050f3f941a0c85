package dev.damagedesk.domain.policy;

import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.incident.ServiceOutage;
import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.validation.FieldError;
import dev.damagedesk.domain.validation.Validated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static dev.damagedesk.domain.policy.PolicyFixtures.bundledIncident;
import static dev.damagedesk.domain.policy.PolicyFixtures.bundledV1;
import static dev.damagedesk.domain.policy.PolicyFixtures.bundledV1Map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class PolicyDocumentsTest {

    @Test
    void readsTheBundled2022Policy() {
        PolicyDocument policy = bundledV1();

        assertThat(policy.incidentId()).isEqualTo("2022-10-15");
        assertThat(policy.version()).isEqualTo(1);
        assertThat(policy.policyVersion()).isEqualTo("2022-10-15/v1");
        assertThat(policy.description()).startsWith("The compensation paid after the 2022-10-15 data-centre fire");
        assertThat(policy.paidSubscription()).isEqualTo(new PaidSubscriptionRule(4, 3, 30, 3, 72));
        assertThat(policy.failedPurchase()).isEqualTo(new FailedPurchaseRule(100_000));
        assertThat(policy.freeServiceMoneyLost()).isEqualTo(new FreeServiceRule(100_000));
        assertThat(policy.smallBusiness().bands()).containsExactly(
                new LossBand(300_000, 30_000), new LossBand(500_000, 50_000));
        assertThat(policy.services().get("music")).containsExactlyInAnyOrder(Category.PAID_SUBSCRIPTION,
                Category.FAILED_PURCHASE, Category.BUSINESS_LOSS, Category.NO_MONETARY_DAMAGE);
        assertThat(policy.offers("music", Category.PAID_SUBSCRIPTION)).isTrue();
        assertThat(policy.offers("navigation", Category.PAID_SUBSCRIPTION)).isFalse();
        assertThat(policy.offers("search", Category.NO_MONETARY_DAMAGE)).isFalse();
    }

    @Test
    void theBundledPolicyFitsTheBundledIncident() {
        assertThat(PolicyDocuments.checkAgainst(bundledV1(), bundledIncident())).isEmpty();
        assertThat(bundledV1().services().keySet()).isEqualTo(bundledIncident().services());
    }

    @Test
    void everyServiceOffersNoMonetaryDamageAndBusinessLoss() {
        bundledV1().services().forEach((service, categories) -> assertThat(categories).as(service)
                .contains(Category.NO_MONETARY_DAMAGE, Category.BUSINESS_LOSS));
    }

    @Test
    void writesTheFormatItReads() {
        PolicyDocument policy = bundledV1();

        Map<String, Object> written = PolicyDocuments.toMap(policy);

        assertThat(PolicyDocuments.parse(written).value()).isEqualTo(policy);
        assertThat(PolicyDocuments.toMap(PolicyDocuments.parse(written).value())).isEqualTo(written);
        assertThat(written.keySet()).containsExactly("incidentId", "version", "description", "services", "rules");
    }

    @Test
    void theBundledFileIsInTheCanonicalForm() {
        // Same numbers and lists (as Integer/Long either way), so the file says exactly what the engine applies.
        assertThat(normalised(PolicyDocuments.toMap(bundledV1()))).isEqualTo(normalised(bundledV1Map()));
    }

    @Test
    void aDocumentWithoutDescriptionWritesNone() {
        Map<String, Object> doc = mutable(bundledV1Map());
        doc.remove("description");

        PolicyDocument policy = PolicyDocuments.parse(doc).value();

        assertThat(policy.description()).isNull();
        assertThat(PolicyDocuments.toMap(policy)).doesNotContainKey("description");
    }

    @Test
    void acceptsWholeNumbersWrittenAsDecimals() {
        Map<String, Object> doc = mutable(bundledV1Map());
        rules(doc, "freeServiceMoneyLost").put("capKrw", new BigDecimal("1.5E+5"));
        doc.put("version", 2.0);

        PolicyDocument policy = PolicyDocuments.parse(doc).value();

        assertThat(policy.freeServiceMoneyLost().capKrw()).isEqualTo(150_000);
        assertThat(policy.version()).isEqualTo(2);
    }

    /** A change to the bundled document and the one error it must give. */
    record Breakage(String name, Consumer<Map<String, Object>> change, String field, String code) {
        @Override
        public String toString() {
            return name + " -> " + field + " " + code;
        }
    }

    static Stream<Breakage> breakages() {
        return Stream.of(
                new Breakage("an unknown top-level key", doc -> doc.put("author", "kim"), "author", "unknown_field"),
                new Breakage("no incident id", doc -> doc.remove("incidentId"), "incidentId", "required"),
                new Breakage("a blank incident id", doc -> doc.put("incidentId", " "), "incidentId", "required"),
                new Breakage("an incident id as a number", doc -> doc.put("incidentId", 20221015), "incidentId", "type"),
                new Breakage("an incident id with a slash", doc -> doc.put("incidentId", "2022/10/15"), "incidentId",
                        "invalid_format"),
                new Breakage("no version", doc -> doc.remove("version"), "version", "required"),
                new Breakage("version 0", doc -> doc.put("version", 0), "version", "out_of_range"),
                new Breakage("version 1,000,000", doc -> doc.put("version", 1_000_000), "version", "out_of_range"),
                new Breakage("a fractional version", doc -> doc.put("version", new BigDecimal("1.5")), "version", "type"),
                new Breakage("a version as text", doc -> doc.put("version", "1"), "version", "type"),
                new Breakage("a description as a list", doc -> doc.put("description", List.of("a")), "description", "type"),
                new Breakage("a description too long", doc -> doc.put("description", "가".repeat(2_001)), "description",
                        "too_long"),
                new Breakage("no services", doc -> doc.remove("services"), "services", "required"),
                new Breakage("services as a list", doc -> doc.put("services", List.of("music")), "services", "type"),
                new Breakage("no service at all", doc -> doc.put("services", Map.of()), "services", "required"),
                new Breakage("a service without categories", doc -> services(doc).put("music", List.of()),
                        "services.music", "required"),
                new Breakage("a service's categories as text", doc -> services(doc).put("music", "paid-subscription"),
                        "services.music", "type"),
                new Breakage("an unknown category", doc -> services(doc).put("music", List.of("paid-subscription", "gift")),
                        "services.music[1]", "not_allowed"),
                new Breakage("a category twice", doc -> services(doc).put("music",
                        List.of("paid-subscription", "no-monetary-damage", "paid-subscription")),
                        "services.music[2]", "not_allowed"),
                new Breakage("a category as a number", doc -> services(doc).put("music", List.of(1)),
                        "services.music[0]", "type"),
                new Breakage("no rules", doc -> doc.remove("rules"), "rules", "required"),
                new Breakage("rules as text", doc -> doc.put("rules", "3x"), "rules", "type"),
                new Breakage("an unknown rule", doc -> rules(doc).put("giftCards", Map.of()), "rules.giftCards",
                        "unknown_field"),
                new Breakage("no paid subscription rule", doc -> rules(doc).remove("paidSubscription"),
                        "rules.paidSubscription", "required"),
                new Breakage("no failed purchase rule", doc -> rules(doc).remove("failedPurchase"),
                        "rules.failedPurchase", "required"),
                new Breakage("no free service rule", doc -> rules(doc).remove("freeServiceMoneyLost"),
                        "rules.freeServiceMoneyLost", "required"),
                new Breakage("no small business rule", doc -> rules(doc).remove("smallBusiness"),
                        "rules.smallBusiness", "required"),
                new Breakage("a negative threshold", doc -> rules(doc, "paidSubscription").put("extensionThresholdHours", -1),
                        "rules.paidSubscription.extensionThresholdHours", "out_of_range"),
                new Breakage("a fractional threshold", doc -> rules(doc, "paidSubscription")
                        .put("extensionThresholdHours", new BigDecimal("3.5")),
                        "rules.paidSubscription.extensionThresholdHours", "type"),
                new Breakage("multiplier 0", doc -> rules(doc, "paidSubscription").put("extensionMultiplier", 0),
                        "rules.paidSubscription.extensionMultiplier", "out_of_range"),
                new Breakage("no multiplier", doc -> rules(doc, "paidSubscription").remove("extensionMultiplier"),
                        "rules.paidSubscription.extensionMultiplier", "required"),
                new Breakage("billing period 0", doc -> rules(doc, "paidSubscription").put("billingPeriodDays", 0),
                        "rules.paidSubscription.billingPeriodDays", "out_of_range"),
                new Breakage("no cancellation", doc -> rules(doc, "paidSubscription").remove("cancellation"),
                        "rules.paidSubscription.cancellation", "required"),
                new Breakage("cancellation as a number", doc -> rules(doc, "paidSubscription").put("cancellation", 72),
                        "rules.paidSubscription.cancellation", "type"),
                new Breakage("an unknown cancellation key", doc -> cancellation(doc).put("hoursInYear", 100),
                        "rules.paidSubscription.cancellation.hoursInYear", "unknown_field"),
                new Breakage("no consecutive days", doc -> cancellation(doc).remove("consecutiveDays"),
                        "rules.paidSubscription.cancellation.consecutiveDays", "required"),
                new Breakage("hours in a month above a month", doc -> cancellation(doc).put("hoursInMonth", 745),
                        "rules.paidSubscription.cancellation.hoursInMonth", "out_of_range"),
                new Breakage("a negative refund limit", doc -> rules(doc, "failedPurchase").put("autoRefundUpToKrw", -1),
                        "rules.failedPurchase.autoRefundUpToKrw", "out_of_range"),
                new Breakage("an unknown failed purchase key", doc -> rules(doc, "failedPurchase").put("capKrw", 1),
                        "rules.failedPurchase.capKrw", "unknown_field"),
                new Breakage("a cap as text", doc -> rules(doc, "freeServiceMoneyLost").put("capKrw", "100000"),
                        "rules.freeServiceMoneyLost.capKrw", "type"),
                new Breakage("a cap above the largest amount", doc -> rules(doc, "freeServiceMoneyLost")
                        .put("capKrw", new BigInteger("10000000001")),
                        "rules.freeServiceMoneyLost.capKrw", "out_of_range"),
                new Breakage("no cap", doc -> rules(doc, "freeServiceMoneyLost").remove("capKrw"),
                        "rules.freeServiceMoneyLost.capKrw", "required"),
                new Breakage("no bands", doc -> rules(doc, "smallBusiness").remove("bands"),
                        "rules.smallBusiness.bands", "required"),
                new Breakage("bands as an object", doc -> rules(doc, "smallBusiness").put("bands", Map.of()),
                        "rules.smallBusiness.bands", "type"),
                new Breakage("an empty list of bands", doc -> rules(doc, "smallBusiness").put("bands", List.of()),
                        "rules.smallBusiness.bands", "out_of_range"),
                new Breakage("21 bands", doc -> rules(doc, "smallBusiness").put("bands", twentyOneBands()),
                        "rules.smallBusiness.bands", "out_of_range"),
                new Breakage("a band as a number", doc -> bands(doc).set(1, 50_000),
                        "rules.smallBusiness.bands[1]", "type"),
                new Breakage("a band without payment", doc -> band(doc, 1).remove("payKrw"),
                        "rules.smallBusiness.bands[1].payKrw", "required"),
                new Breakage("an unknown band key", doc -> band(doc, 0).put("lossAboveKrw", 500_000),
                        "rules.smallBusiness.bands[0].lossAboveKrw", "unknown_field"),
                new Breakage("a band limit of 0", doc -> band(doc, 0).put("lossUpToKrw", 0),
                        "rules.smallBusiness.bands[0].lossUpToKrw", "out_of_range"),
                new Breakage("bands out of order", doc -> band(doc, 1).put("lossUpToKrw", 300_000),
                        "rules.smallBusiness.bands[1].lossUpToKrw", "out_of_range"),
                new Breakage("a larger loss paid less", doc -> band(doc, 1).put("payKrw", 29_999),
                        "rules.smallBusiness.bands[1].payKrw", "out_of_range"),
                new Breakage("a fractional payment", doc -> band(doc, 1).put("payKrw", 50_000.5),
                        "rules.smallBusiness.bands[1].payKrw", "type"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void eachProblemIsReportedWithItsPathAndCode(Breakage breakage) {
        Map<String, Object> doc = mutable(bundledV1Map());
        breakage.change().accept(doc);

        Validated<PolicyDocument> parsed = PolicyDocuments.parse(doc);

        assertThat(parsed.isValid()).isFalse();
        assertThat(parsed.errors()).extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple(breakage.field(), breakage.code()));
        assertThat(parsed.errors().get(0).messageEn()).isNotBlank().doesNotContainPattern("[가-힣]");
        assertThat(parsed.errors().get(0).messageKo()).containsPattern("[가-힣]");
    }

    @Test
    void aMisspeltKeyIsUnknownAndTheRealOneMissing() {
        Map<String, Object> doc = mutable(bundledV1Map());
        rules(doc, "paidSubscription").remove("extensionThresholdHours");
        rules(doc, "paidSubscription").put("extensionTresholdHours", 4);

        assertThat(PolicyDocuments.parse(doc).errors()).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("rules.paidSubscription.extensionTresholdHours", "unknown_field"),
                tuple("rules.paidSubscription.extensionThresholdHours", "required"));
    }

    @Test
    void collectsEveryProblemNotJustTheFirst() {
        Map<String, Object> doc = mutable(bundledV1Map());
        doc.put("version", -2);
        services(doc).put("music", List.of("gift"));
        band(doc, 1).put("payKrw", 1);
        rules(doc, "freeServiceMoneyLost").put("capKrw", "lots");

        assertThat(PolicyDocuments.parse(doc).errors()).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("version", "out_of_range"),
                tuple("services.music[0]", "not_allowed"),
                tuple("rules.freeServiceMoneyLost.capKrw", "type"),
                tuple("rules.smallBusiness.bands[1].payKrw", "out_of_range"));
    }

    @Test
    void anEmptyDocumentNamesEveryRequiredPart() {
        assertThat(PolicyDocuments.parse(new LinkedHashMap<>()).errors()).extracting(FieldError::field)
                .containsExactly("incidentId", "version", "services", "rules");
        assertThat(PolicyDocuments.parse(null).errors()).extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("document", "required"));
    }

    @Test
    void checksADocumentAgainstItsIncident() {
        Instant t0 = Instant.parse("2022-10-15T06:30:00Z");
        Incident incident = new Incident("2022-10-15", "t", List.of(
                new ServiceOutage("music", null, t0, t0.plusSeconds(3600), false),
                new ServiceOutage("bank", null, t0, t0.plusSeconds(3600), false)));
        PolicyDocument policy = new PolicyDocument("2022-10-15", 1, null,
                Map.of("music", Set.of(Category.PAID_SUBSCRIPTION), "search", Set.of(Category.NO_MONETARY_DAMAGE)),
                bundledV1().paidSubscription(), bundledV1().failedPurchase(), bundledV1().freeServiceMoneyLost(),
                bundledV1().smallBusiness());

        assertThat(PolicyDocuments.checkAgainst(policy, incident)).extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("services.search", "not_allowed"), tuple("services.bank", "required"));
        assertThat(PolicyDocuments.checkAgainst(policy, new Incident("2023-01-01", "t", incident.outages())))
                .extracting(FieldError::field).contains("incidentId");
    }

    @Test
    void bundledPoliciesLiveByIncidentAndVersion() {
        assertThat(PolicyDocuments.bundledResource("2022-10-15", 3)).isEqualTo("policies/2022-10-15/v3.json");
        assertThatThrownBy(() -> PolicyDocuments.bundledResource("../etc", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PolicyDocuments.bundledResource("2022-10-15", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDocumentBuiltInCodeKeepsTheSameRules() {
        PolicyDocument v1 = bundledV1();
        assertThatThrownBy(() -> new PolicyDocument("2022-10-15", 0, null, v1.services(), v1.paidSubscription(),
                v1.failedPurchase(), v1.freeServiceMoneyLost(), v1.smallBusiness()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PolicyDocument("2022-10-15", 1, null, Map.of(), v1.paidSubscription(),
                v1.failedPurchase(), v1.freeServiceMoneyLost(), v1.smallBusiness()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmallBusinessRule(List.of(new LossBand(500_000, 50_000), new LossBand(300_000, 60_000))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmallBusinessRule(List.of(new LossBand(300_000, 50_000), new LossBand(500_000, 30_000))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaidSubscriptionRule(4, 0, 30, 3, 72)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FreeServiceRule(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(v1.smallBusiness().bandFor(300_000)).contains(new LossBand(300_000, 30_000));
        assertThat(v1.smallBusiness().bandFor(500_001)).isEmpty();
        assertThat(v1.smallBusiness().topLimitKrw()).isEqualTo(500_000);
    }

    // ------------------------------------------------------------------ document surgery

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mutable(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, copyOf(value)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object copyOf(Object value) {
        if (value instanceof Map<?, ?> map) {
            return mutable((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(copyOf(item)));
            return copy;
        }
        return value;
    }

    /** Numbers as longs, so that Integer 4 and Long 4 compare equal. */
    private static Object normalised(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(key, normalised(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PolicyDocumentsTest::normalised).toList();
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services(Map<String, Object> doc) {
        return (Map<String, Object>) doc.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rules(Map<String, Object> doc) {
        return (Map<String, Object>) doc.get("rules");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rules(Map<String, Object> doc, String rule) {
        return (Map<String, Object>) rules(doc).get(rule);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cancellation(Map<String, Object> doc) {
        return (Map<String, Object>) rules(doc, "paidSubscription").get("cancellation");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> bands(Map<String, Object> doc) {
        return (List<Object>) rules(doc, "smallBusiness").get("bands");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> band(Map<String, Object> doc, int index) {
        return (Map<String, Object>) bands(doc).get(index);
    }

    private static List<Object> twentyOneBands() {
        List<Object> bands = new ArrayList<>();
        for (int i = 1; i <= 21; i++) {
            bands.add(Map.of("lossUpToKrw", i * 100_000, "payKrw", i * 10_000));
        }
        return bands;
    }
}

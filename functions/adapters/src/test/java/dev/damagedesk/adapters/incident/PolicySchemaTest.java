package dev.damagedesk.adapters.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.damagedesk.adapters.json.Json;
import dev.damagedesk.domain.policy.PolicyDocuments;
import dev.damagedesk.domain.report.Category;
import dev.damagedesk.localaws.RepositoryRoot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps {@code docs/policy.schema.json} true: the bundled policies conform to it, and it accepts and refuses the
 * same documents as the domain's reader ({@link PolicyDocuments#parse}), except what JSON Schema cannot say.
 */
class PolicySchemaTest {

    private static final Path SCHEMA = RepositoryRoot.find().resolve("docs/policy.schema.json");

    private static Schema schema() {
        try {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(Files.readString(SCHEMA), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String bundledV1() {
        try (InputStream in = PolicySchemaTest.class.getResourceAsStream("/" + PolicyDocuments.bundledResource("2022-10-15", 1))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Error> schemaProblems(Map<String, Object> document) {
        return schema().validate(Json.write(document), InputFormat.JSON);
    }

    @Test
    void theBundledPolicyConforms() {
        assertThat(schema().validate(bundledV1(), InputFormat.JSON)).isEmpty();
        assertThat(PolicyDocuments.parse(Json.parseObject(bundledV1())).errors()).isEmpty();
    }

    @Test
    void whatTheDomainWritesConforms() {
        Map<String, Object> written = PolicyDocuments.toMap(PolicyDocuments.parse(Json.parseObject(bundledV1())).value());

        assertThat(schemaProblems(written)).isEmpty();
    }

    @Test
    void theCategoriesAreTheDomainsOwn() {
        @SuppressWarnings("unchecked")
        List<Object> documented = (List<Object>) ((Map<String, Object>) ((Map<String, Object>) Json.parseObject(
                readSchema()).get("$defs")).get("category")).get("enum");

        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Category.values()).map(Category::code).toList());
    }

    /** A change to the bundled document, and whether the schema and the reader must both accept it. */
    record Variant(String name, boolean valid, Consumer<Map<String, Object>> change) {
        @Override
        public String toString() {
            return (valid ? "valid: " : "invalid: ") + name;
        }
    }

    static Stream<Variant> variants() {
        return Stream.of(
                new Variant("as bundled", true, doc -> { }),
                new Variant("no description", true, doc -> doc.remove("description")),
                new Variant("a later version", true, doc -> doc.put("version", 999_999)),
                new Variant("a zero cap", true, doc -> rule(doc, "freeServiceMoneyLost").put("capKrw", 0)),
                new Variant("one band", true, doc -> rule(doc, "smallBusiness").put("bands",
                        List.of(Map.of("lossUpToKrw", 300_000, "payKrw", 30_000)))),
                new Variant("an unknown key", false, doc -> doc.put("author", "kim")),
                new Variant("no incident id", false, doc -> doc.remove("incidentId")),
                new Variant("an incident id with a slash", false, doc -> doc.put("incidentId", "2022/10/15")),
                new Variant("version 0", false, doc -> doc.put("version", 0)),
                new Variant("version 1,000,000", false, doc -> doc.put("version", 1_000_000)),
                new Variant("a version as text", false, doc -> doc.put("version", "1")),
                new Variant("a description too long", false, doc -> doc.put("description", "가".repeat(2_001))),
                new Variant("no services", false, doc -> doc.put("services", Map.of())),
                new Variant("a service without categories", false, doc -> services(doc).put("music", List.of())),
                new Variant("an unknown category", false, doc -> services(doc).put("music", List.of("gift"))),
                new Variant("a category twice", false, doc -> services(doc).put("music",
                        List.of("paid-subscription", "paid-subscription"))),
                new Variant("an unknown rule", false, doc -> rules(doc).put("giftCards", Map.of())),
                new Variant("no paid subscription rule", false, doc -> rules(doc).remove("paidSubscription")),
                new Variant("a misspelt threshold", false, doc -> {
                    rule(doc, "paidSubscription").remove("extensionThresholdHours");
                    rule(doc, "paidSubscription").put("extensionTresholdHours", 4);
                }),
                new Variant("a fractional threshold", false, doc -> rule(doc, "paidSubscription")
                        .put("extensionThresholdHours", 3.5)),
                new Variant("multiplier 0", false, doc -> rule(doc, "paidSubscription").put("extensionMultiplier", 0)),
                new Variant("billing period over a year", false, doc -> rule(doc, "paidSubscription")
                        .put("billingPeriodDays", 367)),
                new Variant("no cancellation", false, doc -> rule(doc, "paidSubscription").remove("cancellation")),
                new Variant("more hours than a month has", false, doc -> cancellation(doc).put("hoursInMonth", 745)),
                new Variant("a negative refund limit", false, doc -> rule(doc, "failedPurchase").put("autoRefundUpToKrw", -1)),
                new Variant("a cap above the largest amount", false, doc -> rule(doc, "freeServiceMoneyLost")
                        .put("capKrw", 10_000_000_001L)),
                new Variant("no bands", false, doc -> rule(doc, "smallBusiness").put("bands", List.of())),
                new Variant("a band limit of 0", false, doc -> rule(doc, "smallBusiness").put("bands",
                        List.of(Map.of("lossUpToKrw", 0, "payKrw", 0)))),
                new Variant("a band without payment", false, doc -> rule(doc, "smallBusiness").put("bands",
                        List.of(Map.of("lossUpToKrw", 300_000)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void theSchemaAcceptsAndRefusesWhatTheReaderDoes(Variant variant) {
        Map<String, Object> document = Json.parseObject(bundledV1());
        variant.change().accept(document);

        assertThat(PolicyDocuments.parse(document).isValid()).as("the reader on %s", variant).isEqualTo(variant.valid());
        assertThat(schemaProblems(document).isEmpty()).as("the schema on %s: %s", variant, schemaProblems(document))
                .isEqualTo(variant.valid());
    }

    @Test
    void bandOrderIsTheReadersToCheck() {
        // JSON Schema cannot compare one item with the one before, so only the reader refuses bands out of order.
        Map<String, Object> document = Json.parseObject(bundledV1());
        rule(document, "smallBusiness").put("bands", List.of(
                Map.of("lossUpToKrw", 500_000, "payKrw", 50_000), Map.of("lossUpToKrw", 300_000, "payKrw", 30_000)));

        assertThat(schemaProblems(document)).isEmpty();
        assertThat(PolicyDocuments.parse(document).errors()).isNotEmpty();
    }

    private static String readSchema() {
        try {
            return Files.readString(SCHEMA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
    private static Map<String, Object> rule(Map<String, Object> doc, String name) {
        return (Map<String, Object>) rules(doc).get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cancellation(Map<String, Object> doc) {
        return (Map<String, Object>) rule(doc, "paidSubscription").get("cancellation");
    }
}

package dev.damagedesk.domain.validation;

import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.report.Reporter;
import dev.damagedesk.domain.report.ReporterType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.damagedesk.domain.validation.SubmissionBodies.NOW;
import static dev.damagedesk.domain.validation.SubmissionBodies.parser;
import static dev.damagedesk.domain.validation.SubmissionBodies.validBody;
import static dev.damagedesk.domain.validation.SubmissionBodies.validBodyWith;
import static dev.damagedesk.domain.validation.SubmissionBodies.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class SubmissionParserTest {

    private static final List<String> STRING_FIELDS = List.of(
            "reporter.name", "reporter.email", "reporter.phone", "reporter.accountRef",
            "locale", "service", "category", "reporterType", "occurredFrom", "occurredTo", "description");
    private static final List<String> REQUIRED_STRING_FIELDS = List.of(
            "reporter.name", "reporter.email", "locale", "service", "category",
            "occurredFrom", "occurredTo", "description");

    private static Validated<ReportSubmission> parse(Map<String, Object> body) {
        return parser().parse(body);
    }

    /** Asserts the body fails with exactly this one error. */
    private static FieldError onlyError(Map<String, Object> body, String field, String code) {
        Validated<ReportSubmission> result = parse(body);
        assertThat(result.isValid()).as("valid: %s", body).isFalse();
        assertThat(result.errors()).extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple(field, code));
        return result.errors().get(0);
    }

    private static ReportSubmission valid(Map<String, Object> body) {
        Validated<ReportSubmission> result = parse(body);
        assertThat(result.errors()).as("errors for %s", body).isEmpty();
        return result.value();
    }

    @Test
    void parsesAValidBody() {
        ReportSubmission submission = valid(validBody());

        assertThat(submission).isEqualTo(new ReportSubmission(
                new Reporter("Kim Minji", "minji@example.com", "+82 10-1234-5678", "minji.kim"),
                Language.KO,
                "taxi",
                Category.BUSINESS_LOSS,
                Instant.parse("2022-10-15T06:30:00Z"),
                Instant.parse("2022-10-16T06:00:00Z"),
                420_000L,
                "I drive a taxi and could not take rides for a whole day.",
                true,
                ReporterType.SMALL_BUSINESS));
    }

    @Test
    void leavesOptionalFieldsAbsent() {
        Map<String, Object> body = validBodyWith("reporter.phone", null);
        with(body, "reporter.accountRef", null);
        with(body, "category", "paid-subscription");
        with(body, "amountClaimedKrw", null);

        ReportSubmission submission = valid(body);

        assertThat(submission.reporter().phone()).isNull();
        assertThat(submission.reporter().accountRef()).isNull();
        assertThat(submission.amountClaimedKrw()).isNull();
    }

    @Test
    void aMissingBodyIsOneErrorOnBody() {
        Validated<ReportSubmission> result = parse(null);

        assertThat(result.errors()).extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("body", "required"));
    }

    @Test
    void collectsEveryErrorNotJustTheFirst() {
        Validated<ReportSubmission> result = parse(new HashMap<>());

        assertThat(result.errors()).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("reporter", "required"),
                tuple("locale", "required"),
                tuple("service", "required"),
                tuple("category", "required"),
                tuple("occurredFrom", "required"),
                tuple("occurredTo", "required"),
                tuple("description", "required"),
                tuple("privacyConsent", "required"));
    }

    @Test
    void collectsErrorsAcrossNestedAndTopLevelFields() {
        Map<String, Object> body = validBodyWith("reporter.email", "not-an-email");
        with(body, "locale", "fr");
        with(body, "amountClaimedKrw", -5);
        with(body, "privacyConsent", false);

        assertThat(parse(body).errors()).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("reporter.email", "invalid_format"),
                tuple("locale", "not_allowed"),
                tuple("amountClaimedKrw", "out_of_range"),
                tuple("privacyConsent", "must_be_true"));
    }

    @Test
    void messagesComeInBothLanguages() {
        FieldError error = onlyError(validBodyWith("description", null), "description", "required");

        assertThat(error.messageEn()).isEqualTo("This field is required.");
        assertThat(error.messageKo()).isEqualTo("필수 항목입니다.");
        assertThat(error.message(Language.KO)).isEqualTo("필수 항목입니다.");
        assertThat(error.message(Language.EN)).isEqualTo("This field is required.");
    }

    @Test
    void everyErrorHasAnEnglishAndAKoreanMessage() {
        Map<String, Object> body = new HashMap<>();
        body.put("reporter", Map.of("name", "\u0000", "email", "x", "phone", "1", "accountRef", "a".repeat(101),
                "nickname", "x"));
        body.put("locale", 1);
        body.put("service", "unknown");
        body.put("category", "unknown");
        body.put("occurredFrom", "2099-01-01T00:00:00Z");
        body.put("occurredTo", "yesterday");
        body.put("amountClaimedKrw", 1.5);
        body.put("description", "x".repeat(4001));
        body.put("privacyConsent", "yes");
        body.put("extra", true);

        List<FieldError> errors = parse(body).errors();

        assertThat(errors).hasSizeGreaterThanOrEqualTo(12);
        assertThat(errors).allSatisfy(error -> {
            assertThat(error.messageEn()).isNotBlank().doesNotContainPattern("\\p{IsHangul}");
            assertThat(error.messageKo()).containsPattern("\\p{IsHangul}");
        });
    }

    @Nested
    class UnknownFields {

        @Test
        void atTheTopLevel() {
            onlyError(validBodyWith("title", "Fire"), "title", "unknown_field");
        }

        @Test
        void insideReporter() {
            onlyError(validBodyWith("reporter.address", "Pangyo"), "reporter.address", "unknown_field");
        }

        @Test
        void eachOneIsReportedInAStableOrder() {
            Map<String, Object> body = new HashMap<>(validBody());
            body.put("zeta", 1);
            body.put("alpha", 2);

            assertThat(parse(body).errors()).extracting(FieldError::field).containsExactly("alpha", "zeta");
        }
    }

    @Nested
    class Types {

        static Stream<String> stringFields() {
            return STRING_FIELDS.stream();
        }

        static Stream<String> requiredStringFields() {
            return REQUIRED_STRING_FIELDS.stream();
        }

        @ParameterizedTest
        @MethodSource("stringFields")
        void aNumberInAStringFieldIsTheWrongType(String field) {
            onlyError(validBodyWith(field, 42), field, "type");
        }

        @ParameterizedTest
        @MethodSource("stringFields")
        void aListInAStringFieldIsTheWrongType(String field) {
            onlyError(validBodyWith(field, List.of("a")), field, "type");
        }

        @ParameterizedTest
        @MethodSource("requiredStringFields")
        void aMissingRequiredFieldIsRequired(String field) {
            onlyError(validBodyWith(field, null), field, "required");
        }

        @ParameterizedTest
        @MethodSource("requiredStringFields")
        void aJsonNullIsRequiredToo(String field) {
            Map<String, Object> body = validBody();
            @SuppressWarnings("unchecked")
            Map<String, Object> target = field.startsWith("reporter.")
                    ? (Map<String, Object>) body.get("reporter") : body;
            target.put(field.substring(field.indexOf('.') + 1), null);

            onlyError(body, field, "required");
        }

        @ParameterizedTest
        @MethodSource("requiredStringFields")
        void aBlankRequiredFieldIsRequired(String field) {
            onlyError(validBodyWith(field, " \t\n "), field, "required");
        }

        @ParameterizedTest
        @ValueSource(strings = {"a string", "true"})
        void reporterMustBeAnObject(String value) {
            onlyError(validBodyWith("reporter", value), "reporter", "type");
        }

        @Test
        void reporterIsRequired() {
            onlyError(validBodyWith("reporter", null), "reporter", "required");
        }
    }

    @Nested
    class ReporterName {

        @Test
        void isTrimmed() {
            assertThat(valid(validBodyWith("reporter.name", "  Kim Minji \n")).reporter().name())
                    .isEqualTo("Kim Minji");
        }

        @Test
        void acceptsHangul() {
            assertThat(valid(validBodyWith("reporter.name", "김민지")).reporter().name()).isEqualTo("김민지");
        }

        @Test
        void mayHaveOneHundredCodePoints() {
            // 100 emoji are 200 UTF-16 chars but 100 characters to a person.
            String name = "\uD83D\uDE00".repeat(100);

            assertThat(valid(validBodyWith("reporter.name", name)).reporter().name()).isEqualTo(name);
        }

        @Test
        void isTooLongAtOneHundredAndOne() {
            FieldError error = onlyError(validBodyWith("reporter.name", "가".repeat(101)), "reporter.name", "too_long");

            assertThat(error.messageEn()).contains("100");
            assertThat(error.messageKo()).contains("100자");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Kim\u0000Minji", "Kim\nMinji", "Kim\u0007", "\u001BKim", "Kim\u007F", "Kim\u0085Minji"})
        void mustNotHoldControlCharacters(String name) {
            onlyError(validBodyWith("reporter.name", name), "reporter.name", "invalid_characters");
        }

        /** Staff read the name on screen and in exports: it must show as what it is. */
        @ParameterizedTest
        @ValueSource(strings = {"Kim\u202EijniM", "Kim\u2067Minji\u2069", "Kim\u200DMinji", "\u200BKim", "Kim\u2029Minji",
                "Kim\uFFFE", "Kim\uD800", "\uDC00Kim", "Kim\uFDD0", "Kim\uF8FF", "Kim\u0378"})
        void mustNotHoldInvisibleFormattingDirectionOrUncarriableCharacters(String name) {
            onlyError(validBodyWith("reporter.name", name), "reporter.name", "invalid_characters");
        }

        @ParameterizedTest
        @ValueSource(strings = {"김민지", "Nguyễn Thị Minh", "Zoë O'Brien-Smith", "محمد", "山田 太郎", "Kim 😀"})
        void keepsTheNamesOfEveryScript(String name) {
            assertThat(valid(validBodyWith("reporter.name", name)).reporter().name()).isEqualTo(name);
        }
    }

    @Nested
    class ReporterEmail {

        @ParameterizedTest
        @ValueSource(strings = {"minji@example.com", "min.ji+outage@mail.example.co.kr", "a@b.c", "김@example.kr"})
        void acceptsPlainAddresses(String email) {
            assertThat(valid(validBodyWith("reporter.email", email)).reporter().email()).isEqualTo(email);
        }

        @Test
        void isTrimmedAndTheDomainLowerCased() {
            assertThat(valid(validBodyWith("reporter.email", "  Min.Ji@Example.COM ")).reporter().email())
                    .isEqualTo("Min.Ji@example.com");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "minji", "minji@", "@example.com", "minji@example", "minji@@example.com", "min ji@example.com",
                "minji@exa mple.com", "minji@example.", "minji@.example.com", "minji@example..com",
                "minji@ex@ample.com"})
        void rejectsWhatIsNotAnAddress(String email) {
            onlyError(validBodyWith("reporter.email", email), "reporter.email", "invalid_format");
        }

        /** An address that shows as another (a right-to-left override turns "moc.elpmaxe" around) is no address. */
        @ParameterizedTest
        @ValueSource(strings = {"min\u0001ji@example.com", "minji@\u202Eelpmaxe.com", "min\u200Bji@example.com",
                "minji@example.com\u2066", "\uFEFFminji@example.com", "minji\u00AD@example.com",
                "minji@exam\u2028ple.com", "min\uE000ji@example.com", "minji@example.c\uDB40\uDC01om"})
        void rejectsInvisibleFormattingAndDirectionCharacters(String email) {
            FieldError error = onlyError(validBodyWith("reporter.email", email), "reporter.email", "invalid_characters");
            assertThat(error.messageEn()).isNotBlank();
            assertThat(error.messageKo()).isNotBlank();
        }

        @Test
        void mayBe254Characters() {
            String email = "a".repeat(64) + "@" + "b".repeat(185) + ".com";
            assertThat(email).hasSize(254);

            assertThat(valid(validBodyWith("reporter.email", email)).reporter().email()).isEqualTo(email);
        }

        @Test
        void isTooLongAt255Characters() {
            String email = "a".repeat(64) + "@" + "b".repeat(186) + ".com";

            onlyError(validBodyWith("reporter.email", email), "reporter.email", "too_long");
        }
    }

    @Nested
    class ReporterPhone {

        @ParameterizedTest
        @ValueSource(strings = {"+82 10-1234-5678", "010-1234-5678", "(02) 123-4567", "1234567", "123456789012345",
                "+1 (555) 010-9999"})
        void acceptsPhoneNumbers(String phone) {
            assertThat(valid(validBodyWith("reporter.phone", phone)).reporter().phone()).isEqualTo(phone);
        }

        @ParameterizedTest
        @ValueSource(strings = {"123456", "1234567890123456", "010-1234-567a", "82+10 1234 5678", "++82 10 1234 5678",
                "+", "010.1234.5678", "０１０-1234-5678"})
        void rejectsWhatIsNotAPhoneNumber(String phone) {
            onlyError(validBodyWith("reporter.phone", phone), "reporter.phone", "invalid_format");
        }

        @ParameterizedTest
        @ValueSource(strings = {"010\u00001234567", "010-1234-5678\u202E", "\u200E010-1234-5678", "010\u20601234567"})
        void rejectsControlFormattingAndDirectionCharacters(String phone) {
            onlyError(validBodyWith("reporter.phone", phone), "reporter.phone", "invalid_characters");
        }

        @Test
        void isTrimmed() {
            assertThat(valid(validBodyWith("reporter.phone", " 010-1234-5678 ")).reporter().phone())
                    .isEqualTo("010-1234-5678");
        }

        @Test
        void aBlankPhoneCountsAsNoPhone() {
            // Web forms send "" for an input left empty.
            assertThat(valid(validBodyWith("reporter.phone", "")).reporter().phone()).isNull();
        }
    }

    @Nested
    class ReporterAccountRef {

        @Test
        void mayHaveOneHundredCharacters() {
            String ref = "r".repeat(100);

            assertThat(valid(validBodyWith("reporter.accountRef", ref)).reporter().accountRef()).isEqualTo(ref);
        }

        @Test
        void isTooLongAtOneHundredAndOne() {
            onlyError(validBodyWith("reporter.accountRef", "r".repeat(101)), "reporter.accountRef", "too_long");
        }

        @Test
        void mustNotHoldControlCharacters() {
            onlyError(validBodyWith("reporter.accountRef", "minji\u0000kim"), "reporter.accountRef", "invalid_characters");
        }

        @Test
        void aBlankAccountRefCountsAsNone() {
            assertThat(valid(validBodyWith("reporter.accountRef", "  ")).reporter().accountRef()).isNull();
        }
    }

    @Nested
    class LocaleField {

        @Test
        void koAndEnChooseTheLanguage() {
            assertThat(valid(validBodyWith("locale", "ko")).language()).isEqualTo(Language.KO);
            assertThat(valid(validBodyWith("locale", "en")).language()).isEqualTo(Language.EN);
        }

        @ParameterizedTest
        @ValueSource(strings = {"fr", "KO", "ko-KR", "english"})
        void nothingElseIsAllowed(String locale) {
            FieldError error = onlyError(validBodyWith("locale", locale), "locale", "not_allowed");

            assertThat(error.messageEn()).contains("ko, en");
        }
    }

    @Nested
    class Service {

        @Test
        void mustBeOneOfTheKnownServices() {
            FieldError error = onlyError(validBodyWith("service", "search"), "service", "not_allowed");

            assertThat(error.messageEn()).contains("messenger, music, payment, taxi");
            assertThat(error.messageKo()).contains("messenger, music, payment, taxi");
        }

        @Test
        void isMatchedExactly() {
            onlyError(validBodyWith("service", "Music"), "service", "not_allowed");
        }

        @Test
        void theParserKeepsItsOwnCopyOfTheServices() {
            Set<String> services = new HashSet<>(Set.of("music"));
            SubmissionParser parser = new SubmissionParser(services, Clock.fixed(NOW, ZoneOffset.UTC));
            services.add("taxi");

            assertThat(parser.parse(validBody()).errors()).extracting(FieldError::field).containsExactly("service");
        }
    }

    @Nested
    class CategoryField {

        @ParameterizedTest
        @ValueSource(strings = {"paid-subscription", "no-monetary-damage"})
        void acceptsTheCodesThatNeedNoAmount(String code) {
            Map<String, Object> body = validBodyWith("category", code);
            with(body, "amountClaimedKrw", null);

            assertThat(valid(body).category().code()).isEqualTo(code);
        }

        @ParameterizedTest
        @ValueSource(strings = {"PAID_SUBSCRIPTION", "business loss", "other"})
        void rejectsEverythingElse(String code) {
            FieldError error = onlyError(validBodyWith("category", code), "category", "not_allowed");

            assertThat(error.messageEn()).contains("business-loss");
        }
    }

    @Nested
    class ReporterTypeField {

        @ParameterizedTest
        @CsvSource({
                "individual,         paid-subscription, INDIVIDUAL",
                "small-business,     paid-subscription, SMALL_BUSINESS",
                "mid-large-business, no-monetary-damage, MID_LARGE_BUSINESS",
                "small-business,     business-loss,     SMALL_BUSINESS",
                "mid-large-business, business-loss,     MID_LARGE_BUSINESS",
        })
        void acceptsEachType(String code, String category, ReporterType type) {
            Map<String, Object> body = validBodyWith("reporterType", code);
            with(body, "category", category);
            if (!category.equals("business-loss")) {
                with(body, "amountClaimedKrw", null);
            }

            assertThat(valid(body).reporterType()).isEqualTo(type);
        }

        @ParameterizedTest
        @ValueSource(strings = {"paid-subscription", "no-monetary-damage"})
        void isAnIndividualWhenAbsent(String category) {
            Map<String, Object> body = validBodyWith("reporterType", null);
            with(body, "category", category);
            with(body, "amountClaimedKrw", null);

            assertThat(valid(body).reporterType()).isEqualTo(ReporterType.INDIVIDUAL);
            assertThat(valid(with(body, "reporterType", "  ")).reporterType()).isEqualTo(ReporterType.INDIVIDUAL);
        }

        @ParameterizedTest
        @ValueSource(strings = {"business", "Small-Business", "SMALL_BUSINESS", "large"})
        void rejectsEverythingElse(String code) {
            FieldError error = onlyError(validBodyWith("reporterType", code), "reporterType", "not_allowed");

            assertThat(error.messageEn()).contains("individual").contains("small-business").contains("mid-large-business");
        }

        @Test
        void aBusinessLossNeedsABusinessType() {
            FieldError error = onlyError(validBodyWith("reporterType", null), "reporterType", "required");

            assertThat(error.messageEn()).contains("small-business").contains("mid-large-business")
                    .doesNotContain("individual");
            assertThat(error.messageKo()).contains("사업자");
        }

        @Test
        void anIndividualCannotReportABusinessLoss() {
            FieldError error = onlyError(validBodyWith("reporterType", "individual"), "reporterType", "not_allowed");

            assertThat(error.messageEn()).contains("business").contains("small-business");
        }

        @Test
        void anUnreadableCategoryLeavesTheTypeAlone() {
            Map<String, Object> body = validBodyWith("reporterType", "individual");
            with(body, "category", "other");

            onlyError(body, "category", "not_allowed");
        }
    }

    @Nested
    class OccurredPeriod {

        @ParameterizedTest
        @ValueSource(strings = {"2022-10-15T15:30:00+09:00", "2022-10-15T06:30:00Z", "2022-10-15T06:30:00.000+00:00"})
        void acceptsIsoDateTimesWithAnOffset(String from) {
            assertThat(valid(validBodyWith("occurredFrom", from)).occurredFrom())
                    .isEqualTo(Instant.parse("2022-10-15T06:30:00Z"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2022-10-15", "2022-10-15T15:30:00", "2022-10-15 15:30:00+09:00", "yesterday",
                "1665815400", "2022-13-15T15:30:00+09:00"})
        void rejectsOtherFormats(String text) {
            onlyError(validBodyWith("occurredFrom", text), "occurredFrom", "invalid_format");
            onlyError(validBodyWith("occurredTo", text), "occurredTo", "invalid_format");
        }

        @Test
        void theEndMustNotBeBeforeTheStart() {
            Map<String, Object> body = validBodyWith("occurredFrom", "2022-10-16T12:00:00+09:00");
            with(body, "occurredTo", "2022-10-16T11:59:59+09:00");

            onlyError(body, "occurredTo", "before_start");
        }

        @Test
        void theEndMayEqualTheStart() {
            Map<String, Object> body = validBodyWith("occurredFrom", "2022-10-16T12:00:00+09:00");
            with(body, "occurredTo", "2022-10-16T03:00:00Z");

            assertThat(parse(body).isValid()).isTrue();
        }

        @Test
        void upToFiveMinutesAheadOfTheClockIsNotTheFuture() {
            String fiveMinutesAhead = NOW.plusSeconds(300).toString();
            Map<String, Object> body = validBodyWith("occurredFrom", fiveMinutesAhead);
            with(body, "occurredTo", fiveMinutesAhead);

            assertThat(parse(body).isValid()).isTrue();
        }

        @Test
        void moreThanFiveMinutesAheadIsTheFuture() {
            String justPast = NOW.plusSeconds(300).plusMillis(1).toString();
            Map<String, Object> body = validBodyWith("occurredFrom", justPast);
            with(body, "occurredTo", justPast);

            assertThat(parse(body).errors()).extracting(FieldError::field, FieldError::code).containsExactly(
                    tuple("occurredFrom", "in_future"),
                    tuple("occurredTo", "in_future"));
        }

        @Test
        void onlyTheEndInTheFuture() {
            onlyError(validBodyWith("occurredTo", "2022-10-21T00:00:00+09:00"), "occurredTo", "in_future");
        }

        @Test
        void theOrderIsCheckedOnlyWhenBothParse() {
            onlyError(validBodyWith("occurredFrom", "soon"), "occurredFrom", "invalid_format");
        }
    }

    @Nested
    class AmountClaimed {

        static Stream<Arguments> accepted() {
            return Stream.of(
                    Arguments.of("business-loss", 1, 1L),
                    Arguments.of("business-loss", 300_000, 300_000L),
                    Arguments.of("business-loss", 10_000_000_000L, 10_000_000_000L),
                    Arguments.of("business-loss", BigInteger.valueOf(500_001), 500_001L),
                    Arguments.of("business-loss", 300_000.0, 300_000L),
                    Arguments.of("business-loss", new BigDecimal("3E+5"), 300_000L),
                    Arguments.of("free-service-money-lost", 12_000, 12_000L),
                    Arguments.of("paid-subscription", 10_900, 10_900L),
                    Arguments.of("paid-subscription", 0, 0L),
                    Arguments.of("no-monetary-damage", 0, 0L));
        }

        @ParameterizedTest(name = "[{index}] {0}: {1}")
        @MethodSource("accepted")
        void accepts(String category, Object amount, Long expected) {
            Map<String, Object> body = validBodyWith("category", category);
            with(body, "amountClaimedKrw", amount);

            assertThat(valid(body).amountClaimedKrw()).isEqualTo(expected);
        }

        static Stream<Arguments> rejected() {
            return Stream.of(
                    Arguments.of("business-loss", 1.5, "type"),
                    Arguments.of("business-loss", new BigDecimal("300000.01"), "type"),
                    Arguments.of("business-loss", "300000", "type"),
                    Arguments.of("business-loss", true, "type"),
                    Arguments.of("business-loss", Double.NaN, "type"),
                    Arguments.of("business-loss", List.of(1), "type"),
                    Arguments.of("business-loss", -1, "out_of_range"),
                    Arguments.of("paid-subscription", -1, "out_of_range"),
                    Arguments.of("no-monetary-damage", -1, "out_of_range"),
                    Arguments.of("business-loss", 10_000_000_001L, "out_of_range"),
                    Arguments.of("business-loss", new BigInteger("99999999999999999999999"), "out_of_range"),
                    Arguments.of("paid-subscription", 10_000_000_001L, "out_of_range"),
                    Arguments.of("business-loss", 0, "out_of_range"),
                    Arguments.of("free-service-money-lost", 0, "out_of_range"),
                    Arguments.of("no-monetary-damage", 1, "not_applicable"),
                    Arguments.of("no-monetary-damage", 5_000, "not_applicable"));
        }

        @ParameterizedTest(name = "[{index}] {0}: {1} -> {2}")
        @MethodSource("rejected")
        void rejects(String category, Object amount, String code) {
            Map<String, Object> body = validBodyWith("category", category);
            with(body, "amountClaimedKrw", amount);

            onlyError(body, "amountClaimedKrw", code);
        }

        @ParameterizedTest
        @ValueSource(strings = {"business-loss", "free-service-money-lost"})
        void isRequiredWhereTheCategoryNeedsIt(String category) {
            Map<String, Object> body = validBodyWith("category", category);
            with(body, "amountClaimedKrw", null);

            onlyError(body, "amountClaimedKrw", "required");
        }

        @ParameterizedTest
        @ValueSource(strings = {"paid-subscription", "no-monetary-damage"})
        void isOptionalElsewhere(String category) {
            Map<String, Object> body = validBodyWith("category", category);
            with(body, "amountClaimedKrw", null);

            assertThat(valid(body).amountClaimedKrw()).isNull();
        }

        @Test
        void withAnUnknownCategoryOnlyTheCategoryFreeRulesApply() {
            Map<String, Object> body = validBodyWith("category", "other");
            with(body, "amountClaimedKrw", null);

            onlyError(body, "category", "not_allowed");
        }
    }

    @Nested
    class Description {

        @Test
        void mayHaveFourThousandCodePoints() {
            String description = "가".repeat(3999) + "\uD83D\uDE00";

            assertThat(valid(validBodyWith("description", description)).description()).isEqualTo(description);
        }

        @Test
        void isTooLongAtFourThousandAndOne() {
            FieldError error = onlyError(validBodyWith("description", "가".repeat(4001)), "description", "too_long");

            assertThat(error.messageEn()).contains("4,000");
            assertThat(error.messageKo()).contains("4,000자");
        }

        @Test
        void surroundingWhiteSpaceDoesNotCount() {
            String description = "\n\n" + "x".repeat(4000) + "   ";

            assertThat(valid(validBodyWith("description", description)).description()).isEqualTo("x".repeat(4000));
        }

        @Test
        void keepsLineBreaksAndTabs() {
            String description = "Line one\r\nLine two\n\tindented";

            assertThat(valid(validBodyWith("description", description)).description()).isEqualTo(description);
        }

        @ParameterizedTest
        @ValueSource(strings = {"bell\u0007", "nul\u0000here", "escape\u001B[31m", "del\u007F", "next\u0085line"})
        void rejectsOtherControlCharacters(String description) {
            onlyError(validBodyWith("description", description), "description", "invalid_characters");
        }

        /** What SQS cannot carry is refused here, as a field error, not by the queue as a 503 to retry forever. */
        @ParameterizedTest
        @ValueSource(strings = {"broken \uFFFE here", "lone \uD83D surrogate", "\uDE21 low half", "non\uFDEFcharacter",
                "plane one \uD83F\uDFFF end"})
        void rejectsWhatTheQueueCannotCarry(String description) {
            onlyError(validBodyWith("description", description), "description", "invalid_characters");
        }

        @Test
        void keepsEmojiSequencesAndRightToLeftText() {
            String description = "앱이 멈췄어요 😡👨‍👩‍👧 \u200F עברית \u200E and 日本語";

            assertThat(valid(validBodyWith("description", description)).description()).isEqualTo(description);
        }
    }

    @Nested
    class PrivacyConsent {

        @Test
        void mustBeTrue() {
            FieldError error = onlyError(validBodyWith("privacyConsent", false), "privacyConsent", "must_be_true");

            assertThat(error.messageKo()).contains("동의");
        }

        @ParameterizedTest
        @ValueSource(strings = {"true", "yes"})
        void mustBeABoolean(String value) {
            onlyError(validBodyWith("privacyConsent", value), "privacyConsent", "type");
        }

        @Test
        void aNumberIsNotABooleanEither() {
            onlyError(validBodyWith("privacyConsent", 1), "privacyConsent", "type");
        }

        @Test
        void isRequired() {
            onlyError(validBodyWith("privacyConsent", null), "privacyConsent", "required");
        }
    }

    @Test
    void doesNotChangeTheBody() {
        Map<String, Object> body = validBodyWith("reporter.name", "  padded  ");
        Map<String, Object> copy = new HashMap<>(body);
        copy.put("reporter", new HashMap<>((Map<?, ?>) body.get("reporter")));

        parse(body);

        assertThat(body).isEqualTo(copy);
    }

    @Test
    void theErrorListCannotBeChangedAfterwards() {
        List<FieldError> errors = parse(new HashMap<>()).errors();

        assertThatThrownBy(() -> errors.add(errors.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }
}

package dev.damagedesk.domain.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportIdTest {

    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /** A generator that always returns the same long, to pin the random part. */
    private static RandomGenerator constant(long value) {
        return () -> value;
    }

    @Test
    void encodesTheTimestampAsTheUlidSpecDoes() {
        // Vector from the reference implementation's tests: encodeTime(1469918176385) == "01ARYZ6S41".
        ReportId id = ReportId.newId(Instant.ofEpochMilli(1469918176385L), constant(0));

        assertThat(id.value()).isEqualTo("01ARYZ6S41" + "0".repeat(16));
        assertThat(id.timestamp()).isEqualTo(Instant.ofEpochMilli(1469918176385L));
    }

    @Test
    void usesEightyRandomBits() {
        ReportId allOnes = ReportId.newId(Instant.EPOCH, constant(-1L));

        assertThat(allOnes.value()).isEqualTo("0".repeat(10) + "Z".repeat(16));
    }

    @Test
    void isTwentySixCrockfordCharacters() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200; i++) {
            String value = ReportId.newId(Instant.parse("2022-10-19T09:00:00Z"), random).value();
            assertThat(value).hasSize(26);
            assertThat(value.chars()).allMatch(c -> CROCKFORD.indexOf(c) >= 0);
        }
    }

    @Test
    void sortsByTimeOfCreation() {
        SplittableRandom random = new SplittableRandom(7);
        Instant start = Instant.parse("2022-10-15T06:30:00Z");
        List<String> inCreationOrder = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            // Steps from a millisecond up to days, so every timestamp character gets to change.
            Instant at = start.plusMillis((long) i * i * i * 1_000_003L + i);
            inCreationOrder.add(ReportId.newId(at, random).toString());
        }

        assertThat(inCreationOrder).isSorted();
    }

    @Test
    void timestampRoundTripsToTheMillisecond() {
        Instant now = Instant.parse("2022-10-19T09:12:34.567891Z");

        assertThat(ReportId.newId(now, new SplittableRandom(1)).timestamp())
                .isEqualTo(Instant.parse("2022-10-19T09:12:34.567Z"));
    }

    @Test
    void theLargestTimestampFits() {
        Instant max = Instant.ofEpochMilli((1L << 48) - 1);

        ReportId id = ReportId.newId(max, constant(0));

        assertThat(id.value()).startsWith("7ZZZZZZZZZ");
        assertThat(id.timestamp()).isEqualTo(max);
    }

    @Test
    void rejectsTimesAUlidCannotHold() {
        assertThatThrownBy(() -> ReportId.newId(Instant.ofEpochMilli(-1), constant(0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportId.newId(Instant.ofEpochMilli(1L << 48), constant(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesAndNormalisesToUpperCase() {
        assertThat(ReportId.parse("01arz3ndektsv4rrffq69g5fav"))
                .contains(new ReportId("01ARZ3NDEKTSV4RRFFQ69G5FAV"));
        assertThat(ReportId.parse("01ARZ3NDEKTSV4RRFFQ69G5FAV").map(ReportId::toString))
                .contains("01ARZ3NDEKTSV4RRFFQ69G5FAV");
    }

    @Test
    void parseIsTheInverseOfToString() {
        ReportId id = ReportId.newId(Instant.parse("2022-10-20T00:00:00Z"), new SplittableRandom(3));

        assertThat(ReportId.parse(id.toString())).contains(id);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "01ARZ3NDEKTSV4RRFFQ69G5FA",     // 25 characters
            "01ARZ3NDEKTSV4RRFFQ69G5FAVX",   // 27 characters
            "01ARZ3NDEKTSV4RRFFQ69G5FAI",    // I is not Crockford base32
            "01ARZ3NDEKTSV4RRFFQ69G5FAL",    // nor L
            "01ARZ3NDEKTSV4RRFFQ69G5FAO",    // nor O
            "01ARZ3NDEKTSV4RRFFQ69G5FAU",    // nor U
            "81ARZ3NDEKTSV4RRFFQ69G5FAV",    // timestamp overflows 48 bits
            "01ARZ3NDEKTSV4RRFFQ69G5FA-",
            " 01ARZ3NDEKTSV4RRFFQ69G5FAV",
            "01ARZ3NDEKTSV4RRFFQ69G5FA\u0130", // dotted capital I
    })
    void rejectsAnythingElse(String text) {
        assertThat(ReportId.parse(text)).isEmpty();
    }

    @Test
    void theConstructorOnlyTakesTheCanonicalForm() {
        assertThatThrownBy(() -> new ReportId("01arz3ndektsv4rrffq69g5fav"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportId("not-an-id")).isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.damagedesk.domain.report;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A report id: a ULID (https://github.com/ulid/spec), 26 characters of Crockford base32 holding a
 * 48-bit millisecond timestamp and 80 random bits, so that ids sort by the time they were made.
 * Ids made within the same millisecond are not ordered among themselves.
 */
public record ReportId(String value) {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 26;
    private static final int TIMESTAMP_CHARS = 10;
    private static final long MAX_TIMESTAMP = (1L << 48) - 1;

    /** Always the canonical upper-case form; use {@link #parse} for input from outside. */
    public ReportId {
        Objects.requireNonNull(value, "value");
        if (!isCanonical(value)) {
            throw new IllegalArgumentException("not a canonical ULID: " + value);
        }
    }

    public static ReportId newId(Instant now, RandomGenerator random) {
        long millis = now.toEpochMilli();
        if (millis < 0 || millis > MAX_TIMESTAMP) {
            throw new IllegalArgumentException("a ULID holds milliseconds from 1970 to 10889 only: " + now);
        }
        char[] chars = new char[LENGTH];
        // 10 characters x 5 bits = 50 bits; the top two are always zero for a 48-bit timestamp.
        for (int i = TIMESTAMP_CHARS - 1; i >= 0; i--) {
            chars[i] = ALPHABET.charAt((int) (millis & 31));
            millis >>>= 5;
        }
        // 16 characters x 5 bits = 80 random bits, taken from 40 + 40 bits.
        long high = random.nextLong() & ((1L << 40) - 1);
        long low = random.nextLong() & ((1L << 40) - 1);
        for (int i = 7; i >= 0; i--) {
            chars[TIMESTAMP_CHARS + i] = ALPHABET.charAt((int) (high & 31));
            chars[TIMESTAMP_CHARS + 8 + i] = ALPHABET.charAt((int) (low & 31));
            high >>>= 5;
            low >>>= 5;
        }
        return new ReportId(new String(chars));
    }

    /** Accepts either case; empty for anything that is not a well-formed ULID. */
    public static Optional<ReportId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String upper = text.toUpperCase(Locale.ROOT);
        return isCanonical(upper) ? Optional.of(new ReportId(upper)) : Optional.empty();
    }

    /** When the id was made, to the millisecond. */
    public Instant timestamp() {
        long millis = 0;
        for (int i = 0; i < TIMESTAMP_CHARS; i++) {
            millis = (millis << 5) | ALPHABET.indexOf(value.charAt(i));
        }
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public String toString() {
        return value;
    }

    private static boolean isCanonical(String text) {
        if (text.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        // The first character carries only 3 bits of the timestamp; above '7' it would overflow 128 bits.
        return text.charAt(0) <= '7';
    }
}

package dev.damagedesk.domain.identity;

import dev.damagedesk.domain.report.ReportId;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token a reporter gets back on submission and later shows to read their report without an
 * account. Tokens are derived from the report id with a server secret, so they need not be
 * stored; the report keeps only {@link #hash(String)} of its token as a second check that also
 * survives a secret rotation.
 */
public final class TrackingTokens {

    /** HMAC-SHA256 keys shorter than its output add no security and are likely a config mistake. */
    public static final int MIN_SECRET_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final String CONTEXT = "tracking-token/v1:";

    private final SecretKeySpec key;

    public TrackingTokens(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "the tracking-token secret needs at least " + MIN_SECRET_BYTES + " bytes, got " + secret.length);
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /** Base64url without padding of HMAC-SHA256(secret, "tracking-token/v1:" + id). */
    public String issue(ReportId id) {
        Objects.requireNonNull(id, "id");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(CONTEXT + id));
    }

    /** In constant time, so a caller cannot guess a token byte by byte; false for any null. */
    public boolean isIssuedFor(ReportId id, String token) {
        if (id == null || token == null) {
            return false;
        }
        return MessageDigest.isEqual(
                issue(id).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex SHA-256 of the token: what a report stores instead of the token. */
    public static String hash(String token) {
        Objects.requireNonNull(token, "token");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** In constant time; false for any null. */
    public static boolean matchesHash(String token, String storedHash) {
        if (token == null || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(
                hash(token).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] mac(String message) {
        try {
            // A Mac is not thread-safe; a fresh one per call keeps this class safe to share.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }
}

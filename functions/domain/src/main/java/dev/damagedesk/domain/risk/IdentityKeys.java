package dev.damagedesk.domain.risk;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes a reporter's identity keys (duplicate detection, contact counts, staff search by email or phone): each is
 * {@code <kind>:<HMAC-SHA256 hex>} of the normalised value under a secret key, in the key domain
 * {@value #KEY_DOMAIN}. A plain hash would not do: Korean mobile numbers are few enough (10^8 per prefix) to hash
 * them all and read every stored phone key back; without the secret nobody can compute or test a key.
 *
 * <p>The secret comes from outside the domain (on AWS, {@code IdentityKeySecret} in Secrets Manager through the
 * function's {@code IDENTITY_KEY_SECRET}); two instances with the same secret make the same keys, so every function
 * that computes a key must be given the same secret. Keys made under another secret, or the plain SHA-256 keys of
 * {@code damagedesk-identity/v1}, never match these (docs/data-model.md).
 */
public final class IdentityKeys {

    /** Versioned: every key is computed over {@code <domain>:<kind>:<normalised value>}. */
    public static final String KEY_DOMAIN = "damagedesk-identity/v2";
    /** The least secret accepted: HMAC-SHA256's block-size-worth is more than enough, 32 bytes is the floor. */
    public static final int MIN_SECRET_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    private IdentityKeys(byte[] secret) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
        mac(); // fails now, not on the first report, if the runtime had no HMAC-SHA256
    }

    /**
     * @param secret the key's bytes, at least {@value #MIN_SECRET_BYTES}; copied
     * @throws IllegalArgumentException when the secret is missing or too short
     */
    public static IdentityKeys fromSecret(byte[] secret) {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("The identity key secret must have at least " + MIN_SECRET_BYTES
                    + " bytes, got " + (secret == null ? "none" : secret.length));
        }
        return new IdentityKeys(Arrays.copyOf(secret, secret.length));
    }

    /** Keys under a fresh random secret: for keys that live in one process only (the replay's counts). */
    public static IdentityKeys ephemeral() {
        byte[] secret = new byte[MIN_SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        return new IdentityKeys(secret);
    }

    /** The identity's keys, in the order email, phone, account (the phone and account ones when it has them). */
    public List<String> of(ReporterIdentity identity) {
        Objects.requireNonNull(identity, "identity");
        List<String> keys = new ArrayList<>(3);
        keys.add(key("email", identity.email()));
        if (identity.phone() != null) {
            keys.add(key("phone", identity.phone()));
        }
        if (identity.accountRef() != null) {
            keys.add(key("account", identity.accountRef()));
        }
        return List.copyOf(keys);
    }

    /** The identity key of an email address as {@link #of} has it (normalised first): for staff searching by email. */
    public String emailKey(String email) {
        return key("email", ReporterIdentity.normaliseEmail(email));
    }

    /** The identity key of a phone number (normalised first); empty when it has too few digits to be one. */
    public Optional<String> phoneKey(String phone) {
        return ReporterIdentity.normalisePhone(phone).map(normalised -> key("phone", normalised));
    }

    /**
     * The key a client's source address is counted under by the submission limits: keyed too, for IPv4 addresses are
     * few enough to hash them all.
     */
    public String clientKey(String address) {
        return key("address", Objects.requireNonNull(address, "address").strip());
    }

    private String key(String kind, String normalised) {
        byte[] mac = mac().doFinal((KEY_DOMAIN + ":" + kind + ":" + normalised).getBytes(StandardCharsets.UTF_8));
        return kind + ":" + HexFormat.of().formatHex(mac);
    }

    /** A Mac per call: a Mac is not thread-safe, and the processor computes keys on ten threads at once. */
    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "IdentityKeys[" + KEY_DOMAIN + ", HMAC-SHA256]";
    }
}

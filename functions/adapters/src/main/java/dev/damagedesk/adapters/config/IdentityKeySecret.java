package dev.damagedesk.adapters.config;

import dev.damagedesk.domain.risk.IdentityKeys;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The identity keys of a function, under the secret {@code IDENTITY_KEY_SECRET} (on AWS {@code IdentityKeySecret}
 * in Secrets Manager, resolved into the function's environment by CloudFormation; locally the provisioner's value).
 * A function that computes identity keys without it fails at init: it never falls back to plain hashes, whose keys
 * could be enumerated, nor to a random secret, whose keys would match no other function's.
 */
public final class IdentityKeySecret {

    public static final String VARIABLE = "IDENTITY_KEY_SECRET";

    private IdentityKeySecret() {
    }

    /**
     * @param secret the function's {@code environment.optional("IDENTITY_KEY_SECRET")} (read where the function
     *               reads its other settings, so that the template check sees it)
     * @throws IllegalStateException naming the variable when it is missing, blank or shorter than 32 bytes
     */
    public static IdentityKeys identityKeys(Optional<String> secret) {
        String value = secret.filter(text -> !text.isBlank()).orElseThrow(() -> new IllegalStateException("Missing configuration "
                + VARIABLE + ": identity keys (duplicates, contact counts, staff search) are HMACs under this secret"
                + " (template.yaml: IdentityKeySecret); the function does not fall back to plain hashes"));
        try {
            return IdentityKeys.fromSecret(value.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException tooShort) {
            throw new IllegalStateException("Configuration " + VARIABLE + " is too short: " + tooShort.getMessage(),
                    tooShort);
        }
    }
}

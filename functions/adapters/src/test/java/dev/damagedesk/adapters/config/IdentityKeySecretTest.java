package dev.damagedesk.adapters.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.domain.risk.IdentityKeys;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentityKeySecretTest {

    private static final String SECRET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01";

    @Test
    void theKeysAreThoseOfTheSecretsBytes() {
        IdentityKeys keys = IdentityKeySecret.identityKeys(FunctionEnvironment.of(Map.of("IDENTITY_KEY_SECRET", SECRET)).optional("IDENTITY_KEY_SECRET"));

        assertThat(keys.emailKey("minji@example.com"))
                .isEqualTo(IdentityKeys.fromSecret(SECRET.getBytes(StandardCharsets.UTF_8)).emailKey("minji@example.com"));
    }

    @Test
    void withoutTheSecretTheFunctionFailsNamingIt() {
        assertThatThrownBy(() -> IdentityKeySecret.identityKeys(FunctionEnvironment.of(Map.of()).optional("IDENTITY_KEY_SECRET")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("IDENTITY_KEY_SECRET").hasMessageContaining("does not fall back to plain hashes");
        assertThatThrownBy(() -> IdentityKeySecret.identityKeys(FunctionEnvironment.of(Map.of("IDENTITY_KEY_SECRET", "  ")).optional("IDENTITY_KEY_SECRET")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("IDENTITY_KEY_SECRET");
    }

    @Test
    void aShortSecretIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> IdentityKeySecret.identityKeys(
                FunctionEnvironment.of(Map.of("IDENTITY_KEY_SECRET", "short-secret-value")).optional("IDENTITY_KEY_SECRET")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("IDENTITY_KEY_SECRET is too short")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("short-secret-value"));
    }
}

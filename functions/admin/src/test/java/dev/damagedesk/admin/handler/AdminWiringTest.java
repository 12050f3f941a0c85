package dev.damagedesk.admin.handler;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.lambda.PowertoolsTelemetry;
import dev.damagedesk.localaws.SharedLocalCloud;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin function's wiring from the template's environment, as Lambda's init builds it. */
class AdminWiringTest {

    @Test
    void withoutTheIdentityKeySecretTheInitFailsNamingIt() {
        Map<String, String> environment = new HashMap<>(SharedLocalCloud.get().functionEnvironment("AdminFunction"));
        environment.remove("IDENTITY_KEY_SECRET");
        FunctionEnvironment withoutSecret = FunctionEnvironment.of(environment);

        assertThatThrownBy(() -> AdminWiring.services(withoutSecret, PowertoolsTelemetry.forFunction(withoutSecret)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("IDENTITY_KEY_SECRET").hasMessageContaining("does not fall back to plain hashes");
    }
}

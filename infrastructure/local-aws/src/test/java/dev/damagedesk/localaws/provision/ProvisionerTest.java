package dev.damagedesk.localaws.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.localaws.template.QueueSpec;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProvisionerTest {

    @Test
    void deadLetterQueuesComeFirst() {
        QueueSpec main = new QueueSpec("Main", 30, 60, 0, Optional.of("Retry"), 3);
        QueueSpec retry = new QueueSpec("Retry", 30, 60, 0, Optional.of("Parked"), 3);
        QueueSpec parked = new QueueSpec("Parked", 30, 60, 0, Optional.empty(), 0);
        assertThat(Provisioner.deadLetterQueuesFirst(List.of(main, retry, parked))).extracting(QueueSpec::logicalId)
                .containsExactly("Parked", "Retry", "Main");
    }

    @Test
    void secretsAreAlphanumeric() {
        assertThat(Provisioner.randomSecret(new SecureRandom(), 64)).matches("[A-Za-z0-9]{64}");
    }

    @Test
    void secretsAreFoundByLogicalIdOrArn() {
        ProvisionedResources resources = new ProvisionedResources(java.util.Map.of(), java.util.Map.of(),
                java.util.Map.of(), java.util.Map.of("TokenSecret", "v"), List.of());
        assertThat(resources.secretValue("TokenSecret")).isEqualTo("v");
        assertThat(resources.secretValue(resources.secretArn("TokenSecret"))).isEqualTo("v");
        assertThat(resources.secretValue("arn:aws:secretsmanager:us-east-1:000000000000:secret:TokenSecret-AbC123"))
                .isEqualTo("v");
    }
}

package dev.damagedesk.localaws.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.localaws.emulator.AwsBackendProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class LocalStackHealthTest {

    @Test
    void theFreeImageListsSesButNoSesV2() {
        LocalStackHealth health = LocalStackHealth.parse("""
                {"services": {"dynamodb": "available", "ses": "available", "sqs": "running"},
                 "edition": "community", "version": "4.14.0"}""");

        assertThat(health.servesSesV2()).isFalse();
        assertThat(health.edition()).isEqualTo("community");
        assertThat(health.version()).isEqualTo("4.14.0");
    }

    @Test
    void aLicensedImageListsSesV2() {
        assertThat(LocalStackHealth.parse("""
                {"services": {"ses": "available", "sesv2": "available", "sqs": "running"}, "edition": "pro"}""")
                .servesSesV2()).isTrue();
        assertThat(LocalStackHealth.parse("{\"services\": {\"sesv2\": \"disabled\"}}").servesSesV2()).isFalse();
    }

    @Test
    void theProviderIsFoundByServiceLoaderUnderItsName() {
        assertThat(ServiceLoader.load(AwsBackendProvider.class)).extracting(AwsBackendProvider::name)
                .containsExactly("localstack");
    }
}

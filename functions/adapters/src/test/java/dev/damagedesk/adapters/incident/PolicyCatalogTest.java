package dev.damagedesk.adapters.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.policy.PolicyDocument;
import dev.damagedesk.domain.policy.PolicyDocuments;
import dev.damagedesk.domain.policy.PolicyEngine;
import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.report.Reporter;
import dev.damagedesk.domain.report.ReporterType;
import dev.damagedesk.domain.scoring.Decision;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The bundled policies as the processor loads them: jackson-jr parses, the domain validates. */
class PolicyCatalogTest {

    private static final String INCIDENT = "2022-10-15";

    private final PolicyCatalog catalog = new PolicyCatalog();

    @Test
    void loadsTheBundled2022Policy() {
        PolicyDocument policy = catalog.get(INCIDENT, 1);

        assertThat(policy.policyVersion()).isEqualTo("2022-10-15/v1");
        assertThat(policy.paidSubscription().extensionMultiplier()).isEqualTo(3);
        assertThat(policy.smallBusiness().bands()).hasSize(2);
        assertThat(catalog.get(INCIDENT, 1)).isSameAs(policy);
    }

    @Test
    void theLatestVersionIsTheHighestBundledOne() {
        assertThat(catalog.latest(INCIDENT).version()).isEqualTo(1);
        assertThat(catalog.latestEngine(INCIDENT).version()).isEqualTo("2022-10-15/v1");
    }

    @Test
    void fitsTheBundledIncident() {
        Incident incident = new IncidentCatalog().get(INCIDENT);

        assertThat(PolicyDocuments.checkAgainst(catalog.latest(INCIDENT), incident)).isEmpty();
    }

    @Test
    void scoresAsTheFunctionsAlwaysHave() {
        Incident incident = new IncidentCatalog().get(INCIDENT);
        PolicyEngine engine = catalog.latestEngine(INCIDENT);
        Instant down = Instant.parse("2022-10-15T06:30:00Z");
        Instant restored = Instant.parse("2022-10-16T06:00:00Z");
        Reporter reporter = new Reporter("Lee Jun", "jun.lee@example.com", null, null);

        Decision music = engine.score(new ReportSubmission(reporter, Language.EN, "music", Category.PAID_SUBSCRIPTION,
                down, restored, 10_900L, "No music.", true, ReporterType.INDIVIDUAL), incident);
        Decision taxi = engine.score(new ReportSubmission(reporter, Language.KO, "taxi", Category.BUSINESS_LOSS,
                down, restored, 250_000L, "No fares.", true, ReporterType.SMALL_BUSINESS), incident);

        assertThat(music.ruleId()).isEqualTo("paid-subscription.extension-3x");
        assertThat(music.extensionMinutes()).isEqualTo(4_230);
        assertThat(taxi.ruleId()).isEqualTo("business-loss.band-300k");
        assertThat(taxi.amountKrw()).isEqualTo(30_000);
    }

    @Test
    void refusesWhatIsNotBundled() {
        assertThatThrownBy(() -> catalog.get(INCIDENT, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("policies/2022-10-15/v2.json");
        assertThatThrownBy(() -> catalog.latest("2030-01-01")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2030-01-01");
        assertThatThrownBy(() -> catalog.latest("../incidents")).isInstanceOf(IllegalArgumentException.class);
    }
}

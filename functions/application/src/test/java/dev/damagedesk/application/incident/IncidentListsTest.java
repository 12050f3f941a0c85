package dev.damagedesk.application.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.application.memory.InMemoryIncidentRecords;
import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.incident.IncidentDocument;
import dev.damagedesk.domain.incident.ServiceOutage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Listing incidents and an incident's policy versions, over the in-memory records. */
class IncidentListsTest {

    private static final Instant DOWN = Instant.parse("2022-10-15T06:17:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2022-10-19T02:16:10Z"), ZoneOffset.UTC);

    private final Incident bundled = new Incident("2022-10-15", "Data centre fire", List.of(
            new ServiceOutage("music", null, DOWN, DOWN.plusSeconds(3600), false),
            new ServiceOutage("taxi", null, DOWN, DOWN.plusSeconds(7200), false)));
    private final InMemoryIncidentRecords records = new InMemoryIncidentRecords(bundled);
    private final IncidentLedgers ledgers = new IncidentLedgers(records, CLOCK);
    private final PolicyVersions policies = new PolicyVersions(records, page -> { }, CLOCK);

    @Test
    void incidentsAreListedByIdImportedAndBundledWithTheirActivePolicyVersion() {
        Map<String, Object> copy = IncidentDocument.toMap(new Incident("2021-01-01", "Copy", bundled.outages()));
        assertThat(ledgers.importLedger("2021-01-01", copy)).isInstanceOf(IncidentLedgers.Imported.Done.class);
        records.publishPolicy("2022-10-15", 3, Map.of("version", 3), CLOCK.instant());

        List<IncidentLedgers.Listed> listed = ledgers.list();

        assertThat(listed).extracting(item -> item.incident().id()).containsExactly("2021-01-01", "2022-10-15");
        assertThat(listed).extracting(IncidentLedgers.Listed::activePolicyVersion).containsExactly(null, 3);
        assertThat(listed.get(1).incident().services()).containsExactlyInAnyOrder("music", "taxi");
    }

    @Test
    void policyVersionsAreListedOldestFirstWithOnlyTheActiveOneMarked() {
        assertThat(policies.versions("2022-10-15")).containsExactly(
                new PolicyVersions.Listed(1, "2022-10-15/v1", true, null));

        records.publishPolicy("2022-10-15", 2, Map.of("version", 2), CLOCK.instant());
        records.publishPolicy("2022-10-15", 4, Map.of("version", 4), CLOCK.instant().plusSeconds(60));
        // Published after 4: stored, but 4 stays the active one.
        records.publishPolicy("2022-10-15", 3, Map.of("version", 3), CLOCK.instant().plusSeconds(120));

        assertThat(policies.versions("2022-10-15")).containsExactly(
                new PolicyVersions.Listed(1, "2022-10-15/v1", false, null),
                new PolicyVersions.Listed(2, "2022-10-15/v2", false, CLOCK.instant()),
                new PolicyVersions.Listed(3, "2022-10-15/v3", false, CLOCK.instant().plusSeconds(120)),
                new PolicyVersions.Listed(4, "2022-10-15/v4", true, CLOCK.instant().plusSeconds(60)));
        assertThatThrownBy(() -> policies.versions("nope")).isInstanceOf(IllegalArgumentException.class);
    }
}

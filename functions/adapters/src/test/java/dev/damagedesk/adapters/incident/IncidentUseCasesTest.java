package dev.damagedesk.adapters.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.application.incident.IncidentLedgers;
import dev.damagedesk.application.incident.PolicyVersions;
import dev.damagedesk.application.port.IncidentRecords;
import dev.damagedesk.application.port.RescorePages;
import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.incident.IncidentDocument;
import dev.damagedesk.domain.policy.PolicyDocuments;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The incident use cases that the command-line tool and the admin API share, over an in-memory store holding the
 * bundled 2022 incident and policy (read with the functions' JSON reader).
 */
class IncidentUseCasesTest {

    private final Map<String, Map<String, Object>> ledgers = new HashMap<>();
    private final Map<String, Map<String, Object>> policies = new LinkedHashMap<>();
    private final List<RescorePages.RescorePage> queued = new ArrayList<>();
    private final IncidentRecords records = new IncidentRecords() {
        @Override
        public Incident incident(String incidentId) {
            Map<String, Object> ledger = ledgers.get(incidentId);
            return ledger != null ? IncidentDocument.fromMap(incidentId, ledger) : new IncidentCatalog().get(incidentId);
        }

        @Override
        public void putLedger(String incidentId, Map<String, Object> document, Instant importedAt) {
            ledgers.put(incidentId, document);
        }

        @Override
        public boolean publishPolicy(String incidentId, int version, Map<String, Object> document, Instant at) {
            Map<String, Object> existing = policies.putIfAbsent(incidentId + "/v" + version, document);
            if (existing != null && !existing.equals(document)) {
                throw new IllegalStateException("conflict");
            }
            return policies.keySet().stream().filter(key -> key.startsWith(incidentId + "/v"))
                    .mapToInt(key -> Integer.parseInt(key.substring(key.lastIndexOf('v') + 1))).max().orElse(0) == version;
        }

        @Override
        public List<String> incidentIds() {
            return List.of("2022-10-15");
        }

        @Override
        public List<PolicyRecord> policyVersions(String incidentId) {
            return List.of(new PolicyRecord(1, null));
        }

        @Override
        public Optional<Integer> activePolicyVersion(String incidentId) {
            return Optional.of(1);
        }
    };
    private final IncidentLedgers ledgerCases = new IncidentLedgers(records, Clock.systemUTC());
    private final PolicyVersions policyCases = new PolicyVersions(records, queued::add, Clock.systemUTC());

    private Map<String, Object> version(int version) {
        Map<String, Object> document = new LinkedHashMap<>(PolicyDocuments.toMap(new PolicyCatalog().get("2022-10-15", 1)));
        document.put("version", version);
        return document;
    }

    @Test
    void aLedgerImportsNormalisedExportsAsImportedAndABrokenOneIsAFieldError() {
        Map<String, Object> bundled = ledgerCases.exportLedger("2022-10-15");

        assertThat(ledgerCases.importLedger("copy-2022", bundled)).isInstanceOf(IncidentLedgers.Imported.Done.class);
        assertThat(ledgerCases.exportLedger("copy-2022")).isEqualTo(IncidentDocument.toMap(records.incident("copy-2022")));
        IncidentLedgers.Imported broken = ledgerCases.importLedger("broken", Map.of("outages", "none"));
        assertThat(broken).isInstanceOf(IncidentLedgers.Imported.Invalid.class);
        assertThat(((IncidentLedgers.Imported.Invalid) broken).errors().get(0).messageKo()).contains("원장");
        assertThat(ledgers).doesNotContainKey("broken");
        assertThatThrownBy(() -> ledgerCases.exportLedger("no-such-incident")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void publishingAVersionQueuesOneFirstPagePerServiceAndAnOlderOneNothing() {
        PolicyVersions.Result second = policyCases.publish(version(2));
        PolicyVersions.Result first = policyCases.publish(version(1));

        assertThat(second).isInstanceOf(PolicyVersions.Result.Published.class);
        assertThat(((PolicyVersions.Result.Published) second).active()).isTrue();
        assertThat(queued).extracting(RescorePages.RescorePage::service)
                .containsExactlyInAnyOrderElementsOf(records.incident("2022-10-15").services());
        assertThat(queued).allSatisfy(page -> assertThat(page.cursor()).isNull());
        assertThat(((PolicyVersions.Result.Published) first).active()).isFalse();
        assertThat(queued).hasSize(records.incident("2022-10-15").services().size());
    }

    @Test
    void anInvalidDocumentIsRefusedWithFieldErrorsAndNothingIsPublished() {
        Map<String, Object> invalid = version(2);
        invalid.put("incidentId", "2099-01-01");

        assertThat(policyCases.validate(invalid)).extracting(error -> error.field()).contains("incidentId");
        assertThat(policyCases.publish(invalid)).isInstanceOf(PolicyVersions.Result.Invalid.class);
        assertThat(policies).isEmpty();
        assertThat(queued).isEmpty();
    }
}

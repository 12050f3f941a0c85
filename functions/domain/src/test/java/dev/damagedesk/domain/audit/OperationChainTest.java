package dev.damagedesk.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationChainTest {

    private static final Instant AT = Instant.parse("2026-12-04T09:15:00Z");
    private static final Actor CONTROLLER = Actor.function("SurgeControllerFunction");
    private static final Actor SUPERVISOR = Actor.staff("5f0c", "lee@damagedesk.example", StaffRole.SUPERVISOR);

    private static List<OperationEntry> threeEntries() {
        OperationEntry on = OperationChain.next(null, AT, CONTROLLER, OperationAction.SURGE_ON, "surge:" + AT,
                "backlog 18000 > 5000");
        OperationEntry confirmed = OperationChain.next(on, AT.plusSeconds(300), SUPERVISOR,
                OperationAction.DETECTED_INCIDENT_CONFIRMED, "detected-incident:detected-20261204-0915", "services 메신저");
        OperationEntry off = OperationChain.next(confirmed, AT.plusSeconds(900), CONTROLLER, OperationAction.SURGE_OFF,
                "surge:" + AT.plusSeconds(900), null);
        return List.of(on, confirmed, off);
    }

    @Test
    void entriesAreNumberedFromOneAndEachCarriesItsPredecessorsHash() {
        List<OperationEntry> chain = threeEntries();

        assertThat(chain).extracting(OperationEntry::sequence).containsExactly(1L, 2L, 3L);
        assertThat(chain.get(0).previousHash()).isEmpty();
        assertThat(chain.get(1).previousHash()).isEqualTo(chain.get(0).hash());
        assertThat(chain.get(2).previousHash()).isEqualTo(chain.get(1).hash());
        assertThat(chain.get(0).hash()).hasSize(64).isEqualTo(OperationChain.hashOf(chain.get(0)));
        assertThat(OperationChain.verify(chain).intact()).isTrue();
    }

    @Test
    void theCanonicalFormIsAsciiWithAFixedMemberOrder() {
        OperationEntry confirmed = threeEntries().get(1);

        assertThat(OperationChain.canonicalForm(confirmed)).isEqualTo("{\"sequence\":2,\"at\":\"2026-12-04T09:20:00Z\","
                + "\"actor\":{\"kind\":\"STAFF\",\"id\":\"5f0c\",\"name\":\"lee@damagedesk.example\",\"role\":\"supervisor\"},"
                + "\"action\":\"DETECTED_INCIDENT_CONFIRMED\",\"subject\":\"detected-incident:detected-20261204-0915\","
                + "\"detail\":\"services \\uba54\\uc2e0\\uc800\",\"previousHash\":\"" + confirmed.previousHash() + "\"}");
    }

    @Test
    void anEditedEntryARemovedEntryAndABrokenLinkAreEachNamed() {
        List<OperationEntry> chain = threeEntries();
        OperationEntry second = chain.get(1);
        OperationEntry edited = new OperationEntry(second.sequence(), second.at(), second.actor(), second.action(),
                second.subject(), "services taxi", second.previousHash(), second.hash());
        AuditChain.Verification afterEdit = OperationChain.verify(List.of(chain.get(0), edited, chain.get(2)));
        assertThat(afterEdit.problem()).isEqualTo(AuditChain.Problem.HASH_MISMATCH);
        assertThat(afterEdit.firstBrokenSequence()).isEqualTo(2L);

        AuditChain.Verification afterRemoval = OperationChain.verify(List.of(chain.get(0), chain.get(2)));
        assertThat(afterRemoval.problem()).isEqualTo(AuditChain.Problem.GAP);
        assertThat(afterRemoval.firstBrokenSequence()).isEqualTo(2L);

        // a rewritten chain from entry 2 on: entry 2 hashes correctly, but not onto entry 1
        OperationEntry forged = OperationChain.next(new OperationEntry(1, AT, CONTROLLER, OperationAction.SURGE_ON,
                "surge:other", null, "", "f".repeat(64)), second.at(), second.actor(), second.action(), second.subject(),
                second.detail());
        AuditChain.Verification afterForgery = OperationChain.verify(List.of(chain.get(0), forged));
        assertThat(afterForgery.problem()).isEqualTo(AuditChain.Problem.WRONG_PREVIOUS_HASH);
        assertThat(afterForgery.firstBrokenSequence()).isEqualTo(2L);
    }

    @Test
    void aWindowOfTheLatestEntriesIsCheckedFromItsFirstEntryOnButEntryOneMustStartTheChain() {
        List<OperationEntry> chain = threeEntries();

        assertThat(OperationChain.verify(chain.subList(1, 3)).intact()).as("entry 1 is outside the window").isTrue();
        assertThat(OperationChain.verify(List.of()).intact()).isTrue();
        List<OperationEntry> badStart = new ArrayList<>();
        OperationEntry first = chain.get(0);
        badStart.add(new OperationEntry(1, first.at(), first.actor(), first.action(), first.subject(), first.detail(),
                "a".repeat(64), first.hash()));
        assertThat(OperationChain.verify(badStart).problem()).isEqualTo(AuditChain.Problem.WRONG_PREVIOUS_HASH);
    }
}

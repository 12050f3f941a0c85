package dev.damagedesk.application.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.application.memory.InMemoryOperationsTrail;
import dev.damagedesk.application.port.OperationsTrail;
import dev.damagedesk.domain.audit.OperationAction;
import dev.damagedesk.domain.audit.OperationChain;
import dev.damagedesk.domain.audit.OperationEntry;
import dev.damagedesk.domain.staff.Actor;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditOperationsTest {

    private static final Instant AT = Instant.parse("2026-12-04T09:15:00Z");
    private static final Actor CONTROLLER = Actor.function("SurgeControllerFunction");

    private final InMemoryOperationsTrail trail = new InMemoryOperationsTrail();
    private final AuditOperations operations = new AuditOperations(trail);

    @Test
    void eventsAreAppendedAsTheNextLinksAndARepeatedEventIsRecordedOnce() {
        OperationEntry on = operations.record(AT, CONTROLLER, OperationAction.SURGE_ON, "surge:" + AT, "backlog 9000");
        OperationEntry off = operations.record(AT.plusSeconds(600), CONTROLLER, OperationAction.SURGE_OFF,
                "surge:" + AT.plusSeconds(600), "calm");
        OperationEntry repeated = operations.record(AT.plusSeconds(660), CONTROLLER, OperationAction.SURGE_ON,
                "surge:" + AT, "backlog 9000");

        assertThat(repeated).isEqualTo(on);
        assertThat(trail.latest(10)).containsExactly(on, off);
        assertThat(off.previousHash()).isEqualTo(on.hash());
        AuditOperations.Window window = operations.latest(10);
        assertThat(window.entries()).containsExactly(on, off);
        assertThat(window.chain().intact()).isTrue();
    }

    @Test
    void theSameSubjectWithAnotherActionIsAnotherEvent() {
        operations.record(AT, CONTROLLER, OperationAction.SURGE_ON, "surge:" + AT, null);
        operations.record(AT, CONTROLLER, OperationAction.SURGE_OFF, "surge:" + AT, null);

        assertThat(trail.latest(10)).hasSize(2);
    }

    @Test
    void aWriterThatLosesItsSequenceToAnotherReadsTheTailAgainAndLinksOntoTheWinner() {
        OperationsTrail contested = new OperationsTrail() {
            private boolean rivalWritten;

            @Override
            public boolean appendIfFree(OperationEntry entry) {
                if (!rivalWritten) {
                    rivalWritten = true; // another writer takes the sequence between our read and our write
                    trail.appendIfFree(OperationChain.next(null, AT, Actor.function("AdminFunction"),
                            OperationAction.DETECTED_INCIDENT_DISMISSED, "detected-incident:x", null));
                }
                return trail.appendIfFree(entry);
            }

            @Override
            public List<OperationEntry> latest(int limit) {
                return trail.latest(limit);
            }
        };

        OperationEntry mine = new AuditOperations(contested).record(AT.plusSeconds(1), CONTROLLER,
                OperationAction.SURGE_ON, "surge:mine", null);

        assertThat(mine.sequence()).isEqualTo(2);
        assertThat(trail.latest(10)).extracting(OperationEntry::subject).containsExactly("detected-incident:x", "surge:mine");
        assertThat(OperationChain.verify(trail.latest(10)).intact()).isTrue();
    }

    @Test
    void aTrailWhoseSequenceIsAlwaysTakenIsAnErrorNotALoop() {
        OperationsTrail alwaysTaken = new OperationsTrail() {
            @Override
            public boolean appendIfFree(OperationEntry entry) {
                return false;
            }

            @Override
            public List<OperationEntry> latest(int limit) {
                return List.of();
            }
        };

        assertThatThrownBy(() -> new AuditOperations(alwaysTaken).record(AT, CONTROLLER, OperationAction.SURGE_ON,
                "surge:" + AT, null)).isInstanceOf(IllegalStateException.class).hasMessageContaining("10 times");
    }
}

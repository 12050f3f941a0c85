package dev.damagedesk.application.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.application.memory.InMemoryMessageQueues;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.staff.StaffNotAllowedException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    private final InMemoryMessageQueues queues = new InMemoryMessageQueues(Map.of("NotificationQueue", "NotificationDeadLetterQueue"));
    private final List<String> audited = new ArrayList<>();
    private final DeadLetters deadLetters = new DeadLetters(queues,
            (actor, report, detail) -> audited.add(actor.id() + " " + report.value() + " " + detail), Clock.systemUTC());

    @Test
    void aRedriveMovesEveryMessageBackAndAuditsThoseAboutAReport() {
        String report = "01GFM4V7Q2S8W3N5K6P9R0T1X2";
        for (int i = 0; i < 12; i++) {
            queues.put("NotificationDeadLetterQueue", "{\"schema\":\"notice/1\",\"reportId\":\"" + report + "\",\"n\":" + i + "}");
        }
        queues.put("NotificationDeadLetterQueue", "not json at all");

        DeadLetters.Redriven result = deadLetters.redrive(StaffFixtures.SUPERVISOR, "NotificationDeadLetterQueue");

        assertThat(result).isEqualTo(new DeadLetters.Redriven("NotificationDeadLetterQueue", 13, 12, false));
        assertThat(queues.messagesOf("NotificationDeadLetterQueue")).isEmpty();
        assertThat(queues.messagesOf("NotificationQueue")).hasSize(13).contains("not json at all");
        assertThat(audited).hasSize(12).allSatisfy(line -> assertThat(line).startsWith("sub-supervisor " + report));
        assertThat(deadLetters.depths()).extracting(depth -> depth.queue() + "=" + depth.visible())
                .containsExactly("NotificationQueue=13", "NotificationDeadLetterQueue=0");
    }

    @Test
    void onlySupervisorsRedriveAndOnlyDeadLetterQueues() {
        assertThatThrownBy(() -> deadLetters.redrive(StaffFixtures.REVIEWER, "NotificationDeadLetterQueue"))
                .isInstanceOf(StaffNotAllowedException.class);
        assertThatThrownBy(() -> deadLetters.redrive(StaffFixtures.SUPERVISOR, "NotificationQueue"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMessageIsDeletedOnlyAfterItsAuditEntry() {
        queues.put("NotificationDeadLetterQueue", "{\"reportId\":\"01GFM4V7Q2S8W3N5K6P9R0T1X2\"}");
        DeadLetters failing = new DeadLetters(queues, (actor, report, detail) -> {
            throw new IllegalStateException("audit table down");
        }, Clock.systemUTC());

        assertThatThrownBy(() -> failing.redrive(StaffFixtures.SUPERVISOR, "NotificationDeadLetterQueue"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(queues.depths()).filteredOn(depth -> depth.dead()).extracting(depth -> depth.inFlight()).containsExactly(1L);
        assertThat(DeadLetters.reportOf("{\"reportId\": \"01GFM4V7Q2S8W3N5K6P9R0T1X2\"}"))
                .contains(ReportId.parse("01GFM4V7Q2S8W3N5K6P9R0T1X2").orElseThrow());
    }
}

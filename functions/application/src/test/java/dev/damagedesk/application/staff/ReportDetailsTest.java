package dev.damagedesk.application.staff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.staff.StaffAction;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportDetailsTest {

    private final StaffFixtures fixtures = new StaffFixtures();

    @Test
    void theDetailLinksTheDuplicatesCarriesTheWholeTrailAndTheCallersActions() {
        StoredReport first = fixtures.stored(0, ReportStatus.NEEDS_REVIEW, 1_000, "minji@example.com", null, "x", null);
        StoredReport duplicate = fixtures.stored(3, ReportStatus.NEEDS_REVIEW, 1_000, "minji+2@example.com", null, "x",
                first.report().id());
        fixtures.stored(4, ReportStatus.NEEDS_REVIEW, 1_000, "minji@example.com", null, "not linked", null);
        fixtures.trail.append(first.lastEntry());
        StoredReport decided = new StandInDecider(fixtures.store).decide(StaffFixtures.SUPERVISOR, first.report().id(), 1,
                new dev.damagedesk.domain.staff.StaffDecision(StaffAction.APPROVE, null, null, null, null));
        ReportDetails details = new ReportDetails(fixtures.store,
                new dev.damagedesk.application.audit.ReportChanges(fixtures.store, fixtures.trail, java.time.Duration.ofDays(1095),
                        java.time.Clock.systemUTC()), fixtures.contacts, dev.damagedesk.application.testing.UseCaseFixtures.IDENTITY_KEYS,
                (actor, stored) -> actor.role().atLeast(dev.damagedesk.domain.staff.StaffRole.REVIEWER)
                        ? Set.of(StaffAction.REOPEN) : Set.of());

        ReportDetails.ReportDetail detail = details.of(StaffFixtures.REVIEWER, first.report().id()).orElseThrow();

        assertThat(detail.duplicates()).containsExactly(duplicate.report().id());
        assertThat(detail.audit()).extracting(entry -> entry.sequence()).containsExactly(1L, 2L);
        assertThat(detail.audit().get(1)).isEqualTo(decided.lastEntry());
        assertThat(detail.allowedActions()).containsExactly(StaffAction.REOPEN);
        assertThat(details.of(StaffFixtures.VIEWER, first.report().id()).orElseThrow().allowedActions()).isEmpty();
        assertThat(details.of(StaffFixtures.VIEWER, ReportId.parse("01ARZ3NDEKTSV4RRFFQ69G5FAV").orElseThrow())).isEmpty();
    }
}

package dev.damagedesk.application.staff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.report.ReportStatus;
import org.junit.jupiter.api.Test;

class StaffQueueTest {

    private final StaffFixtures fixtures = new StaffFixtures();
    private final StaffQueue queue = new StaffQueue(fixtures.store, fixtures.contacts,
            dev.damagedesk.application.testing.UseCaseFixtures.IDENTITY_KEYS);

    @Test
    void aReporterIsFoundByTheirEmailAsTheProcessorNormalisesItAndByPhone() {
        StoredReport first = fixtures.stored(0, ReportStatus.NEEDS_REVIEW, 1_000, "Minji+Outage@Example.com",
                "010-1234-5678", "x", null);
        StoredReport second = fixtures.stored(5, ReportStatus.AUTO_APPROVED, 1_000, "minji@example.com", null, "y", null);
        fixtures.stored(6, ReportStatus.NEEDS_REVIEW, 1_000, "someone@example.com", "010-9999-0000", "z", null);

        assertThat(queue.byEmail(StaffFixtures.INCIDENT, " MINJI@example.com "))
                .extracting(stored -> stored.report().id()).containsExactly(first.report().id(), second.report().id());
        assertThat(queue.byPhone(StaffFixtures.INCIDENT, "+82 10 1234 5678"))
                .extracting(stored -> stored.report().id()).containsExactly(first.report().id());
        assertThat(queue.byEmail("2099-01-01", "minji@example.com")).isEmpty();
        assertThat(queue.byPhone(StaffFixtures.INCIDENT, "12")).isEmpty();
    }

    @Test
    void aSearchUnderAnotherSecretFindsNothing() {
        fixtures.stored(0, ReportStatus.NEEDS_REVIEW, 1_000, "minji@example.com", "010-1234-5678", "x", null);
        StaffQueue otherSecret = new StaffQueue(fixtures.store, fixtures.contacts,
                dev.damagedesk.domain.risk.IdentityKeys.ephemeral());

        assertThat(queue.byEmail(StaffFixtures.INCIDENT, "minji@example.com")).hasSize(1);
        assertThat(otherSecret.byEmail(StaffFixtures.INCIDENT, "minji@example.com")).isEmpty();
        assertThat(otherSecret.byPhone(StaffFixtures.INCIDENT, "010-1234-5678")).isEmpty();
    }
}

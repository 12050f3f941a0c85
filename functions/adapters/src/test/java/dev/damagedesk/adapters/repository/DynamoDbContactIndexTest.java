package dev.damagedesk.adapters.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.risk.IdentityKeys;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.SharedLocalCloud;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The CONTACT# items in the DynamoDB emulator: counted once per report, and read back for a staff search. */
class DynamoDbContactIndexTest {

    private final LocalCloud cloud = SharedLocalCloud.get();
    private final DynamoDbDuplicateRegistry contacts = new DynamoDbDuplicateRegistry(cloud.aws().dynamoDb(),
            cloud.resources().tableName("ReportsTable"), Duration.ofDays(1), Clock.systemUTC());
    private static final IdentityKeys KEYS = IdentityKeys.ephemeral();
    private final SecureRandom random = new SecureRandom();

    @Test
    void aKeyRemembersEachReportOnceAndAnswersThemAll() {
        String incident = StoreFixtures.uniqueIncident();
        String key = KEYS.phoneKey("010-1234-5678").orElseThrow();
        ReportId first = ReportId.newId(Instant.parse("2022-10-19T01:00:00Z"), random);
        ReportId second = ReportId.newId(Instant.parse("2022-10-19T02:00:00Z"), random);

        assertThat(contacts.recordReport(incident, key, first)).isEqualTo(1);
        assertThat(contacts.recordReport(incident, key, first)).as("a redelivery").isEqualTo(1);
        assertThat(contacts.recordReport(incident, key, second)).isEqualTo(2);

        assertThat(contacts.reportsOf(incident, key)).containsExactlyInAnyOrder(first, second);
        assertThat(contacts.reportsOf(incident, KEYS.emailKey("nobody@example.com"))).isEmpty();
        assertThat(contacts.reportsOf(StoreFixtures.uniqueIncident(), key)).isEmpty();
    }
}

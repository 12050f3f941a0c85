package dev.damagedesk.localruntime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.domain.detection.DetectionRule;
import dev.damagedesk.adapters.incident.IncidentDetection;
import dev.damagedesk.adapters.repository.DynamoDbDetectedIncidents;
import dev.damagedesk.application.incident.DetectIncidents;
import dev.damagedesk.application.memory.InMemoryTrafficTallies;
import dev.damagedesk.domain.detection.DetectedIncident;
import dev.damagedesk.domain.traffic.MinuteTraffic;
import dev.damagedesk.localaws.auth.StaffTokens;
import dev.damagedesk.localaws.mailbox.LocalMailbox;
import dev.damagedesk.localaws.mailbox.LocalMailbox.SentEmail;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Confirm -> every reporter gets one outage notice, through the local runtime: reports submitted to the public API
 * and stored by the processor; the detection run over their arrivals opens a draft; a supervisor confirms it on the
 * admin API with their Cognito token; the job worker fans the notices out in pages from the staff job queue and the
 * notifier sends them through the SES emulator, one per reporter (one reporter sent two reports) and one to a
 * subscriber who asked on the public API. The per-minute tallies are fed here from the reports' receipt times: their
 * DynamoDB writer is the throughput work's, merged separately.
 */
class DetectedIncidentNoticesIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    private static LocalRuntimeUnderTest runtime;
    private static PublicApiClient api;
    private static LocalMailbox mailbox;

    @BeforeAll
    static void start() {
        runtime = LocalRuntimeUnderTest.start();
        api = new PublicApiClient(runtime.apiBaseUri());
        mailbox = runtime.cloud().aws().mailbox();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void aConfirmedOutageOfTwoHoursOrMoreSendsEachReporterAndSubscriberOneNoticeInTheirLanguage() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String twice = "twice-" + run + "@example.com";
        String korean = "korean-" + run + "@example.com";
        String subscriber = "subscriber-" + run + "@example.com";
        PublicApiClient.Reply subscribed = api.send(api.request("/v1/notices/subscriptions")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + subscriber + "\",\"locale\":\"en\","
                        + "\"services\":[\"music\"]}", StandardCharsets.UTF_8)).build());
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(200);

        InMemoryTrafficTallies tallies = new InMemoryTrafficTallies();
        TreeSet<Instant> minutes = new TreeSet<>();
        for (String report : List.of(PublicApiClient.validReport(twice), PublicApiClient.validReport(twice),
                PublicApiClient.validReport(korean).replace("\"locale\":\"en\"", "\"locale\":\"ko\""))) {
            PublicApiClient.Reply accepted = api.submit(report);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            Instant minute = MinuteTraffic.startOf(Instant.parse((String) accepted.json().get("receivedAt")));
            tallies.addArrivals(minute, Map.of("music", 1L));
            minutes.add(minute);
        }
        for (String reporter : List.of(twice, korean)) {
            Eventually.await("the acknowledgement to " + reporter, LIMIT,
                    () -> mailbox.sentTo(reporter).stream().findFirst());
        }

        String table = runtime.cloud().resources().tableName("ReportsTable");
        DetectIncidents.Run detected = IncidentDetection.onTable(runtime.cloud().aws().dynamoDb(), table, tallies,
                new DetectionRule(2, 10, 2, 1), "2022-10-15").run(minutes.last().plusSeconds(60));
        assertThat(detected.outcome()).isEqualTo(DetectIncidents.Outcome.CREATED);

        // The supervisor confirms: the services went down three hours ago and are not back.
        URI admin = runtime.running().apiBaseUris().get("AdminApi");
        String token = StaffTokens.of(runtime.cloud()).accessToken("supervisor");
        String downFrom = Instant.now().minus(Duration.ofHours(3)).toString();
        PublicApiClient.Reply confirmed = api.send(HttpRequest.newBuilder(admin.resolve(
                        "/v1/admin/detected-incidents/" + detected.incidentId() + "/confirm"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"downFrom\":\"" + downFrom + "\"}")).build());
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json()).containsEntry("state", "CONFIRMED").containsEntry("outageNoticesQueued", true);

        SentEmail toKorean = Eventually.await("the outage notice in Korean", LIMIT, () -> outageNotice(korean));
        SentEmail toTwice = Eventually.await("the outage notice to the reporter of two", LIMIT, () -> outageNotice(twice));
        SentEmail toSubscriber = Eventually.await("the outage notice to the subscriber", LIMIT, () -> outageNotice(subscriber));
        ReportJourneyIT.waitUntilQueuesAreIdle(runtime, "StaffJobQueue");
        ReportJourneyIT.waitUntilQueuesAreIdle(runtime, "NotificationQueue");

        assertThat(toKorean.subject()).contains("장애 안내");
        assertThat(toTwice.subject()).isEqualTo("[DamageDesk] Outage notice: music");
        assertThat(toSubscriber.text()).contains(detected.incidentId()).startsWith("Hello,");
        assertThat(mailbox.sentTo(twice)).filteredOn(email -> email.subject().contains("Outage notice")).hasSize(1);
        assertThat(mailbox.sentTo(korean)).filteredOn(email -> email.subject().contains("장애 안내")).hasSize(1);
        DetectedIncident stored = new DynamoDbDetectedIncidents(runtime.cloud().aws().dynamoDb(), table)
                .find(detected.incidentId()).orElseThrow();
        assertThat(stored.decision().by().role()).isNotNull();
        assertThat(runtime.cloud().aws().dynamoDb().getItem(get -> get.tableName(table).key(Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("INCIDENT#" + detected.incidentId()),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("POLICY#ACTIVE")))).hasItem())
                .as("its policy is active").isTrue();
    }

    private static Optional<SentEmail> outageNotice(String to) {
        return mailbox.sentTo(to).stream().filter(email -> email.subject().contains("Outage notice")
                || email.subject().contains("장애 안내")).findFirst();
    }
}

package dev.damagedesk.localruntime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.damagedesk.adapters.repository.DynamoDbSurgeStates;
import dev.damagedesk.adapters.repository.DynamoDbTrafficTallies;
import dev.damagedesk.domain.surge.SurgeMode;
import dev.damagedesk.domain.surge.SurgeState;
import dev.damagedesk.localruntime.poller.SqsEventSourcePoller;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;

/**
 * The surge controller end to end through the local runtime: a wave in the traffic tallies (as the intake writes
 * them), the template's every-minute schedule fires, and the controller's own Lambda SDK call, answered by the
 * runtime's Lambda API, raises the running processor poller's MaximumConcurrency; the intake's 202 then quotes the
 * expected processing time the controller published.
 */
class SurgeControllerIT {

    private static final int SURGE_CEILING = 40;

    private static LocalRuntimeUnderTest runtime;

    @BeforeAll
    static void start() {
        runtime = LocalRuntimeUnderTest.startWith(Map.of("SurgeMaximumConcurrency", Integer.toString(SURGE_CEILING)));
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWaveSwitchesSurgeOnAndTheControllersLambdaCallRaisesTheRunningProcessorPollersConcurrency() throws Exception {
        String table = runtime.cloud().resources().tableName("ReportsTable");
        DynamoDbTrafficTallies tallies = new DynamoDbTrafficTallies(runtime.cloud().aws().dynamoDb(), table);
        Instant thisMinute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        // the same wave in this minute and the two before: whichever minute the run falls in, the last complete one has it
        for (int minutesAgo = 0; minutesAgo <= 2; minutesAgo++) {
            tallies.addArrivals(thisMinute.minus(minutesAgo, ChronoUnit.MINUTES), Map.of("taxi", 9_000L));
            tallies.addProcessed(thisMinute.minus(minutesAgo, ChronoUnit.MINUTES), 1_200, Duration.ofSeconds(40));
        }
        SqsEventSourcePoller processor = runtime.running().pollers().stream()
                .filter(poller -> poller.source().queueLogicalId().equals("IntakeQueue")).findFirst().orElseThrow();
        assertThat(processor.maximumConcurrency()).as("the template's").isEqualTo(10);

        Map<String, Object> answer = JSON.std.mapFrom(runtime.schedules().trigger("SurgeControllerFunction", "EveryMinute"));

        assertThat(answer).containsEntry("mode", "SURGE").containsEntry("processorConcurrency", SURGE_CEILING);
        assertThat(processor.maximumConcurrency()).isEqualTo(SURGE_CEILING);
        assertThat(processor.concurrency()).as("under the local cap").isEqualTo(SqsEventSourcePoller.DEFAULT_CONCURRENCY_CAP);
        try (LambdaClient lambda = LambdaClient.builder().endpointOverride(runtime.running().lambdaApiEndpoint())
                .region(Region.US_EAST_1).httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            List<EventSourceMappingConfiguration> mappings = lambda.listEventSourceMappings(list -> list
                    .functionName("ProcessorFunction")).eventSourceMappings();
            assertThat(mappings).singleElement().satisfies(mapping ->
                    assertThat(mapping.scalingConfig().maximumConcurrency()).isEqualTo(SURGE_CEILING));
        }

        SurgeState published = new DynamoDbSurgeStates(runtime.cloud().aws().dynamoDb(), table).current().orElseThrow();
        assertThat(published.mode()).isEqualTo(SurgeMode.SURGE);
        PublicApiClient.Reply accepted = new PublicApiClient(runtime.apiBaseUri())
                .submit(PublicApiClient.validReport("surge-" + UUID.randomUUID() + "@example.com"));
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(((Number) accepted.json().get("expectedProcessingSeconds")).longValue())
                .isEqualTo(published.expectedProcessing().toSeconds());
    }
}

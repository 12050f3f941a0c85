package dev.damagedesk.localruntime.lambdaapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.localaws.SharedLocalCloud;
import dev.damagedesk.localaws.template.SqsEventSource;
import dev.damagedesk.localruntime.fixtures.SlowSqsHandler;
import dev.damagedesk.localruntime.fixtures.Specs;
import dev.damagedesk.localruntime.function.LocalFunction;
import dev.damagedesk.localruntime.poller.SqsEventSourcePoller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.GetEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.UpdateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The SDK's own Lambda client against the local Lambda API, over a poller of a queue of its own in ElasticMQ: the
 * mapping is listed and read as Lambda shows it, and an update changes how many batches the running poller has in
 * flight.
 */
class LocalLambdaApiTest {

    private static final int CAP = 6;
    private static final String FUNCTION = "SlowConsumer";
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:000000000000:function:" + FUNCTION;

    private final SqsClient sqs = SharedLocalCloud.get().aws().sqs();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private String queueUrl;
    private String queueArn;
    private SqsEventSourcePoller poller;
    private LocalLambdaApi api;
    private LambdaClient lambda;
    private String uuid;

    @BeforeEach
    void start() {
        queueUrl = sqs.createQueue(create -> create.queueName("esm-" + UUID.randomUUID().toString().substring(0, 8))
                .attributes(java.util.Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30"))).queueUrl();
        queueArn = sqs.getQueueAttributes(get -> get.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        LocalFunction function = new LocalFunction(Specs.function(FUNCTION, SlowSqsHandler.class, 5), CAP);
        // one message a batch, MaximumConcurrency 2 as the template would set it
        SqsEventSource source = new SqsEventSource("QueueEvent", "TestQueue", 1, 0, true, 2);
        poller = new SqsEventSourcePoller(sqs, source, queueUrl, queueArn, function, OptionalInt.empty(), CAP);
        api = LocalLambdaApi.start();
        uuid = api.register(FUNCTION, FUNCTION_ARN, queueArn, poller);
        lambda = LambdaClient.builder().endpointOverride(api.endpoint()).region(Region.US_EAST_1)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        toClose.add(function);
        toClose.add(0, poller);
        toClose.add(0, api);
        toClose.add(0, lambda);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        sqs.deleteQueue(delete -> delete.queueUrl(queueUrl));
    }

    @Test
    void theMappingIsListedByFunctionAndQueueAndReadAsLambdaShowsIt() {
        List<EventSourceMappingConfiguration> byName = lambda.listEventSourceMappings(list -> list
                .functionName(FUNCTION).eventSourceArn(queueArn)).eventSourceMappings();
        List<EventSourceMappingConfiguration> byArn = lambda.listEventSourceMappings(list -> list
                .functionName(FUNCTION_ARN)).eventSourceMappings();
        List<EventSourceMappingConfiguration> otherQueue = lambda.listEventSourceMappings(list -> list
                .functionName(FUNCTION).eventSourceArn(queueArn + "-other")).eventSourceMappings();

        assertThat(byName).extracting(EventSourceMappingConfiguration::uuid).containsExactly(uuid);
        assertThat(byArn).extracting(EventSourceMappingConfiguration::uuid).containsExactly(uuid);
        assertThat(otherQueue).isEmpty();
        GetEventSourceMappingResponse mapping = lambda.getEventSourceMapping(get -> get.uuid(uuid));
        assertThat(mapping.eventSourceArn()).isEqualTo(queueArn);
        assertThat(mapping.functionArn()).isEqualTo(FUNCTION_ARN);
        assertThat(mapping.batchSize()).isEqualTo(1);
        assertThat(mapping.state()).isEqualTo("Enabled");
        assertThat(mapping.functionResponseTypesAsStrings()).containsExactly("ReportBatchItemFailures");
        assertThat(mapping.scalingConfig().maximumConcurrency()).isEqualTo(2);
        assertThat(mapping.lastModified()).isNotNull();
    }

    @Test
    void anUpdateOfMaximumConcurrencyChangesTheBatchesTheRunningPollerHasInFlight() throws InterruptedException {
        send(400);
        poller.start();
        assertThat(peakInFlight(Duration.ofSeconds(3))).as("at MaximumConcurrency 2").isEqualTo(2);

        UpdateEventSourceMappingResponse raised = lambda.updateEventSourceMapping(update -> update.uuid(uuid)
                .scalingConfig(scaling -> scaling.maximumConcurrency(CAP)));

        assertThat(raised.scalingConfig().maximumConcurrency()).isEqualTo(CAP);
        assertThat(peakInFlight(Duration.ofSeconds(3))).as("at MaximumConcurrency 6").isGreaterThan(2).isLessThanOrEqualTo(CAP);

        lambda.updateEventSourceMapping(update -> update.uuid(uuid).scalingConfig(scaling -> scaling.maximumConcurrency(3)));
        // the batches over the new limit finish first
        Thread.sleep(SlowSqsHandler.BATCH_MILLIS * 2);
        assertThat(peakInFlight(Duration.ofSeconds(3))).as("back at MaximumConcurrency 3").isEqualTo(3);
        assertThat(lambda.getEventSourceMapping(get -> get.uuid(uuid)).scalingConfig().maximumConcurrency()).isEqualTo(3);
    }

    @Test
    void whatTheLocalRuntimeCannotHonourIsRefusedNotIgnored() {
        assertThatThrownBy(() -> lambda.updateEventSourceMapping(update -> update.uuid(uuid).batchSize(5)))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("BatchSize");
        assertThatThrownBy(() -> lambda.updateEventSourceMapping(update -> update.uuid(uuid)
                .scalingConfig(scaling -> scaling.maximumConcurrency(1))))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("between 2 and 1000");
        assertThatThrownBy(() -> lambda.getEventSourceMapping(get -> get.uuid(UUID.randomUUID().toString())))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> lambda.listFunctions()).isInstanceOf(LambdaException.class)
                .hasMessageContaining("List/Get/UpdateEventSourceMapping only");
        assertThat(poller.maximumConcurrency()).isEqualTo(2);
        assertThat(poller.source().batchSize()).isEqualTo(1);
    }

    /** The most batches in flight at once over the period, sampled every 10 ms. */
    private int peakInFlight(Duration period) throws InterruptedException {
        AtomicInteger peak = new AtomicInteger();
        long end = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < end) {
            peak.accumulateAndGet(poller.inFlight(), Math::max);
            Thread.sleep(10);
        }
        return peak.get();
    }

    private void send(int messages) {
        for (int from = 0; from < messages; from += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id("m" + i).messageBody("message " + (from + i)).build());
            }
            assertThat(sqs.sendMessageBatch(batch -> batch.queueUrl(queueUrl).entries(entries)).failed()).isEmpty();
        }
    }
}

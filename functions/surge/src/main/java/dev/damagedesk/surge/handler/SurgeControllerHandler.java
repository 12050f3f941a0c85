package dev.damagedesk.surge.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.damagedesk.adapters.config.AwsClients;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.incident.IncidentDetection;
import dev.damagedesk.adapters.lambda.PowertoolsTelemetry;
import dev.damagedesk.adapters.lambda.SnapStartPriming;
import dev.damagedesk.adapters.queue.MessageQueue;
import dev.damagedesk.adapters.repository.DynamoDbOperationsTrail;
import dev.damagedesk.adapters.repository.DynamoDbSurgeStates;
import dev.damagedesk.adapters.repository.DynamoDbTrafficTallies;
import dev.damagedesk.adapters.scaling.LambdaProcessorScaling;
import dev.damagedesk.application.audit.AuditOperations;
import dev.damagedesk.application.incident.DetectIncidents;
import dev.damagedesk.application.port.ProcessorScaling;
import dev.damagedesk.application.port.TrafficTallies;
import dev.damagedesk.application.scoring.ReportWriteCost;
import dev.damagedesk.application.surge.ControlSurge;
import dev.damagedesk.domain.detection.DetectionRule;
import dev.damagedesk.domain.surge.ProcessorSizing;
import dev.damagedesk.domain.surge.SurgePolicy;
import dev.damagedesk.domain.surge.SurgeThresholds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The surge controller: the template's every-minute {@code Schedule} and the intake queue's alarm state changes
 * (EventBridge {@code CloudWatch Alarm State Change}; both arrive as EventBridge events) run {@link ControlSurge}
 * once. A failed run loses nothing: the next minute's run reads the same tallies and the queue afresh.
 *
 * <p>More work that must run every minute goes in {@link #alsoEveryMinute} (built in the constructor): each runs
 * after the controller, in the same invocation, with the same clock reading; one failing does not stop the others,
 * and the invocation fails (the errors alarm) after all have run.
 */
public final class SurgeControllerHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    /** One more use case run every minute by this function (e.g. incident detection). */
    @FunctionalInterface
    public interface EveryMinute {
        /** @return figures for the invocation's answer and log line (no personal data) */
        Map<String, Object> run(Instant now);
    }

    private static final Logger LOG = LoggerFactory.getLogger(SurgeControllerHandler.class);

    private final PowertoolsTelemetry telemetry;
    private final ControlSurge control;
    private final Map<String, EveryMinute> alsoEveryMinute;
    private final Clock clock;
    private final Runnable warmUpReads;
    private final SnapStartPriming priming;

    public SurgeControllerHandler() {
        this(FunctionEnvironment.system(), Clock.systemUTC(), SurgeControllerHandler::processorMapping);
    }

    /** @param scaling the processor's event source (a test seam: the Lambda API is the local runtime's) */
    SurgeControllerHandler(FunctionEnvironment environment, Clock clock,
                           BiFunction<AwsClients, FunctionEnvironment, ProcessorScaling> scaling) {
        this.telemetry = PowertoolsTelemetry.forFunction(environment);
        AwsClients clients = new AwsClients(environment);
        DynamoDbClient dynamoDb = clients.dynamoDb();
        String table = environment.required("REPORTS_TABLE");
        MessageQueue intakeQueue = new MessageQueue(clients.sqs(), environment.required("INTAKE_QUEUE_URL"));
        TrafficTallies tallies = new DynamoDbTrafficTallies(dynamoDb, table);
        DynamoDbSurgeStates states = new DynamoDbSurgeStates(dynamoDb, table);
        this.control = new ControlSurge(tallies, intakeQueue::approximateDepth, scaling.apply(clients, environment),
                states, new SurgePolicy(thresholds(environment)),
                new ProcessorSizing(environment.intValue("TABLE_WRITE_BUDGET_PER_SECOND", 4000),
                        ReportWriteCost.WRITES_PER_REPORT, environment.intValue("PROCESSOR_MAXIMUM_CONCURRENCY", 10),
                        environment.intValue("SURGE_MAXIMUM_CONCURRENCY", 100)),
                environment.intValue("PROCESSING_RATE_PER_MINUTE", 600),
                Double.parseDouble(environment.optional("EMAIL_SEND_RATE_PER_SECOND").orElse("14")),
                new AuditOperations(new DynamoDbOperationsTrail(dynamoDb, environment.required("AUDIT_TABLE"))));
        this.alsoEveryMinute = new LinkedHashMap<>();
        // A sharp rise for a service opens a draft incident for staff to confirm, from the same tallies.
        IncidentDetection detection = IncidentDetection.onTable(dynamoDb, table, tallies, detectionRule(environment),
                environment.required("ACTIVE_INCIDENT_ID"));
        alsoEveryMinute("incidentDetection", now -> detectionFigures(detection.run(now)));
        this.clock = clock;
        // SnapStart: the clients built, the state and the queue's depth read; nothing written, nothing scaled
        this.warmUpReads = () -> {
            states.current();
            intakeQueue.approximateDepth();
        };
        this.priming = SnapStartPriming.register("surge", warmUpReads);
    }

    /** Adds work run after the controller in each invocation (in the constructor; a test seam too). */
    SurgeControllerHandler alsoEveryMinute(String name, EveryMinute work) {
        alsoEveryMinute.put(name, work);
        return this;
    }

    /** SnapStart's warm-up (see the constructor); reads only. */
    void warmUp() {
        warmUpReads.run();
    }

    /** What a detection run came to, for the answer and the log line: ids and service names only. */
    static Map<String, Object> detectionFigures(DetectIncidents.Run run) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("outcome", run.outcome().name());
        figures.put("incidentId", run.incidentId());
        figures.put("risingServices", run.risingServices());
        return figures;
    }

    /** The processor's event source mapping on the intake queue, through the Lambda API. */
    static ProcessorScaling processorMapping(AwsClients clients, FunctionEnvironment environment) {
        return new LambdaProcessorScaling(clients.lambda(), environment.required("PROCESSOR_FUNCTION_NAME"),
                environment.required("INTAKE_QUEUE_ARN"));
    }

    /** Incident detection's thresholds; the defaults are the template's. */
    static DetectionRule detectionRule(FunctionEnvironment environment) {
        return new DetectionRule(environment.intValue("DETECTION_RECENT_MINUTES", 3),
                environment.intValue("DETECTION_BASELINE_MINUTES", 30),
                Double.parseDouble(environment.optional("DETECTION_RISE_FACTOR").orElse("5")),
                environment.intValue("DETECTION_FLOOR_PER_MINUTE", 20));
    }

    static SurgeThresholds thresholds(FunctionEnvironment environment) {
        return new SurgeThresholds(environment.intValue("SURGE_BACKLOG_ON", 5000),
                environment.intValue("SURGE_BACKLOG_OFF", 500),
                Duration.ofSeconds(environment.intValue("SURGE_WAIT_ON_SECONDS", 300)),
                Duration.ofSeconds(environment.intValue("SURGE_WAIT_OFF_SECONDS", 60)),
                environment.intValue("SURGE_ARRIVALS_ON_PER_MINUTE", 3000),
                environment.intValue("SURGE_ARRIVALS_OFF_PER_MINUTE", 1000),
                environment.intValue("SURGE_CALM_MINUTES", 5));
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        return telemetry.invoke(context, () -> run(event));
    }

    private Map<String, Object> run(ScheduledEvent event) {
        Instant now = clock.instant();
        ControlSurge.Outcome outcome = control.run(now);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("mode", outcome.state().mode().name());
        answer.put("since", outcome.state().since().toString());
        answer.put("expectedProcessingSeconds", outcome.state().expectedProcessing().toSeconds());
        answer.put("backlog", outcome.reading().backlog());
        answer.put("arrivalsPerMinute", outcome.reading().arrivalsPerMinute());
        answer.put("processedPerMinute", outcome.reading().processedPerMinute());
        answer.put("oldestWaitSeconds", outcome.reading().oldestWait().toSeconds());
        answer.put("processorConcurrency", outcome.processorConcurrency());
        answer.put("switched", outcome.switched().isPresent());
        outcome.switched().ifPresentOrElse(
                change -> LOG.info("Surge controller ({}): switched to {}: {}; processor concurrency {}",
                        event.getDetailType(), change.to(), change.reason(), change.processorConcurrency()),
                () -> LOG.info("Surge controller ({}): {}", event.getDetailType(), answer));
        RuntimeException failed = null;
        for (Map.Entry<String, EveryMinute> work : alsoEveryMinute.entrySet()) {
            try {
                answer.put(work.getKey(), work.getValue().run(now));
            } catch (RuntimeException e) {
                LOG.error("Surge controller: {} failed: {}", work.getKey(), e.toString());
                failed = failed == null ? e : failed;
            }
        }
        if (failed != null) {
            throw failed;
        }
        return answer;
    }
}

package dev.damagedesk.adapters.incident;

import dev.damagedesk.adapters.repository.DynamoDbDetectedIncidents;
import dev.damagedesk.application.incident.DetectIncidents;
import dev.damagedesk.application.port.TrafficTallies;
import dev.damagedesk.domain.detection.DetectionRule;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The entry point of incident detection for the function that runs it each minute (the surge controller): built
 * once per container from the function's environment, then {@link #run(Instant)} on each scheduled event. Logs one
 * line per run with the outcome, the incident id and the rising services: no report content.
 *
 * <p>Settings (template parameters {@code IncidentDetection*}): {@code DETECTION_RECENT_MINUTES},
 * {@code DETECTION_BASELINE_MINUTES}, {@code DETECTION_RISE_FACTOR}, {@code DETECTION_FLOOR_PER_MINUTE}, and
 * {@code ACTIVE_INCIDENT_ID} (what the reports are filed under).
 */
public final class IncidentDetection {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentDetection.class);

    private final DetectIncidents detect;

    IncidentDetection(DetectIncidents detect) {
        this.detect = detect;
    }

    /**
     * @param tallies          the per-minute traffic tallies the intake writes ({@code DynamoDbTrafficTallies} on AWS)
     * @param rule             the thresholds (the function running the detection reads them from its environment)
     * @param sourceIncidentId the incident reports are filed under ({@code ACTIVE_INCIDENT_ID})
     */
    public static IncidentDetection onTable(DynamoDbClient dynamoDb, String reportsTable, TrafficTallies tallies,
                                            DetectionRule rule, String sourceIncidentId) {
        return new IncidentDetection(new DetectIncidents(tallies, new DynamoDbDetectedIncidents(dynamoDb, reportsTable),
                rule, sourceIncidentId));
    }

    public DetectIncidents.Run run(Instant now) {
        DetectIncidents.Run run = detect.run(now);
        if (run.outcome() != DetectIncidents.Outcome.QUIET) {
            LOG.info("Incident detection at {}: {} {} rising {}", now, run.outcome(), run.incidentId(), run.risingServices());
        }
        return run;
    }
}

package dev.damagedesk.intake.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.damagedesk.adapters.config.AwsClients;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.incident.IncidentDirectory;
import dev.damagedesk.adapters.lambda.HttpAnswers;
import dev.damagedesk.adapters.lambda.PowertoolsTelemetry;
import dev.damagedesk.adapters.queue.MessageQueue;
import dev.damagedesk.adapters.repository.DynamoDbReportStore;
import dev.damagedesk.adapters.repository.IdempotencyStore;
import dev.damagedesk.domain.identity.TrackingTokens;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.validation.SubmissionParser;
import dev.damagedesk.intake.status.ReportStatusService;
import dev.damagedesk.intake.submit.ProcessingTimeQuote;
import dev.damagedesk.intake.submit.ReportSubmissionService;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The public HTTP API (API Gateway HTTP API, payload format 2.0): {@code POST /v1/reports} submits a damage
 * report, {@code GET /v1/reports/{reportId}} looks one up with its tracking token.
 */
public final class ReportApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final String SUBMIT_ROUTE = "POST /v1/reports";
    static final String STATUS_ROUTE = "GET /v1/reports/{reportId}";

    private static final Logger LOG = LoggerFactory.getLogger(ReportApiHandler.class);

    private final PowertoolsTelemetry telemetry;
    private final SubmitRoute submit;
    private final StatusRoute status;

    /** Called by Lambda once per container: builds the SDK clients and everything else once. */
    public ReportApiHandler() {
        this(FunctionEnvironment.system(), Clock.systemUTC());
    }

    ReportApiHandler(FunctionEnvironment environment, Clock clock) {
        this.telemetry = PowertoolsTelemetry.forFunction(environment);
        AwsClients clients = new AwsClients(environment);
        DynamoDbClient dynamoDb = clients.dynamoDb();
        SqsClient sqs = clients.sqs();
        String table = environment.required("REPORTS_TABLE");
        String incidentId = environment.required("ACTIVE_INCIDENT_ID");
        TrackingTokens tokens = new TrackingTokens(
                environment.required("TRACKING_TOKEN_SECRET").getBytes(StandardCharsets.UTF_8));
        MessageQueue intakeQueue = new MessageQueue(sqs, environment.required("INTAKE_QUEUE_URL"));
        ProcessingTimeQuote quote = new ProcessingTimeQuote(intakeQueue,
                environment.intValue("PROCESSING_RATE_PER_MINUTE", 600), clock);
        // The same ledger the processor validates against: the imported one, else the bundled one (cached 1 min).
        IncidentDirectory incidents = IncidentDirectory.forFunction(dynamoDb, table, clock);
        this.submit = new SubmitRoute(new ReportSubmissionService(
                () -> new SubmissionParser(incidents.incident(incidentId).services(), clock), intakeQueue,
                new IdempotencyStore(dynamoDb, table), tokens, quote, incidentId, clock, new SecureRandom(),
                telemetry), telemetry);
        this.status = new StatusRoute(new ReportStatusService(DynamoDbReportStore.readOnly(dynamoDb, table), tokens, clock), quote);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return telemetry.invoke(context, () -> route(event));
    }

    private APIGatewayV2HTTPResponse route(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = Headers.lowerCased(event.getHeaders());
        Language language = Language.fromAcceptLanguage(headers.get("accept-language"));
        try {
            return switch (Optional.ofNullable(event.getRouteKey()).orElse("")) {
                case SUBMIT_ROUTE -> submit.handle(event, headers);
                case STATUS_ROUTE -> status.handle(event, headers, language);
                default -> HttpAnswers.error(404, ApiResponses.ROUTE_NOT_FOUND, language);
            };
        } catch (RuntimeException bug) {
            // Logged in full for us (the exception's stack, never the request); the caller gets a plain message.
            LOG.error("Unhandled error on {}", event.getRouteKey(), bug);
            return HttpAnswers.error(500, ApiResponses.INTERNAL, language);
        }
    }
}

package dev.damagedesk.intake.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.damagedesk.adapters.config.AwsClients;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.config.IdentityKeySecret;
import dev.damagedesk.adapters.incident.IncidentDirectory;
import dev.damagedesk.adapters.lambda.HttpAnswers;
import dev.damagedesk.adapters.lambda.PowertoolsTelemetry;
import dev.damagedesk.adapters.lambda.SnapStartPriming;
import dev.damagedesk.adapters.queue.MessageQueue;
import dev.damagedesk.adapters.repository.DynamoDbReportStore;
import dev.damagedesk.adapters.repository.DynamoDbNoticeSubscriptions;
import dev.damagedesk.adapters.repository.DynamoDbSubmissionCounters;
import dev.damagedesk.adapters.repository.DynamoDbSurgeStates;
import dev.damagedesk.adapters.repository.DynamoDbTrafficTallies;
import dev.damagedesk.adapters.repository.IdempotencyStore;
import dev.damagedesk.adapters.traffic.PendingTallies;
import dev.damagedesk.application.intake.SubmissionLimits;
import dev.damagedesk.domain.identity.TrackingTokens;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.validation.SubmissionParser;
import dev.damagedesk.domain.validation.SubscriptionParser;
import dev.damagedesk.intake.status.ReportStatusService;
import dev.damagedesk.intake.submit.ProcessingTimeQuote;
import dev.damagedesk.intake.submit.ReportSubmissionService;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The public HTTP API (API Gateway HTTP API, payload format 2.0): {@code POST /v1/reports} submits a damage
 * report, {@code GET /v1/reports/{reportId}} looks one up with its tracking token, {@code POST /v1/notices/subscriptions}
 * asks for outage notices.
 */
public final class ReportApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final String SUBMIT_ROUTE = "POST /v1/reports";
    static final String STATUS_ROUTE = "GET /v1/reports/{reportId}";
    static final String SUBSCRIBE_ROUTE = "POST /v1/notices/subscriptions";

    /** SnapStart's warm-up (a report that fails validation): placeholder data, nothing personal, never stored. */
    static final String WARM_UP_REPORT = "{\"reporter\":{\"name\":\"Warm-up\",\"email\":\"warm-up@damagedesk.invalid\","
            + "\"phone\":\"010-0000-0000\"},\"locale\":\"ko\",\"service\":\"music\",\"category\":\"paid-subscription\","
            + "\"occurredFrom\":\"2022-10-15T15:30:00+09:00\",\"occurredTo\":\"2022-10-16T15:00:00+09:00\","
            + "\"amountClaimedKrw\":10900,\"description\":\"warm-up\",\"privacyConsent\":false}";

    /** The template's defaults (parameters {@code SubmissionLimitPerContactPerHour}, {@code SubmissionLimitPerClientPerMinute}). */
    static final int DEFAULT_PER_CONTACT_PER_HOUR = 20;
    static final int DEFAULT_PER_CLIENT_PER_MINUTE = 120;

    private static final Logger LOG = LoggerFactory.getLogger(ReportApiHandler.class);

    private final PowertoolsTelemetry telemetry;
    private final SubmitRoute submit;
    private final StatusRoute status;
    private final SubscriptionRoute subscribe;
    private final TrackingTokens tokens;
    private final SecureRandom random;
    private final Clock clock;
    private final MessageQueue intakeQueue;
    private final SnapStartPriming priming;

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
        this.tokens = new TrackingTokens(
                environment.required("TRACKING_TOKEN_SECRET").getBytes(StandardCharsets.UTF_8));
        this.random = new SecureRandom();
        this.clock = clock;
        this.intakeQueue = new MessageQueue(sqs, environment.required("INTAKE_QUEUE_URL"));
        ProcessingTimeQuote quote = new ProcessingTimeQuote(intakeQueue::approximateDepth,
                new DynamoDbSurgeStates(dynamoDb, table), environment.intValue("PROCESSING_RATE_PER_MINUTE", 600), clock);
        // The same ledger the processor validates against: the imported one, else the bundled one (cached 1 min).
        IncidentDirectory incidents = IncidentDirectory.forFunction(dynamoDb, table, clock);
        this.submit = new SubmitRoute(new ReportSubmissionService(
                () -> new SubmissionParser(incidents.incident(incidentId).services(), clock), intakeQueue,
                new IdempotencyStore(dynamoDb, table), tokens, quote, incidentId, clock, random, telemetry,
                // Accepted reports by service, added to the minute's traffic tallies every 10 s at most, never per report.
                new PendingTallies(new DynamoDbTrafficTallies(dynamoDb, table), clock, PendingTallies.INTAKE_INTERVAL),
                new SubmissionLimits(new DynamoDbSubmissionCounters(dynamoDb, table), new SubmissionLimits.Settings(
                        environment.intValue("SUBMISSION_LIMIT_PER_CONTACT_PER_HOUR", DEFAULT_PER_CONTACT_PER_HOUR),
                        environment.intValue("SUBMISSION_LIMIT_PER_CLIENT_PER_MINUTE", DEFAULT_PER_CLIENT_PER_MINUTE)),
                        clock,
                        // a contact's counters under its keyed identity keys (no secret: the init fails here)
                        IdentityKeySecret.identityKeys(environment.optional("IDENTITY_KEY_SECRET")))),
                telemetry);
        this.status = new StatusRoute(new ReportStatusService(DynamoDbReportStore.readOnly(dynamoDb, table), tokens, clock), quote);
        this.subscribe = new SubscriptionRoute(() -> new SubscriptionParser(incidents.incident(incidentId).services()),
                new DynamoDbNoticeSubscriptions(dynamoDb, table), clock);
        this.priming = SnapStartPriming.register("intake", this::warmUp, this::renewRandomness);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return telemetry.invoke(context, () -> route(event));
    }

    /**
     * SnapStart's warm-up, through both routes as a reporter's app calls them: a report that fails validation (so the
     * ledger is read from DynamoDB and the parser, the JSON reader and the error answer are loaded; nothing stored,
     * nothing queued) and a status lookup of a report just issued (a DynamoDB GetItem that finds nothing and the SQS
     * queue depth read for the expected processing time), then a send that SQS refuses ({@link MessageQueue#refusedSend}).
     * Nothing is stored or queued.
     */
    List<APIGatewayV2HTTPResponse> warmUp() {
        APIGatewayV2HTTPEvent report = APIGatewayV2HTTPEvent.builder().withRouteKey(SUBMIT_ROUTE)
                .withHeaders(Map.of("content-type", "application/json", "accept-language", "ko"))
                .withBody(WARM_UP_REPORT).withIsBase64Encoded(false).build();
        ReportId issued = ReportId.newId(clock.instant(), random);
        APIGatewayV2HTTPEvent lookup = APIGatewayV2HTTPEvent.builder().withRouteKey(STATUS_ROUTE)
                .withHeaders(Map.of(StatusRoute.TOKEN_HEADER, tokens.issue(issued)))
                .withPathParameters(Map.of("reportId", issued.value())).build();
        List<APIGatewayV2HTTPResponse> answers = List.of(route(report), route(lookup));
        intakeQueue.refusedSend();
        return answers;
    }

    /** Every instance restored from one snapshot would otherwise draw the same report ids. */
    private void renewRandomness() {
        random.setSeed(random.generateSeed(32));
    }

    private APIGatewayV2HTTPResponse route(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = Headers.lowerCased(event.getHeaders());
        Language language = Language.fromAcceptLanguage(headers.get("accept-language"));
        try {
            return switch (Optional.ofNullable(event.getRouteKey()).orElse("")) {
                case SUBMIT_ROUTE -> submit.handle(event, headers);
                case STATUS_ROUTE -> status.handle(event, headers, language);
                case SUBSCRIBE_ROUTE -> subscribe.handle(event, headers, language);
                default -> HttpAnswers.error(404, ApiResponses.ROUTE_NOT_FOUND, language);
            };
        } catch (RuntimeException bug) {
            // Logged in full for us (the exception's stack, never the request); the caller gets a plain message.
            LOG.error("Unhandled error on {}", event.getRouteKey(), bug);
            return HttpAnswers.error(500, ApiResponses.INTERNAL, language);
        }
    }
}

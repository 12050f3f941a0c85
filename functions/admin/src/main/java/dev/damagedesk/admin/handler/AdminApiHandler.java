package dev.damagedesk.admin.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.damagedesk.adapters.config.FunctionEnvironment;
import dev.damagedesk.adapters.json.Json;
import dev.damagedesk.adapters.json.ReportViews;
import dev.damagedesk.adapters.lambda.HttpAnswers;
import dev.damagedesk.adapters.lambda.PowertoolsTelemetry;
import dev.damagedesk.adapters.lambda.SnapStartPriming;
import dev.damagedesk.application.audit.AuditOperations;
import dev.damagedesk.application.incident.DecideDetectedIncident;
import dev.damagedesk.application.incident.IncidentLedgers;
import dev.damagedesk.application.incident.PolicyVersions;
import dev.damagedesk.application.port.QueuePage;
import dev.damagedesk.application.port.QueueQuery;
import dev.damagedesk.application.port.StaleReportException;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.application.staff.BulkDecisions;
import dev.damagedesk.application.staff.DashboardFigures;
import dev.damagedesk.application.staff.DeadLetters;
import dev.damagedesk.application.staff.EraseReporterData;
import dev.damagedesk.application.staff.FilterTally;
import dev.damagedesk.application.staff.InvalidDecisionException;
import dev.damagedesk.application.staff.ReportDetails.ReportDetail;
import dev.damagedesk.application.staff.ReportFilter;
import dev.damagedesk.application.staff.StaffJob;
import dev.damagedesk.domain.audit.AuditChain;
import dev.damagedesk.domain.detection.DetectedIncident;
import dev.damagedesk.domain.detection.DetectionState;
import dev.damagedesk.domain.privacy.ErasureReason;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.surge.SurgeMode;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffAction;
import dev.damagedesk.domain.staff.StaffDecision;
import dev.damagedesk.domain.staff.StaffNotAllowedException;
import dev.damagedesk.domain.staff.StaffRole;
import dev.damagedesk.domain.triage.IllegalTransitionException;
import dev.damagedesk.domain.validation.ErrorCodes;
import dev.damagedesk.domain.validation.FieldError;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The staff HTTP API ({@code AdminApi}, payload format 2.0, docs/admin-api.md). API Gateway's JWT authorizer has
 * already refused a missing or bad token; this function reads the caller's role from the token's groups, calls
 * the use case of the route and maps its result. Bad input is a 4xx with field errors, an unreachable dependency a
 * 503 with {@code Retry-After}; nothing else is a 5xx.
 */
public final class AdminApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final String ME = "GET /v1/admin/me";
    static final String QUEUE = "GET /v1/admin/reports";
    static final String SEARCH = "GET /v1/admin/reports/search";
    static final String DETAIL = "GET /v1/admin/reports/{reportId}";
    static final String DECIDE = "POST /v1/admin/reports/{reportId}/decisions";
    static final String AUDIT = "GET /v1/admin/reports/{reportId}/audit";
    static final String ERASE = "POST /v1/admin/reports/{reportId}/erasure";
    static final String BULK = "POST /v1/admin/bulk-decisions";
    static final String EXPORT = "POST /v1/admin/exports";
    static final String JOB = "GET /v1/admin/jobs/{jobId}";
    static final String DASHBOARD = "GET /v1/admin/dashboard";
    static final String INCIDENTS = "GET /v1/admin/incidents";
    static final String INCIDENT = "GET /v1/admin/incidents/{incidentId}";
    static final String IMPORT_INCIDENT = "PUT /v1/admin/incidents/{incidentId}";
    static final String POLICY_VERSIONS = "GET /v1/admin/incidents/{incidentId}/policies";
    static final String POLICIES = "POST /v1/admin/incidents/{incidentId}/policies";
    static final String DETECTED = "GET /v1/admin/detected-incidents";
    static final String CONFIRM_DETECTED = "POST /v1/admin/detected-incidents/{incidentId}/confirm";
    static final String DISMISS_DETECTED = "POST /v1/admin/detected-incidents/{incidentId}/dismiss";
    static final String DEAD_LETTERS = "GET /v1/admin/dead-letters";
    static final String REDRIVE = "POST /v1/admin/dead-letters/{queue}/redrive";
    static final String OPERATIONS = "GET /v1/admin/operations";

    /** The largest request body any route accepts (a policy document is the largest). */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(AdminApiHandler.class);

    private final AdminServices services;
    private final SnapStartPriming priming;

    private final PowertoolsTelemetry telemetry;

    /** Called by Lambda once per container: builds the SDK clients and everything else once. */
    public AdminApiHandler() {
        this(FunctionEnvironment.system());
    }

    private AdminApiHandler(FunctionEnvironment environment) {
        this(PowertoolsTelemetry.forFunction(environment), environment);
    }

    private AdminApiHandler(PowertoolsTelemetry telemetry, FunctionEnvironment environment) {
        this(AdminWiring.services(environment, telemetry), telemetry);
    }

    AdminApiHandler(AdminServices services, PowertoolsTelemetry telemetry) {
        this.services = services;
        this.telemetry = telemetry;
        this.priming = SnapStartPriming.register("admin", this::warmUp);
    }

    /** SnapStart's warm-up: the clients built, a job looked up (a GetItem that finds nothing); nothing decided. */
    void warmUp() {
        services.jobs().find(StaffJobHandler.ABSENT_JOB);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return telemetry.invoke(context, () -> route(event));
    }

    private APIGatewayV2HTTPResponse route(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = lowerCased(event.getHeaders());
        Language language = Language.fromAcceptLanguage(headers.get("accept-language"));
        Optional<Actor> caller = StaffClaims.actorOf(event);
        if (caller.isEmpty()) {
            return HttpAnswers.error(403, AdminResponses.NO_STAFF_ROLE, language);
        }
        Actor actor = caller.get();
        String route = Optional.ofNullable(event.getRouteKey()).orElse("");
        try {
            return switch (route) {
                case ME -> me(actor);
                case QUEUE -> queue(event, language);
                case SEARCH -> search(event, language);
                case DETAIL -> detail(actor, pathId(event), language);
                case DECIDE -> decide(actor, event, language);
                case AUDIT -> audit(actor, pathId(event), language);
                case ERASE -> erase(actor, event, language);
                case BULK -> bulk(actor, event, language);
                case EXPORT -> export(actor, event, language);
                case JOB -> job(actor, event, language);
                case DASHBOARD -> dashboard(event);
                case INCIDENTS -> incidents();
                case INCIDENT -> incident(event);
                case POLICY_VERSIONS -> policyVersions(event);
                case IMPORT_INCIDENT -> importIncident(actor, event);
                case POLICIES -> policy(actor, event);
                case DETECTED -> detectedIncidents();
                case CONFIRM_DETECTED -> decideDetected(actor, event, true);
                case DISMISS_DETECTED -> decideDetected(actor, event, false);
                case DEAD_LETTERS -> deadLetters();
                case REDRIVE -> redrive(actor, event);
                case OPERATIONS -> operations(event, language);
                default -> HttpAnswers.error(404, AdminResponses.ROUTE_NOT_FOUND, language);
            };
        } catch (BadRequest bad) {
            return HttpAnswers.errors(bad.status, bad.errors, language);
        } catch (StaffNotAllowedException refused) {
            return HttpAnswers.error(403, refused.why() == StaffNotAllowedException.Why.OVER_DECISION_LIMIT
                    ? AdminResponses.OVER_LIMIT : AdminResponses.forbidden(neededFor(route)), language);
        } catch (SdkException unavailable) {
            // The SDK's message names the service and the error, never a report's content.
            LOG.warn("Admin route {} failed, a dependency is unavailable: {}", route, unavailable.toString());
            return HttpAnswers.unavailable(AdminResponses.UNAVAILABLE, language);
        } catch (RuntimeException bug) {
            LOG.error("Unhandled error on {}: {}", route, bug.getClass().getName());
            return HttpAnswers.error(500, AdminResponses.INTERNAL, language);
        }
    }

    private APIGatewayV2HTTPResponse me(Actor actor) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", actor.id());
        body.put("username", actor.name());
        body.put("role", actor.role().group());
        body.put("decisionLimitKrw", actor.role() == StaffRole.SUPERVISOR ? null : services.decisionLimitKrw());
        return HttpAnswers.json(200, body);
    }

    private APIGatewayV2HTTPResponse queue(APIGatewayV2HTTPEvent event, Language language) {
        List<FieldError> errors = new ArrayList<>();
        Optional<QueueQuery> query = RequestParameters.queueQuery(parameters(event), errors);
        if (query.isEmpty()) {
            throw new BadRequest(400, errors);
        }
        QueuePage page;
        try {
            page = services.queue().page(query.get());
        } catch (IllegalArgumentException badCursor) {
            throw new BadRequest(400, List.of(AdminResponses.invalid("cursor", "is not a cursor of this query",
                    "이 조회의 커서가 아닙니다")));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", ReportViews.summaries(page.reports(), services.clock().instant()));
        body.put("nextCursor", page.nextCursor());
        return HttpAnswers.json(200, body);
    }

    private APIGatewayV2HTTPResponse search(APIGatewayV2HTTPEvent event, Language language) {
        Map<String, String> parameters = parameters(event);
        String incident = Optional.ofNullable(parameters.get("incident")).filter(value -> !value.isBlank())
                .orElse(services.activeIncidentId());
        String email = parameters.get("email");
        String phone = parameters.get("phone");
        List<FieldError> errors = new ArrayList<>();
        parameters.keySet().stream().filter(name -> !Set.of("incident", "email", "phone").contains(name)).sorted()
                .forEach(name -> errors.add(AdminResponses.unknownField(name)));
        boolean hasEmail = email != null && !email.isBlank();
        boolean hasPhone = phone != null && !phone.isBlank();
        if (hasEmail == hasPhone) {
            errors.add(new FieldError("email", ErrorCodes.REQUIRED, "Give either email or phone (one of them).",
                    "email 또는 phone 중 하나만 주세요."));
        }
        if (hasEmail && (email.length() > 254 || !email.contains("@"))) {
            errors.add(AdminResponses.invalid("email", "is not an email address", "이메일 주소가 아닙니다"));
        }
        if (!errors.isEmpty()) {
            throw new BadRequest(400, errors);
        }
        List<StoredReport> found = hasEmail ? services.queue().byEmail(incident, email)
                : services.queue().byPhone(incident, phone);
        return HttpAnswers.json(200, Map.of("items", ReportViews.summaries(found, services.clock().instant())));
    }

    private APIGatewayV2HTTPResponse detail(Actor actor, ReportId id, Language language) {
        ReportDetail detail = services.details().of(actor, id)
                .orElseThrow(() -> new BadRequest(404, List.of(AdminResponses.REPORT_NOT_FOUND)));
        Map<String, Object> body = new LinkedHashMap<>(ReportViews.detail(detail, services.clock().instant()));
        // Its link to a detected incident: the one whose services and window it falls in (not stored per report).
        var report = detail.stored().report();
        body.put("detectedIncidentId", services.detections().of(report.incidentId(), report.submission().service(),
                report.receivedAt()).map(DetectedIncident::id).orElse(null));
        return HttpAnswers.json(200, body);
    }

    private APIGatewayV2HTTPResponse audit(Actor actor, ReportId id, Language language) {
        ReportDetail detail = services.details().of(actor, id)
                .orElseThrow(() -> new BadRequest(404, List.of(AdminResponses.REPORT_NOT_FOUND)));
        // Checked from the store, not from the detail's copy, so that the answer names what is stored now.
        AuditChain.Verification chain = services.auditChains().report(id)
                .orElseThrow(() -> new BadRequest(404, List.of(AdminResponses.REPORT_NOT_FOUND))).verification();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entries", detail.audit().stream().map(ReportViews::auditEntry).toList());
        body.put("chain", verdict(chain));
        return HttpAnswers.json(200, body);
    }

    /** The operations trail's latest entries (surge switches, detected incidents' decisions), newest last. */
    private APIGatewayV2HTTPResponse operations(APIGatewayV2HTTPEvent event, Language language) {
        List<FieldError> errors = new ArrayList<>();
        int limit = RequestParameters.limit(parameters(event), OPERATIONS_LIMIT, errors);
        if (!errors.isEmpty()) {
            throw new BadRequest(400, errors);
        }
        AuditOperations.Window window = services.operations().latest(limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entries", window.entries().stream().map(ReportViews::operationEntry).toList());
        body.put("chain", verdict(window.chain()));
        return HttpAnswers.json(200, body);
    }

    /** The most entries one operations page shows by default. */
    static final int OPERATIONS_LIMIT = 50;

    /** {@code chain}: whether the entries link up, and where the first broken link is. */
    private static Map<String, Object> verdict(AuditChain.Verification chain) {
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("intact", chain.intact());
        verdict.put("firstBrokenSequence", chain.firstBrokenSequence());
        verdict.put("problem", chain.problem() == null ? null : chain.problem().code());
        return verdict;
    }

    private APIGatewayV2HTTPResponse decide(Actor actor, APIGatewayV2HTTPEvent event, Language language) {
        requireRole(actor, StaffRole.REVIEWER); // a viewer is refused whatever the path says
        ReportId id = pathId(event);
        Map<String, Object> body = body(event);
        List<FieldError> errors = new ArrayList<>();
        unknownFields(body, Set.of("action", "version", "amountKrw", "reason", "deadline", "duplicateOf"), "", errors);
        Optional<StaffAction> action = action(body.get("action"), "action", errors);
        Long version = wholeNumber(body, "version", true, 1, errors);
        Long amount = wholeNumber(body, "amountKrw", false, 0, errors);
        String reason = text(body, "reason", 2000, errors);
        Instant deadline = instant(body, "deadline", errors);
        ReportId duplicateOf = reportId(body, "duplicateOf", errors);
        if (!errors.isEmpty()) {
            throw new BadRequest(400, errors);
        }
        StaffDecision decision = new StaffDecision(action.get(), amount, reason, deadline, duplicateOf);
        try {
            services.decider().decide(actor, id, version, decision);
        } catch (StaleReportException stale) {
            throw new BadRequest(409, List.of(AdminResponses.STALE_VERSION));
        } catch (IllegalTransitionException refused) {
            throw new BadRequest(409, List.of(AdminResponses.TRANSITION_NOT_ALLOWED));
        } catch (NoSuchElementException missing) {
            throw new BadRequest(404, List.of(AdminResponses.REPORT_NOT_FOUND));
        } catch (InvalidDecisionException invalid) {
            throw new BadRequest(400, invalid.errors());
        }
        return detail(actor, id, language);
    }

    /** A supervisor erases the reporter's personal data: {@code {reason, version}} → the erased report's detail. */
    private APIGatewayV2HTTPResponse erase(Actor actor, APIGatewayV2HTTPEvent event, Language language) {
        requireRole(actor, StaffRole.SUPERVISOR);
        ReportId id = pathId(event);
        Map<String, Object> body = body(event);
        List<FieldError> errors = new ArrayList<>();
        unknownFields(body, Set.of("reason", "version"), "", errors);
        Optional<ErasureReason> reason = body.get("reason") instanceof String code ? ErasureReason.fromCode(code)
                : Optional.empty();
        if (body.get("reason") == null) {
            errors.add(AdminResponses.required("reason"));
        } else if (reason.isEmpty()) {
            errors.add(new FieldError("reason", ErrorCodes.NOT_ALLOWED, "reason must be REQUEST or RETENTION_ENDED.",
                    "reason 값은 REQUEST 또는 RETENTION_ENDED여야 합니다."));
        }
        Long version = wholeNumber(body, "version", true, 1, errors);
        if (!errors.isEmpty()) {
            throw new BadRequest(400, errors);
        }
        EraseReporterData.Result result;
        try {
            result = services.erasure().erase(id, version, reason.get(), actor);
        } catch (StaleReportException stale) {
            throw new BadRequest(409, List.of(AdminResponses.STALE_VERSION));
        }
        if (result instanceof EraseReporterData.NotFound) {
            throw new BadRequest(404, List.of(AdminResponses.REPORT_NOT_FOUND));
        }
        return detail(actor, id, language);
    }

    private APIGatewayV2HTTPResponse bulk(Actor actor, APIGatewayV2HTTPEvent event, Language language) {
        requireRole(actor, StaffRole.REVIEWER);
        Map<String, Object> body = body(event);
        List<FieldError> errors = new ArrayList<>();
        unknownFields(body, Set.of("filter", "action", "reason", "deadline", "dryRun"), "", errors);
        Optional<ReportFilter> filter = filter(body, errors);
        Optional<StaffAction> action = action(body.get("action"), "action", errors);
        action.filter(chosen -> !BulkDecisions.BULK_ACTIONS.contains(chosen)).ifPresent(chosen -> errors.add(
                new FieldError("action", ErrorCodes.NOT_ALLOWED, "Bulk decisions approve, reject or request documents.",
                        "일괄 결정은 승인, 반려, 서류 요청만 할 수 있습니다.")));
        String reason = text(body, "reason", 2000, errors);
        Instant deadline = instant(body, "deadline", errors);
        boolean dryRun = flag(body, "dryRun", true, errors);
        if (!errors.isEmpty()) {
            throw new BadRequest(400, errors);
        }
        StaffDecision decision = new StaffDecision(action.get(), null, reason, deadline, null);
        if (dryRun) {
            FilterTally tally = services.bulk().dryRun(actor, filter.get(), decision);
            return HttpAnswers.json(200, Map.of("reports", tally.reports(), "amountKrw", tally.amountKrw()));
        }
        StaffJob job = services.bulk().start(UUID.randomUUID().toString(), actor, filter.get(), decision);
        return HttpAnswers.json(202, Map.of("jobId", job.jobId(), "total", job.total()));
    }

    private APIGatewayV2HTTPResponse export(Actor actor, APIGatewayV2HTTPEvent event, Language language) {
        Map<String, Object> body = body(event);
        List<FieldError> errors = new ArrayList<>();
        unknownFields(body, Set.of("filter", "includePersonalData"), "", errors);
        Optional<ReportFilter> filter = filter(body, errors);
        boolean personal = flag(body, "includePersonalData", false, errors);
        if (!errors.isEmpty()) {
            throw new BadRequest(400, errors);
        }
        if (personal) {
            requireRole(actor, StaffRole.SUPERVISOR);
        }
        StaffJob job = services.exports().start(UUID.randomUUID().toString(), actor, filter.get(), personal);
        return HttpAnswers.json(202, Map.of("jobId", job.jobId(), "total", job.total()));
    }

    private APIGatewayV2HTTPResponse job(Actor actor, APIGatewayV2HTTPEvent event, Language language) {
        String jobId = event.getPathParameters() == null ? null : event.getPathParameters().get("jobId");
        if (jobId == null || !jobId.matches("[0-9a-f-]{36}")) {
            throw new BadRequest(404, List.of(AdminResponses.JOB_NOT_FOUND));
        }
        StaffJob job = services.jobs().find(jobId)
                .orElseThrow(() -> new BadRequest(404, List.of(AdminResponses.JOB_NOT_FOUND)));
        if (job.includePersonalData()) {
            requireRole(actor, StaffRole.SUPERVISOR); // its link opens personal data
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jobId", job.jobId());
        body.put("kind", job.kind().name());
        body.put("status", job.status().name());
        body.put("total", job.total());
        body.put("processed", job.processed());
        body.put("skipped", job.skipped());
        body.put("failed", job.failed());
        body.put("amountKrw", job.amountKrw());
        body.put("createdAt", job.createdAt().toString());
        body.put("startedBy", ReportViews.actor(job.actor()));
        services.exports().downloadUrl(job).ifPresent(url -> body.put("downloadUrl", url.toString()));
        return HttpAnswers.json(200, body);
    }

    private APIGatewayV2HTTPResponse incidents() {
        List<Map<String, Object>> items = services.ledgers().list().stream().map(listed -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("incidentId", listed.incident().id());
            view.put("title", listed.incident().title());
            view.put("status", listed.incident().status().name());
            view.put("services", listed.incident().services().stream().sorted().toList());
            view.put("activePolicyVersion", listed.activePolicyVersion());
            return view;
        }).toList();
        return HttpAnswers.json(200, Map.of("items", items));
    }

    private APIGatewayV2HTTPResponse policyVersions(APIGatewayV2HTTPEvent event) {
        List<PolicyVersions.Listed> versions;
        try {
            versions = services.policies().versions(incidentId(event));
        } catch (IllegalArgumentException unknown) {
            throw new BadRequest(404, List.of(INCIDENT_NOT_FOUND));
        }
        List<Map<String, Object>> items = versions.stream().map(version -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("version", version.version());
            view.put("policyVersion", version.policyVersion());
            view.put("active", version.active());
            view.put("publishedAt", version.publishedAt() == null ? null : version.publishedAt().toString());
            view.put("bundled", version.publishedAt() == null);
            return view;
        }).toList();
        return HttpAnswers.json(200, Map.of("items", items));
    }

    private APIGatewayV2HTTPResponse incident(APIGatewayV2HTTPEvent event) {
        try {
            return HttpAnswers.json(200, services.ledgers().exportLedger(incidentId(event)));
        } catch (IllegalArgumentException unknown) {
            throw new BadRequest(404, List.of(INCIDENT_NOT_FOUND));
        }
    }

    private APIGatewayV2HTTPResponse importIncident(Actor actor, APIGatewayV2HTTPEvent event) {
        requireRole(actor, StaffRole.SUPERVISOR);
        String incidentId = incidentId(event);
        IncidentLedgers.Imported result = services.ledgers().importLedger(incidentId, body(event));
        if (result instanceof IncidentLedgers.Imported.Invalid invalid) {
            throw new BadRequest(400, invalid.errors());
        }
        return HttpAnswers.json(200, services.ledgers().exportLedger(incidentId));
    }

    private APIGatewayV2HTTPResponse policy(Actor actor, APIGatewayV2HTTPEvent event) {
        requireRole(actor, StaffRole.SUPERVISOR);
        String incidentId = incidentId(event);
        Map<String, Object> body = body(event);
        List<FieldError> errors = new ArrayList<>();
        unknownFields(body, Set.of("document", "dryRun"), "", errors);
        boolean dryRun = flag(body, "dryRun", true, errors);
        if (!(body.get("document") instanceof Map<?, ?>)) {
            errors.add(AdminResponses.required("document"));
        }
        if (!errors.isEmpty()) {
            throw new BadRequest(400, errors);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> document = (Map<String, Object>) body.get("document");
        if (!incidentId.equals(document.get("incidentId"))) {
            throw new BadRequest(400, List.of(AdminResponses.invalid("document.incidentId", "must be " + incidentId,
                    incidentId + "이어야 합니다")));
        }
        if (dryRun) {
            List<FieldError> problems = services.policies().validate(document);
            if (!problems.isEmpty()) {
                throw new BadRequest(400, problems);
            }
            return HttpAnswers.json(200, Map.of("valid", true));
        }
        PolicyVersions.Result result;
        try {
            result = services.policies().publish(document);
        } catch (IllegalStateException conflict) {
            throw new BadRequest(409, List.of(new FieldError("document.version", "version-conflict",
                    "This version is already published with other content; publish a new version.",
                    "이 버전은 다른 내용으로 이미 게시되었습니다. 새 버전으로 게시해 주세요.")));
        }
        if (result instanceof PolicyVersions.Result.Invalid invalid) {
            throw new BadRequest(400, invalid.errors());
        }
        PolicyVersions.Result.Published published = (PolicyVersions.Result.Published) result;
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("policyVersion", published.policyVersion());
        answer.put("active", published.active());
        answer.put("rescoringQueuedFor", published.servicesQueued());
        return HttpAnswers.json(200, answer);
    }

    /** The detected incidents the admin page lists: the latest first. */
    static final int DETECTED_LISTED = 20;

    private APIGatewayV2HTTPResponse detectedIncidents() {
        return HttpAnswers.json(200, Map.of("items",
                services.detections().latest(DETECTED_LISTED).stream().map(AdminApiHandler::detectedView).toList()));
    }

    private APIGatewayV2HTTPResponse decideDetected(Actor actor, APIGatewayV2HTTPEvent event, boolean confirm) {
        requireRole(actor, StaffRole.SUPERVISOR);
        String id = incidentId(event);
        Instant downFrom = null;
        Instant restoredAt = null;
        if (confirm && event.getBody() != null && !event.getBody().isBlank()) {
            Map<String, Object> body = body(event);
            List<FieldError> errors = new ArrayList<>();
            unknownFields(body, Set.of("downFrom", "restoredAt"), "", errors);
            downFrom = instant(body, "downFrom", errors);
            restoredAt = instant(body, "restoredAt", errors);
            if (!errors.isEmpty()) {
                throw new BadRequest(400, errors);
            }
        } else if (!confirm && event.getBody() != null && !event.getBody().isBlank()) {
            List<FieldError> errors = new ArrayList<>();
            unknownFields(body(event), Set.of(), "", errors);
            if (!errors.isEmpty()) {
                throw new BadRequest(400, errors);
            }
        }
        DecideDetectedIncident.Result result;
        try {
            result = confirm ? services.detections().confirm(actor, id, downFrom, restoredAt)
                    : services.detections().dismiss(actor, id);
        } catch (DetectedIncident.InvalidOutage invalid) {
            throw new BadRequest(400, List.of(AdminResponses.invalid(invalid.field(),
                    "must not be after now, and the services are restored after they went down",
                    "지금보다 늦을 수 없고, 복구 시각은 중단 시각보다 늦어야 합니다")));
        }
        if (result instanceof DecideDetectedIncident.Result.NotFound) {
            throw new BadRequest(404, List.of(INCIDENT_NOT_FOUND));
        }
        if (result instanceof DecideDetectedIncident.Result.AlreadyDecided already) {
            throw new BadRequest(409, List.of(new FieldError("incidentId", "already-decided",
                    "This incident is already " + already.state().name().toLowerCase(Locale.ROOT) + ".",
                    "이 사고는 이미 " + (already.state() == DetectionState.CONFIRMED ? "확정" : "기각") + "되었습니다.")));
        }
        DecideDetectedIncident.Result.Decided decided = (DecideDetectedIncident.Result.Decided) result;
        // The audit line: who decided what; the decision itself is kept on the incident.
        LOG.info("Detected incident {} {} by {}", id, decided.incident().state(), actor.id());
        Map<String, Object> view = new LinkedHashMap<>(detectedView(decided.incident()));
        view.put("policyVersion", decided.policyVersion());
        view.put("outageNoticesQueued", decided.outageNoticesQueued());
        return HttpAnswers.json(200, view);
    }

    private static Map<String, Object> detectedView(DetectedIncident incident) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("incidentId", incident.id());
        view.put("state", incident.state().name());
        view.put("sourceIncidentId", incident.sourceIncidentId());
        view.put("services", List.copyOf(incident.services()));
        view.put("firstSeen", incident.firstSeen().toString());
        view.put("lastSeen", incident.lastSeen().toString());
        view.put("open", incident.open());
        view.put("countsPerMinute", incident.countsPerMinute().entrySet().stream().map(minute -> {
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("at", minute.getKey().toString());
            counts.put("byService", minute.getValue());
            return counts;
        }).toList());
        if (incident.decision() != null) {
            Map<String, Object> decision = new LinkedHashMap<>();
            decision.put("by", ReportViews.actor(incident.decision().by()));
            decision.put("at", incident.decision().at().toString());
            decision.put("downFrom", incident.decision().downFrom() == null ? null : incident.decision().downFrom().toString());
            decision.put("restoredAt", incident.decision().restoredAt() == null ? null : incident.decision().restoredAt().toString());
            if (incident.state() == DetectionState.CONFIRMED) {
                decision.put("outageMinutes", incident.outage().duration().toMinutes());
                decision.put("outageNotified", incident.notifiesOutage());
            }
            view.put("decision", decision);
        } else {
            view.put("decision", null);
        }
        return view;
    }

    private static final FieldError INCIDENT_NOT_FOUND = new FieldError("incidentId", "not_found",
            "No incident has this id.", "이 번호의 사고가 없습니다.");

    private static String incidentId(APIGatewayV2HTTPEvent event) {
        String raw = event.getPathParameters() == null ? null : event.getPathParameters().get("incidentId");
        if (raw == null || !raw.matches("[A-Za-z0-9-]{1,64}")) {
            throw new BadRequest(404, List.of(INCIDENT_NOT_FOUND));
        }
        return raw;
    }

    /** The incident's report figures (bounded reads of the last 48 hours, DashboardFigures) and the queues'. */
    private APIGatewayV2HTTPResponse dashboard(APIGatewayV2HTTPEvent event) {
        Map<String, String> parameters = parameters(event);
        List<FieldError> errors = new ArrayList<>();
        parameters.keySet().stream().filter(name -> !name.equals("incident")).sorted()
                .forEach(name -> errors.add(AdminResponses.unknownField(name)));
        if (!errors.isEmpty()) {
            throw new BadRequest(400, errors);
        }
        String incidentId = Optional.ofNullable(parameters.get("incident")).map(String::strip)
                .filter(value -> !value.isEmpty()).orElse(services.activeIncidentId());
        if (!incidentId.matches("[A-Za-z0-9-]{1,64}")) {
            throw new BadRequest(404, List.of(INCIDENT_NOT_FOUND));
        }
        DashboardFigures.Figures figures;
        try {
            figures = services.dashboard().of(incidentId);
        } catch (IllegalArgumentException unknown) {
            throw new BadRequest(404, List.of(INCIDENT_NOT_FOUND));
        }
        List<Map<String, Object>> queues = services.deadLetters().depths().stream().map(depth -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("queue", depth.queue());
            view.put("deadLetter", depth.dead());
            view.put("source", depth.source());
            view.put("depth", depth.visible());
            view.put("inFlight", depth.inFlight());
            view.put("delayed", depth.delayed());
            view.put("oldestMessageAgeSeconds", depth.oldestAgeSeconds());
            return view;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("incidentId", figures.incidentId());
        body.put("generatedAt", figures.generatedAt().toString());
        body.put("from", figures.from().toString());
        body.put("truncated", figures.truncated());
        body.put("reportsPerMinute", buckets(figures.perMinute()));
        body.put("reportsPerHour", buckets(figures.perHour()));
        body.put("countsByStatus", figures.countsByStatus());
        body.put("countsByReason", figures.countsByReason());
        body.put("moneyByRule", figures.moneyByRule());
        body.put("queues", queues);
        body.put("deadLetters", deadLetterCounts());
        body.put("surge", surge(figures.surge()));
        // The detection episode going on, if any (its counts per minute are on the incidents screen).
        body.put("detectedIncident", services.detections().open().map(open -> {
            Map<String, Object> view = new LinkedHashMap<>(detectedView(open));
            view.remove("countsPerMinute");
            return view;
        }).orElse(null));
        return HttpAnswers.json(200, body);
    }

    /** {@code surge}: the mode as the surge controller last published it, and the window's switches, newest first. */
    private static Map<String, Object> surge(DashboardFigures.Surge surge) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("mode", surge.state().map(state -> state.mode().name()).orElse(SurgeMode.NORMAL.name()));
        view.put("since", surge.state().map(state -> state.since().toString()).orElse(null));
        view.put("expectedProcessingSeconds", surge.state().map(state -> state.expectedProcessing().toSeconds())
                .orElse(null));
        view.put("updatedAt", surge.state().map(state -> state.updatedAt().toString()).orElse(null));
        view.put("switches", surge.switches().stream().map(change -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("at", change.at().toString());
            row.put("to", change.to().name());
            row.put("reason", change.reason());
            row.put("arrivalsPerMinute", change.arrivalsPerMinute());
            row.put("processedPerMinute", change.processedPerMinute());
            row.put("backlog", change.backlog());
            row.put("oldestWaitSeconds", change.oldestWait().toSeconds());
            row.put("processorConcurrency", change.processorConcurrency());
            row.put("emailsPerSecond", change.emailsPerSecond());
            return row;
        }).toList());
        return view;
    }

    private static List<Map<String, Object>> buckets(List<DashboardFigures.Bucket> buckets) {
        return buckets.stream().map(bucket -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("at", bucket.at().toString());
            view.put("byService", new java.util.TreeMap<>(bucket.byService()));
            return view;
        }).toList();
    }

    private APIGatewayV2HTTPResponse deadLetters() {
        return HttpAnswers.json(200, Map.of("queues", deadLetterCounts()));
    }

    private List<Map<String, Object>> deadLetterCounts() {
        return services.deadLetters().depths().stream().filter(depth -> depth.dead()).map(depth -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("queue", depth.queue());
            view.put("source", depth.source());
            view.put("messages", depth.visible() + depth.inFlight() + depth.delayed());
            return view;
        }).toList();
    }

    private APIGatewayV2HTTPResponse redrive(Actor actor, APIGatewayV2HTTPEvent event) {
        requireRole(actor, StaffRole.SUPERVISOR);
        String queue = event.getPathParameters() == null ? null : event.getPathParameters().get("queue");
        if (queue == null || services.deadLetters().depths().stream().noneMatch(depth -> depth.dead() && depth.queue().equals(queue))) {
            throw new BadRequest(404, List.of(new FieldError("queue", "not_found", "No dead-letter queue has this name.",
                    "이 이름의 배달 실패 대기열이 없습니다.")));
        }
        DeadLetters.Redriven redriven = services.deadLetters().redrive(actor, queue);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("queue", redriven.queue());
        body.put("messages", redriven.messages());
        body.put("aboutReports", redriven.aboutReports());
        body.put("remaining", redriven.remaining());
        return HttpAnswers.json(200, body);
    }

    // ------------------------------------------------------------------ request parts

    private static String neededFor(String route) {
        return switch (route) {
            case DECIDE, BULK -> StaffRole.REVIEWER.group();
            default -> StaffRole.SUPERVISOR.group();
        };
    }

    private static void requireRole(Actor actor, StaffRole needed) {
        if (!actor.role().atLeast(needed)) {
            throw new BadRequest(403, List.of(AdminResponses.forbidden(needed.group())));
        }
    }

    private static ReportId pathId(APIGatewayV2HTTPEvent event) {
        String raw = event.getPathParameters() == null ? null : event.getPathParameters().get("reportId");
        return ReportId.parse(raw).orElseThrow(() -> new BadRequest(404, List.of(AdminResponses.REPORT_NOT_FOUND)));
    }

    private static Map<String, String> parameters(APIGatewayV2HTTPEvent event) {
        return event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
    }

    private static Map<String, Object> body(APIGatewayV2HTTPEvent event) {
        String raw = event.getBody();
        if (raw == null || raw.isBlank()) {
            throw new BadRequest(400, List.of(new FieldError("body", ErrorCodes.REQUIRED,
                    "The request needs a JSON body.", "요청에 JSON 본문이 필요합니다.")));
        }
        String text = event.getIsBase64Encoded() ? decodeBase64(raw) : raw;
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw new BadRequest(413, List.of(new FieldError("body", ErrorCodes.TOO_LONG,
                    "The request body is larger than " + MAX_BODY_BYTES + " bytes.",
                    "요청 본문이 " + MAX_BODY_BYTES + "바이트보다 큽니다.")));
        }
        try {
            return Json.parseObject(text);
        } catch (Json.NotAnObjectException notAnObject) {
            throw new BadRequest(400, List.of(FieldError.bodyNotAnObject()));
        } catch (Json.MalformedJsonException malformed) {
            throw new BadRequest(400, List.of(FieldError.invalidJsonBody()));
        }
    }

    private static String decodeBase64(String raw) {
        try {
            return new String(Base64.getDecoder().decode(raw), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw new BadRequest(400, List.of(FieldError.invalidJsonBody()));
        }
    }

    private static Optional<ReportFilter> filter(Map<String, Object> body, List<FieldError> errors) {
        Object raw = body.getOrDefault("filter", Map.of());
        if (!(raw instanceof Map<?, ?> map)) {
            errors.add(AdminResponses.invalid("filter", "must be an object", "객체여야 합니다"));
            return Optional.empty();
        }
        Map<String, Object> values = new HashMap<>();
        map.forEach((key, value) -> values.put(String.valueOf(key), value));
        return RequestParameters.filter(values, "filter.", RequestParameters.FILTER_FIELDS, errors);
    }

    private static void unknownFields(Map<String, Object> body, Set<String> known, String prefix, List<FieldError> errors) {
        body.keySet().stream().filter(name -> !known.contains(name)).sorted()
                .forEach(name -> errors.add(AdminResponses.unknownField(prefix + name)));
    }

    private static Optional<StaffAction> action(Object raw, String field, List<FieldError> errors) {
        if (raw == null) {
            errors.add(AdminResponses.required(field));
            return Optional.empty();
        }
        Optional<StaffAction> action = raw instanceof String code ? StaffAction.fromCode(code) : Optional.empty();
        if (action.isEmpty()) {
            errors.add(new FieldError(field, ErrorCodes.NOT_ALLOWED,
                    field + " must be one of approve, adjust, reject, request-documents, mark-duplicate, unmark-duplicate, reopen.",
                    field + " 값은 approve, adjust, reject, request-documents, mark-duplicate, unmark-duplicate, reopen 중 하나여야 합니다."));
        }
        return action;
    }

    private static Long wholeNumber(Map<String, Object> body, String field, boolean required, long min, List<FieldError> errors) {
        Object raw = body.get(field);
        if (raw == null) {
            if (required) {
                errors.add(AdminResponses.required(field));
            }
            return null;
        }
        if (raw instanceof Number number && new java.math.BigDecimal(number.toString()).stripTrailingZeros().scale() <= 0) {
            try {
                long value = new java.math.BigDecimal(number.toString()).longValueExact();
                if (value >= min) {
                    return value;
                }
            } catch (ArithmeticException tooLarge) {
                // reported below
            }
        }
        errors.add(AdminResponses.invalid(field, "must be a whole number of at least " + min,
                min + " 이상의 정수여야 합니다"));
        return null;
    }

    private static String text(Map<String, Object> body, String field, int maxLength, List<FieldError> errors) {
        Object raw = body.get(field);
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof String text)) {
            errors.add(AdminResponses.invalid(field, "must be a string", "문자열이어야 합니다"));
            return null;
        }
        if (text.length() > maxLength) {
            errors.add(new FieldError(field, ErrorCodes.TOO_LONG, field + " is longer than " + maxLength + " characters.",
                    field + "이(가) " + maxLength + "자보다 깁니다."));
            return null;
        }
        return text.isBlank() ? null : text.strip();
    }

    private static Instant instant(Map<String, Object> body, String field, List<FieldError> errors) {
        String text = text(body, field, 64, errors);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            errors.add(AdminResponses.invalid(field, "must be an ISO-8601 instant", "ISO-8601 시각이어야 합니다"));
            return null;
        }
    }

    private static ReportId reportId(Map<String, Object> body, String field, List<FieldError> errors) {
        String text = text(body, field, 64, errors);
        if (text == null) {
            return null;
        }
        Optional<ReportId> id = ReportId.parse(text.toUpperCase(Locale.ROOT));
        if (id.isEmpty()) {
            errors.add(AdminResponses.invalid(field, "is not a report id", "신고 번호가 아닙니다"));
        }
        return id.orElse(null);
    }

    private static boolean flag(Map<String, Object> body, String field, boolean absent, List<FieldError> errors) {
        Object raw = body.get(field);
        if (raw == null) {
            return absent;
        }
        if (raw instanceof Boolean value) {
            return value;
        }
        errors.add(AdminResponses.invalid(field, "must be true or false", "true 또는 false여야 합니다"));
        return absent;
    }

    private static Map<String, String> lowerCased(Map<String, String> headers) {
        Map<String, String> lowered = new HashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> lowered.put(name.toLowerCase(Locale.ROOT), value));
        }
        return lowered;
    }

    /** A request answered with field errors; thrown from deep in a route, caught once above. */
    static final class BadRequest extends RuntimeException {
        final int status;
        final List<FieldError> errors;

        BadRequest(int status, List<FieldError> errors) {
            super(null, null, false, false);
            this.status = status;
            this.errors = List.copyOf(errors);
        }
    }
}

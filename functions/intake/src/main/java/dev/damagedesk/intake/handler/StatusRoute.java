package dev.damagedesk.intake.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.triage.ExpectedDecision;
import dev.damagedesk.intake.status.ReportStatusService;
import dev.damagedesk.intake.status.ReportStatusService.Lookup;
import dev.damagedesk.intake.submit.ProcessingTimeQuote;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;

/** {@code GET /v1/reports/{reportId}} with the private token in the {@code X-Tracking-Token} header. */
final class StatusRoute {

    static final String TOKEN_HEADER = "x-tracking-token";

    private final ReportStatusService service;
    private final ProcessingTimeQuote quote;

    StatusRoute(ReportStatusService service, ProcessingTimeQuote quote) {
        this.service = service;
        this.quote = quote;
    }

    APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Map<String, String> headers, Language headerLanguage,
                                    LambdaLogger logger) {
        String id = event.getPathParameters() == null ? null : event.getPathParameters().get("reportId");
        Lookup lookup;
        try {
            lookup = service.lookup(id, headers.get(TOKEN_HEADER));
        } catch (SdkException unavailable) {
            logger.log("Status lookup failed, table unavailable: " + unavailable, LogLevel.WARN);
            return ApiResponses.unavailable(ApiResponses.LOOKUP_UNAVAILABLE, headerLanguage);
        }
        if (lookup instanceof Lookup.Queued queued) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("reportId", queued.reportId().value());
            body.put("status", ReportStatus.RECEIVED.name());
            body.put("receivedAt", queued.receivedAt().toString());
            body.put("expectedProcessingSeconds", quote.current().toSeconds());
            return ApiResponses.json(200, body);
        }
        if (lookup instanceof Lookup.Stored stored) {
            Report report = stored.report();
            // The reporter's own language unless the app asks for another.
            Language language = headers.containsKey("accept-language") ? headerLanguage : report.submission().language();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("reportId", report.id().value());
            body.put("status", report.status().name());
            body.put("receivedAt", report.receivedAt().toString());
            body.put("service", report.submission().service());
            body.put("category", report.submission().category().code());
            if (report.decision() != null) {
                body.put("decision", decision(report.decision(), language));
            }
            ExpectedDecision.by(report.status(), report.receivedAt())
                    .ifPresent(by -> body.put("expectedDecisionBy", by.toString()));
            return ApiResponses.json(200, body);
        }
        return ApiResponses.error(404, ApiResponses.NOT_FOUND, headerLanguage);
    }

    private static Map<String, Object> decision(Decision decision, Language language) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", decision.outcome().name());
        body.put("ruleId", decision.ruleId());
        body.put("policyVersion", decision.policyVersion());
        body.put("amountKrw", decision.amountKrw());
        body.put("extensionMinutes", decision.extensionMinutes());
        body.put("eligibleOutageMinutes", decision.eligibleOutageMinutes());
        body.put("extensionValueKrw", decision.extensionValueKrw());
        body.put("cancellationRight", decision.cancellationRight());
        body.put("documentsRequired", decision.documentsRequired());
        body.put("explanation", decision.explanation(language));
        return body;
    }
}

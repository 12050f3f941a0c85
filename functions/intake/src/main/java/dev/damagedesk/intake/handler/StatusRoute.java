package dev.damagedesk.intake.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.damagedesk.adapters.json.ApiInstants;
import dev.damagedesk.adapters.json.ReportViews;
import dev.damagedesk.adapters.lambda.HttpAnswers;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.intake.status.ReportStatusService.Lookup;
import dev.damagedesk.intake.status.ReportStatusService;
import dev.damagedesk.intake.submit.ProcessingTimeQuote;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/** {@code GET /v1/reports/{reportId}} with the private token in the {@code X-Tracking-Token} header. */
final class StatusRoute {

    static final String TOKEN_HEADER = "x-tracking-token";

    private static final Logger LOG = LoggerFactory.getLogger(StatusRoute.class);

    private final ReportStatusService service;
    private final ProcessingTimeQuote quote;

    StatusRoute(ReportStatusService service, ProcessingTimeQuote quote) {
        this.service = service;
        this.quote = quote;
    }

    APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Map<String, String> headers, Language headerLanguage) {
        String id = event.getPathParameters() == null ? null : event.getPathParameters().get("reportId");
        Lookup lookup;
        try {
            lookup = service.lookup(id, headers.get(TOKEN_HEADER));
        } catch (SdkException unavailable) {
            LOG.warn("Status lookup failed, table unavailable: {}", unavailable.toString());
            return HttpAnswers.unavailable(ApiResponses.LOOKUP_UNAVAILABLE, headerLanguage);
        }
        if (lookup instanceof Lookup.Queued queued) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("reportId", queued.reportId().value());
            body.put("status", ReportStatus.RECEIVED.name());
            body.put("receivedAt", ApiInstants.format(queued.receivedAt()));
            body.put("expectedProcessingSeconds", quote.current().toSeconds());
            return HttpAnswers.json(200, body);
        }
        if (lookup instanceof Lookup.Stored stored) {
            Report report = stored.report();
            // The reporter's own language unless the app asks for another.
            Language language = headers.containsKey("accept-language") ? headerLanguage : report.submission().language();
            return HttpAnswers.json(200, ReportViews.publicStatus(report, language));
        }
        return HttpAnswers.error(404, ApiResponses.NOT_FOUND, headerLanguage);
    }
}

package dev.damagedesk.intake.handler;

import dev.damagedesk.adapters.json.ApiInstants;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.damagedesk.adapters.lambda.HttpAnswers;
import dev.damagedesk.adapters.lambda.LogKeys;
import dev.damagedesk.adapters.queue.MessageQueue;
import dev.damagedesk.application.port.Measurements;
import dev.damagedesk.domain.validation.FieldError;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.intake.submit.ReportSubmissionService.Result;
import dev.damagedesk.intake.submit.ReportSubmissionService;
import dev.damagedesk.intake.submit.RequestBody;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/** {@code POST /v1/reports}: HTTP in, {@link ReportSubmissionService} call, HTTP out. */
final class SubmitRoute {

    private static final Logger LOG = LoggerFactory.getLogger(SubmitRoute.class);

    private final ReportSubmissionService service;
    private final Measurements measurements;

    SubmitRoute(ReportSubmissionService service, Measurements measurements) {
        this.service = service;
        this.measurements = measurements;
    }

    APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Map<String, String> headers) {
        Language headerLanguage = Language.fromAcceptLanguage(headers.get("accept-language"));
        RequestBody.Parsed parsed = RequestBody.parse(headers.get("content-type"), event.getBody(), event.getIsBase64Encoded());
        if (parsed instanceof RequestBody.Parsed.UnsupportedMediaType unsupported) {
            return refused(415, unsupported.error(), headerLanguage);
        }
        if (parsed instanceof RequestBody.Parsed.TooLarge tooLarge) {
            return refused(413, tooLarge.error(), headerLanguage);
        }
        if (parsed instanceof RequestBody.Parsed.Malformed malformed) {
            return refused(400, malformed.error(), headerLanguage);
        }
        RequestBody.Parsed.Json json = (RequestBody.Parsed.Json) parsed;
        // Errors about the report are written in the language the reporter chose in it, when it says one.
        Language language = json.object().get("locale") instanceof String code
                ? Language.fromCode(code).orElse(headerLanguage) : headerLanguage;

        Optional<String> idempotencyKey = Optional.ofNullable(headers.get("idempotency-key"));
        if (idempotencyKey.isPresent() && !idempotencyKey.get().matches("[\\x21-\\x7E]{8,128}")) {
            return refused(400, ApiResponses.KEY_FORMAT, language);
        }

        Result result;
        try {
            result = service.submit(json.object(), json.bytes(), idempotencyKey, sourceIp(event));
        } catch (MessageQueue.MessageRefusedException refusedByQueue) {
            // 503 promises that a retry helps; the same characters would be refused again
            return refused(400, ApiResponses.UNQUEUEABLE_CHARACTERS, language);
        } catch (MessageQueue.QueueUnavailableException | SdkException unavailable) {
            LOG.warn("Report not accepted, queue or table unavailable: {}", unavailable.toString());
            return HttpAnswers.unavailable(ApiResponses.UNAVAILABLE, language);
        }
        if (result instanceof Result.Rejected rejected) {
            return HttpAnswers.errors(400, rejected.errors(), language);
        }
        if (result instanceof Result.Limited limited) {
            LOG.info("Report refused: 429 {} {}", ReportSubmissionService.LIMITED_CODE, limited.subject());
            return HttpAnswers.limited(switch (limited.subject()) {
                case CLIENT -> ApiResponses.CLIENT_LIMITED;
                case EMAIL -> ApiResponses.EMAIL_LIMITED;
                case PHONE -> ApiResponses.PHONE_LIMITED;
            }, language, limited.retryAfter());
        }
        if (result instanceof Result.IdempotencyKeyReused) {
            return HttpAnswers.error(409, ApiResponses.KEY_REUSED, language);
        }
        Result.Accepted accepted = (Result.Accepted) result;
        LogKeys.reportId(accepted.reportId().value());
        LOG.info("Report accepted");
        String statusPath = "/v1/reports/" + accepted.reportId().value();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reportId", accepted.reportId().value());
        body.put("status", "RECEIVED");
        body.put("receivedAt", ApiInstants.format(accepted.receivedAt()));
        body.put("trackingToken", accepted.trackingToken());
        body.put("statusUrl", statusPath);
        body.put("expectedProcessingSeconds", accepted.expectedProcessing().toSeconds());
        body.put("message", language == Language.KO
                ? "신고가 접수되었습니다. 조회 토큰은 다시 보여 드리지 않으니 안전하게 보관해 주세요."
                : "Your report was received. Keep the tracking token safe: it is not shown again.");
        return HttpAnswers.json(202, body, Map.of("Location", statusPath));
    }

    /** The client's address as API Gateway saw it (the TCP peer, not a header the client can set). */
    private static Optional<String> sourceIp(APIGatewayV2HTTPEvent event) {
        return Optional.ofNullable(event.getRequestContext()).map(APIGatewayV2HTTPEvent.RequestContext::getHttp)
                .map(APIGatewayV2HTTPEvent.RequestContext.Http::getSourceIp);
    }

    /** A request refused before it reached the service (which counts its own refusals): counted by its code. */
    private APIGatewayV2HTTPResponse refused(int status, FieldError error, Language language) {
        measurements.reportRefused(error.code());
        LOG.info("Report refused: {} {}", status, error.code());
        return HttpAnswers.error(status, error, language);
    }
}

package dev.damagedesk.intake.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.damagedesk.adapters.lambda.HttpAnswers;
import dev.damagedesk.application.port.NoticeSubscriptions;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.validation.FieldError;
import dev.damagedesk.domain.validation.SubscriptionParser;
import dev.damagedesk.domain.validation.Validated;
import dev.damagedesk.intake.submit.RequestBody;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code POST /v1/notices/subscriptions}, public and unauthenticated: asks for an outage notice when an incident of
 * these services is confirmed. Sending the same request twice stores the same thing once; the answer never says
 * whether the address was known before.
 */
final class SubscriptionRoute {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionRoute.class);

    static final FieldError UNAVAILABLE = new FieldError(null, "temporarily_unavailable",
            "We could not store the request right now. Please retry after the time in Retry-After.",
            "지금은 신청을 저장할 수 없습니다. Retry-After에 적힌 시간 뒤에 다시 시도해 주세요.");

    private final Supplier<SubscriptionParser> parser;
    private final NoticeSubscriptions subscriptions;
    private final Clock clock;

    /** @param parser over the services the active incident's ledger has (read through its cache) */
    SubscriptionRoute(Supplier<SubscriptionParser> parser, NoticeSubscriptions subscriptions, Clock clock) {
        this.parser = parser;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Map<String, String> headers, Language headerLanguage) {
        RequestBody.Parsed parsed = RequestBody.parse(headers.get("content-type"), event.getBody(), event.getIsBase64Encoded());
        if (parsed instanceof RequestBody.Parsed.UnsupportedMediaType unsupported) {
            return HttpAnswers.error(415, unsupported.error(), headerLanguage);
        }
        if (parsed instanceof RequestBody.Parsed.TooLarge tooLarge) {
            return HttpAnswers.error(413, tooLarge.error(), headerLanguage);
        }
        if (parsed instanceof RequestBody.Parsed.Malformed malformed) {
            return HttpAnswers.error(400, malformed.error(), headerLanguage);
        }
        Map<String, Object> body = ((RequestBody.Parsed.Json) parsed).object();
        Language language = body.get("locale") instanceof String code ? Language.fromCode(code).orElse(headerLanguage)
                : headerLanguage;
        Validated<SubscriptionParser.SubscriptionRequest> request;
        try {
            request = parser.get().parse(body);
        } catch (SdkException unavailable) {
            LOG.warn("Subscription not stored, the ledger is unavailable: {}", unavailable.toString());
            return HttpAnswers.unavailable(UNAVAILABLE, language);
        }
        if (!request.isValid()) {
            return HttpAnswers.errors(400, request.errors(), language);
        }
        SubscriptionParser.SubscriptionRequest valid = request.value();
        try {
            subscriptions.subscribe(new NoticeSubscriptions.Subscription(valid.email(), valid.language(), valid.services(),
                    clock.instant()));
        } catch (SdkException unavailable) {
            LOG.warn("Subscription not stored, the table is unavailable: {}", unavailable.toString());
            return HttpAnswers.unavailable(UNAVAILABLE, language);
        }
        // The services only: the address is personal data.
        LOG.info("Notice subscription stored for {}", valid.services());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("services", List.copyOf(valid.services()));
        answer.put("locale", valid.language().code());
        answer.put("message", valid.language() == Language.KO
                ? "장애가 확정되면 이 서비스들의 장애 안내를 이메일로 보내 드립니다."
                : "We will email you an outage notice when an outage of these services is confirmed.");
        return HttpAnswers.json(200, answer);
    }
}

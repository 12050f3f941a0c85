package dev.damagedesk.adapters.message;

import dev.damagedesk.adapters.json.Json;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.scoring.Outcome;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The notification queue's message: everything an email about a report needs, so the notifier does not read
 * the report back. {@code type} names the notice; each report gets each type at most once.
 */
public record NoticeMessage(String type, ReportId reportId, Instant receivedAt, Language language,
                            String recipientName, String recipientEmail, String service, ReportStatus status,
                            Decision decision) {

    public static final String SCHEMA = "notice/1";
    public static final String ACKNOWLEDGEMENT = "ACKNOWLEDGEMENT";

    public static NoticeMessage acknowledgementOf(Report report) {
        return new NoticeMessage(ACKNOWLEDGEMENT, report.id(), report.receivedAt(), report.submission().language(),
                report.submission().reporter().name(), report.submission().reporter().email(),
                report.submission().service(), report.status(), report.decision());
    }

    public String toJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schema", SCHEMA);
        body.put("type", type);
        body.put("reportId", reportId.value());
        body.put("receivedAt", receivedAt.toString());
        body.put("locale", language.code());
        body.put("recipientName", recipientName);
        body.put("recipientEmail", recipientEmail);
        body.put("service", service);
        body.put("status", status.name());
        if (decision != null) {
            Map<String, Object> scored = new LinkedHashMap<>();
            scored.put("outcome", decision.outcome().name());
            scored.put("ruleId", decision.ruleId());
            scored.put("policyVersion", decision.policyVersion());
            scored.put("amountKrw", decision.amountKrw());
            scored.put("extensionMinutes", decision.extensionMinutes());
            scored.put("explanationEn", decision.explanationEn());
            scored.put("explanationKo", decision.explanationKo());
            scored.put("eligibleOutageMinutes", decision.eligibleOutageMinutes());
            scored.put("cancellationRight", decision.cancellationRight());
            scored.put("extensionValueKrw", decision.extensionValueKrw());
            scored.put("documentsRequired", decision.documentsRequired());
            body.put("decision", scored);
        }
        return Json.write(body);
    }

    public static NoticeMessage fromJson(String json) {
        Map<String, Object> body = MessageFields.parse(json, SCHEMA);
        Decision decision = null;
        if (body.get("decision") != null) {
            Map<String, Object> scored = MessageFields.object(body, "decision");
            decision = new Decision(
                    enumValue(Outcome.class, MessageFields.text(scored, "outcome")),
                    MessageFields.text(scored, "ruleId"),
                    MessageFields.text(scored, "policyVersion"),
                    MessageFields.number(scored, "amountKrw"),
                    MessageFields.number(scored, "extensionMinutes"),
                    MessageFields.text(scored, "explanationEn"),
                    MessageFields.text(scored, "explanationKo"),
                    // Optional: notices queued before these fields existed lack them.
                    MessageFields.number(scored, "eligibleOutageMinutes", 0),
                    MessageFields.bool(scored, "cancellationRight", false),
                    MessageFields.number(scored, "extensionValueKrw", 0),
                    MessageFields.bool(scored, "documentsRequired", false));
        }
        return new NoticeMessage(
                MessageFields.text(body, "type"),
                ReportId.parse(MessageFields.text(body, "reportId"))
                        .orElseThrow(() -> new MessageFormatException("reportId is not a report id")),
                MessageFields.instant(body, "receivedAt"),
                Language.fromCode(MessageFields.text(body, "locale"))
                        .orElseThrow(() -> new MessageFormatException("locale is not ko or en")),
                MessageFields.text(body, "recipientName"),
                MessageFields.text(body, "recipientEmail"),
                MessageFields.text(body, "service"),
                enumValue(ReportStatus.class, MessageFields.text(body, "status")),
                decision);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new MessageFormatException(name + " is not a " + type.getSimpleName());
        }
    }
}

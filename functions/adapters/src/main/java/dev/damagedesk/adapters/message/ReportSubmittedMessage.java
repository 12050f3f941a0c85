package dev.damagedesk.adapters.message;

import dev.damagedesk.adapters.json.Json;
import dev.damagedesk.domain.report.ReportId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The intake queue's message: a report that passed the intake's validation, with the id, time and token hash
 * the reporter was given. The submission keeps the public API's shape so that the processor validates it again
 * with the same rules.
 */
public record ReportSubmittedMessage(ReportId reportId, Instant receivedAt, String incidentId, String tokenHash,
                                     Map<String, Object> submission) {

    public static final String SCHEMA = "report-submitted/1";

    /** What the processor's use case takes. */
    public dev.damagedesk.application.scoring.SubmittedReport submitted() {
        return new dev.damagedesk.application.scoring.SubmittedReport(reportId, receivedAt, incidentId, tokenHash,
                submission);
    }

    public String toJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schema", SCHEMA);
        body.put("reportId", reportId.value());
        body.put("receivedAt", receivedAt.toString());
        body.put("incidentId", incidentId);
        body.put("tokenHash", tokenHash);
        body.put("submission", submission);
        return Json.write(body);
    }

    /** @throws MessageFormatException when the body is not a message of this schema */
    public static ReportSubmittedMessage fromJson(String json) {
        Map<String, Object> body = MessageFields.parse(json, SCHEMA);
        return new ReportSubmittedMessage(
                ReportId.parse(MessageFields.text(body, "reportId"))
                        .orElseThrow(() -> new MessageFormatException("reportId is not a report id")),
                MessageFields.instant(body, "receivedAt"),
                MessageFields.text(body, "incidentId"),
                MessageFields.text(body, "tokenHash"),
                MessageFields.object(body, "submission"));
    }
}

package dev.damagedesk.adapters.message;

import dev.damagedesk.adapters.json.Json;
import dev.damagedesk.application.port.RescorePages;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One page of a re-scoring job: re-score the reports of one service of an incident under a policy version,
 * starting after {@code cursor} (the index's last evaluated key; null for the first page). Each page queues the
 * next, so the job resumes from where it stopped after any failure, and a page processed twice changes nothing
 * the second time.
 */
public record RescorePageMessage(String incidentId, int policyVersion, String service, Map<String, String> cursor) {

    public static final String SCHEMA = "rescore-page/1";

    public static RescorePageMessage of(RescorePages.RescorePage page) {
        return new RescorePageMessage(page.incidentId(), page.policyVersion(), page.service(), page.cursor());
    }

    public RescorePages.RescorePage page() {
        return new RescorePages.RescorePage(incidentId, policyVersion, service, cursor);
    }

    public String toJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schema", SCHEMA);
        body.put("incidentId", incidentId);
        body.put("policyVersion", policyVersion);
        body.put("service", service);
        if (cursor != null) {
            body.put("cursor", cursor);
        }
        return Json.write(body);
    }

    public static RescorePageMessage fromJson(String json) {
        Map<String, Object> body = MessageFields.parse(json, SCHEMA);
        Map<String, String> cursor = null;
        if (body.get("cursor") != null) {
            cursor = new LinkedHashMap<>();
            for (Map.Entry<String, Object> entry : MessageFields.object(body, "cursor").entrySet()) {
                if (!(entry.getValue() instanceof String value)) {
                    throw new MessageFormatException("cursor." + entry.getKey() + " is not a string");
                }
                cursor.put(entry.getKey(), value);
            }
        }
        return new RescorePageMessage(MessageFields.text(body, "incidentId"),
                (int) MessageFields.number(body, "policyVersion"), MessageFields.text(body, "service"), cursor);
    }
}

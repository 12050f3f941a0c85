package dev.damagedesk.adapters.message;

import dev.damagedesk.adapters.json.Json;
import dev.damagedesk.application.port.OutageNoticePages.Audience;
import dev.damagedesk.application.port.OutageNoticePages.OutageNoticePage;
import java.util.LinkedHashMap;
import java.util.Map;

/** A page of an outage-notice fan-out on the staff job queue ({@value #SCHEMA}). */
public final class OutageNoticePageMessage {

    public static final String SCHEMA = "outage-notice-page/1";

    private OutageNoticePageMessage() {
    }

    /** Whether a staff job queue message is such a page (the others are {@link JobPageMessage}s). */
    public static boolean isOne(String json) {
        return SCHEMA.equals(MessageFields.schemaOf(json));
    }

    public static String toJson(OutageNoticePage page) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schema", SCHEMA);
        body.put("incidentId", page.incidentId());
        body.put("audience", page.audience().name());
        body.put("service", page.service());
        body.put("cursor", page.cursor());
        return Json.write(body);
    }

    /** @throws MessageFormatException when the message is not such a page */
    public static OutageNoticePage fromJson(String json) {
        Map<String, Object> body = MessageFields.parse(json, SCHEMA);
        Audience audience;
        try {
            audience = Audience.valueOf(MessageFields.text(body, "audience"));
        } catch (IllegalArgumentException unknown) {
            throw new MessageFormatException("audience is not REPORTERS or SUBSCRIBERS");
        }
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
        return new OutageNoticePage(MessageFields.text(body, "incidentId"), audience, MessageFields.text(body, "service"),
                cursor);
    }
}

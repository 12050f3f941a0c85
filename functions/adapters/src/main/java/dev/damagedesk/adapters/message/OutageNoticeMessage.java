package dev.damagedesk.adapters.message;

import dev.damagedesk.adapters.json.Json;
import dev.damagedesk.application.port.OutageNotices.OutageNotice;
import dev.damagedesk.domain.report.Language;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An outage notice on the notification queue ({@value #SCHEMA}): to whom, in which language, about which incident,
 * services and outage. The notifier sends one per recipient and incident: {@link #ledgerRecipient(String)}.
 */
public final class OutageNoticeMessage {

    public static final String SCHEMA = "outage-notice/1";

    private OutageNoticeMessage() {
    }

    /** Whether a notification queue message is an outage notice (the others are {@link NoticeMessage}s). */
    public static boolean isOne(String json) {
        return SCHEMA.equals(MessageFields.schemaOf(json));
    }

    public static String toJson(OutageNotice notice) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schema", SCHEMA);
        body.put("incidentId", notice.incidentId());
        body.put("recipientEmail", notice.recipientEmail());
        body.put("recipientName", notice.recipientName());
        body.put("locale", notice.language().code());
        body.put("services", notice.services());
        body.put("downFrom", notice.downFrom().toString());
        body.put("restoredAt", notice.restoredAt() == null ? null : notice.restoredAt().toString());
        return Json.write(body);
    }

    /** @throws MessageFormatException when the body is not an outage notice (retrying cannot help) */
    public static OutageNotice fromJson(String json) {
        Map<String, Object> body = MessageFields.parse(json, SCHEMA);
        if (!(body.get("services") instanceof List<?> services) || services.isEmpty()
                || !services.stream().allMatch(service -> service instanceof String)) {
            throw new MessageFormatException("services is not a list of names");
        }
        String restored = MessageFields.optionalText(body, "restoredAt");
        return new OutageNotice(MessageFields.text(body, "incidentId"), MessageFields.text(body, "recipientEmail"),
                MessageFields.optionalText(body, "recipientName"),
                Language.fromCode(MessageFields.text(body, "locale"))
                        .orElseThrow(() -> new MessageFormatException("locale is not ko or en")),
                services.stream().map(String.class::cast).toList(), MessageFields.instant(body, "downFrom"),
                restored == null ? null : MessageFields.instant(body, "restoredAt"));
    }

    /**
     * Who the notice goes to, for the notice ledger: a SHA-256 of the address as people write it (case and
     * surrounding blanks ignored), so a reporter of three reports is one recipient, and the ledger holds no address.
     */
    public static String ledgerRecipient(String email) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(email.strip().toLowerCase(java.util.Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

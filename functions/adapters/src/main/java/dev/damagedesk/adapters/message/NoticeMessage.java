package dev.damagedesk.adapters.message;

import dev.damagedesk.adapters.json.Json;
import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.scoring.Outcome;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The notification queue's message: everything an email about a report needs, so the notifier does not read
 * the report back. {@code type} names the notice: the acknowledgement (once per report), a staff decision and a
 * document request (once per report version: {@link #ledgerKey()}).
 *
 * <p>Acknowledgements queued before decisions existed carry no {@code reportVersion}, {@code decided} or
 * {@code documents}: they read as version 1, which is what an acknowledged report is.
 *
 * @param reportVersion the report's version this notice is about (1 for the acknowledgement)
 * @param decided       for {@link #DECISION}: what staff decided; else null
 * @param documents     for {@link #DOCUMENTS_REQUESTED}: what is needed and by when; else null
 */
public record NoticeMessage(String type, ReportId reportId, Instant receivedAt, Language language,
                            String recipientName, String recipientEmail, String service, ReportStatus status,
                            Decision decision, long reportVersion, Decided decided, DocumentRequest documents) {

    public static final String SCHEMA = "notice/1";
    public static final String ACKNOWLEDGEMENT = "ACKNOWLEDGEMENT";
    public static final String DECISION = "DECISION";
    public static final String DOCUMENTS_REQUESTED = "DOCUMENTS_REQUESTED";

    /** The staff actions a decision notice tells the reporter about. */
    public static final Set<AuditAction> DECISION_ACTIONS = Set.of(AuditAction.APPROVED, AuditAction.AMOUNT_ADJUSTED,
            AuditAction.REJECTED, AuditAction.MARKED_DUPLICATE, AuditAction.UNMARKED_DUPLICATE, AuditAction.REOPENED);

    /**
     * What staff decided, as the audit entry of that version records it.
     *
     * @param amountKrw        what the report is given now (an adjusted amount, 0 for a rejection)
     * @param extensionMinutes the extension it is given now
     * @param reason           the staff member's reason as typed; null when the action needs none (an approval)
     * @param duplicateOf      for a duplicate: the first report; else null
     */
    public record Decided(AuditAction action, Instant decidedAt, long amountKrw, long extensionMinutes, String reason,
                          String duplicateOf) {
        public Decided {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(decidedAt, "decidedAt");
            if (!DECISION_ACTIONS.contains(action)) {
                throw new IllegalArgumentException(action + " is not a decision a reporter is told about");
            }
        }
    }

    /** @param whatIsNeeded as the staff member typed it */
    public record DocumentRequest(Instant requestedAt, Instant dueBy, String whatIsNeeded) {
        public DocumentRequest {
            Objects.requireNonNull(requestedAt, "requestedAt");
            Objects.requireNonNull(dueBy, "dueBy");
            Objects.requireNonNull(whatIsNeeded, "whatIsNeeded");
        }
    }

    public NoticeMessage {
        Objects.requireNonNull(type, "type");
        if (reportVersion < 1) {
            throw new IllegalArgumentException("report versions start at 1: " + reportVersion);
        }
        if (DECISION.equals(type) && (decided == null || decision == null)) {
            throw new IllegalArgumentException("a decision notice carries the decision and what staff decided");
        }
        if (DOCUMENTS_REQUESTED.equals(type) && (documents == null || decision == null)) {
            throw new IllegalArgumentException("a document request carries the decision and what is needed");
        }
    }

    /** An acknowledgement as queued before report versions existed. */
    public NoticeMessage(String type, ReportId reportId, Instant receivedAt, Language language, String recipientName,
                         String recipientEmail, String service, ReportStatus status, Decision decision) {
        this(type, reportId, receivedAt, language, recipientName, recipientEmail, service, status, decision, 1, null, null);
    }

    public static NoticeMessage acknowledgementOf(Report report) {
        return about(ACKNOWLEDGEMENT, report, 1, null, null);
    }

    /** The decision notice of {@code entry}, the audit entry that brought the report to {@code version}. */
    public static NoticeMessage decisionOf(Report report, long version, AuditEntry entry) {
        if (entry.sequence() != version) {
            throw new IllegalArgumentException("entry " + entry.sequence() + " is not the one of version " + version);
        }
        String duplicateOf = entry.after().duplicateOf();
        return about(DECISION, report, version, new Decided(entry.action(), entry.at(), entry.after().amountKrw(),
                entry.after().extensionMinutes(), entry.reason(), duplicateOf), null);
    }

    public static NoticeMessage documentRequestOf(Report report, long version, Instant requestedAt, Instant dueBy,
                                                  String whatIsNeeded) {
        return about(DOCUMENTS_REQUESTED, report, version, null, new DocumentRequest(requestedAt, dueBy, whatIsNeeded));
    }

    private static NoticeMessage about(String type, Report report, long version, Decided decided, DocumentRequest documents) {
        return new NoticeMessage(type, report.id(), report.receivedAt(), report.submission().language(),
                report.submission().reporter().name(), report.submission().reporter().email(),
                report.submission().service(), report.status(), report.decision(), version, decided, documents);
    }

    /**
     * Which notice of the report this is, for the notice ledger: the acknowledgement once per report (the key
     * it always had, so a redelivered old acknowledgement still finds its ledger item), every other notice once
     * per report version.
     */
    public String ledgerKey() {
        return ACKNOWLEDGEMENT.equals(type) ? type : type + "#" + reportVersion;
    }

    public String toJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schema", SCHEMA);
        body.put("type", type);
        body.put("reportId", reportId.value());
        body.put("reportVersion", reportVersion);
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
        if (decided != null) {
            Map<String, Object> staff = new LinkedHashMap<>();
            staff.put("action", decided.action().name());
            staff.put("decidedAt", decided.decidedAt().toString());
            staff.put("amountKrw", decided.amountKrw());
            staff.put("extensionMinutes", decided.extensionMinutes());
            staff.put("reason", decided.reason());
            staff.put("duplicateOf", decided.duplicateOf());
            body.put("decided", staff);
        }
        if (documents != null) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("requestedAt", documents.requestedAt().toString());
            request.put("dueBy", documents.dueBy().toString());
            request.put("whatIsNeeded", documents.whatIsNeeded());
            body.put("documents", request);
        }
        return Json.write(body);
    }

    /** @throws MessageFormatException when the body is not a notice (retrying cannot help) */
    public static NoticeMessage fromJson(String json) {
        Map<String, Object> body = MessageFields.parse(json, SCHEMA);
        String type = MessageFields.text(body, "type");
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
        Decided decided = null;
        DocumentRequest documents = null;
        switch (type) {
            case ACKNOWLEDGEMENT -> {
            }
            case DECISION -> {
                Map<String, Object> staff = MessageFields.object(body, "decided");
                AuditAction action = enumValue(AuditAction.class, MessageFields.text(staff, "action"));
                if (!DECISION_ACTIONS.contains(action)) {
                    throw new MessageFormatException("decided.action " + action + " is not a decision");
                }
                decided = new Decided(action, MessageFields.instant(staff, "decidedAt"),
                        MessageFields.number(staff, "amountKrw"), MessageFields.number(staff, "extensionMinutes"),
                        MessageFields.optionalText(staff, "reason"), MessageFields.optionalText(staff, "duplicateOf"));
            }
            case DOCUMENTS_REQUESTED -> {
                Map<String, Object> request = MessageFields.object(body, "documents");
                documents = new DocumentRequest(MessageFields.instant(request, "requestedAt"),
                        MessageFields.instant(request, "dueBy"), MessageFields.text(request, "whatIsNeeded"));
            }
            default -> throw new MessageFormatException("type " + type + " is not a notice type");
        }
        if (!ACKNOWLEDGEMENT.equals(type) && decision == null) {
            throw new MessageFormatException("decision is missing: a " + type + " notice explains the decision");
        }
        long version = MessageFields.number(body, "reportVersion", 1);
        if (version < 1) {
            throw new MessageFormatException("reportVersion is not a version");
        }
        return new NoticeMessage(
                type,
                ReportId.parse(MessageFields.text(body, "reportId"))
                        .orElseThrow(() -> new MessageFormatException("reportId is not a report id")),
                MessageFields.instant(body, "receivedAt"),
                Language.fromCode(MessageFields.text(body, "locale"))
                        .orElseThrow(() -> new MessageFormatException("locale is not ko or en")),
                MessageFields.text(body, "recipientName"),
                MessageFields.text(body, "recipientEmail"),
                MessageFields.text(body, "service"),
                enumValue(ReportStatus.class, MessageFields.text(body, "status")),
                decision, version, decided, documents);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new MessageFormatException(name + " is not a " + type.getSimpleName());
        }
    }
}

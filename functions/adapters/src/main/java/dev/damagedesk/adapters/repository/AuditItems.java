package dev.damagedesk.adapters.repository;

import static dev.damagedesk.adapters.repository.Attributes.n;
import static dev.damagedesk.adapters.repository.Attributes.number;
import static dev.damagedesk.adapters.repository.Attributes.optionalString;
import static dev.damagedesk.adapters.repository.Attributes.s;
import static dev.damagedesk.adapters.repository.Attributes.string;

import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.audit.AuditEntry;
import dev.damagedesk.domain.audit.AuditState;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.scoring.Outcome;
import dev.damagedesk.domain.staff.Actor;
import dev.damagedesk.domain.staff.StaffRole;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one mapping of an {@link AuditEntry} to DynamoDB attributes: the audit table's item and the report item's
 * {@code lastAudit} map hold the same attributes. Absent values (and the first entry's empty previous hash) are
 * left out rather than stored as empty strings.
 */
final class AuditItems {

    private AuditItems() {
    }

    static Map<String, AttributeValue> toAttributes(AuditEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("reportId", s(entry.reportId().value()));
        item.put("sequence", n(entry.sequence()));
        item.put("at", s(entry.at().toString()));
        putActor(item, entry.actor());
        item.put("action", s(entry.action().name()));
        if (entry.before() != null) {
            item.put("before", AttributeValue.fromM(state(entry.before())));
        }
        item.put("after", AttributeValue.fromM(state(entry.after())));
        putIfPresent(item, "reason", entry.reason());
        putIfPresent(item, "detail", entry.detail());
        putIfPresent(item, "previousHash", entry.previousHash());
        item.put("hash", s(entry.hash()));
        return item;
    }

    static AuditEntry fromAttributes(Map<String, AttributeValue> item) {
        AttributeValue before = item.get("before");
        return new AuditEntry(
                ReportId.parse(string(item, "reportId")).orElseThrow(),
                number(item, "sequence"),
                Instant.parse(string(item, "at")),
                actorOf(item),
                AuditAction.valueOf(string(item, "action")),
                before == null ? null : stateFrom(before.m()),
                stateFrom(item.get("after").m()),
                optionalString(item, "reason").orElse(null),
                optionalString(item, "detail").orElse(null),
                optionalString(item, "previousHash").orElse(""),
                string(item, "hash"));
    }

    private static Map<String, AttributeValue> state(AuditState state) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("status", s(state.status().name()));
        if (state.outcome() != null) {
            item.put("outcome", s(state.outcome().name()));
        }
        putIfPresent(item, "ruleId", state.ruleId());
        putIfPresent(item, "policyVersion", state.policyVersion());
        item.put("amountKrw", n(state.amountKrw()));
        item.put("extensionMinutes", n(state.extensionMinutes()));
        putIfPresent(item, "duplicateOf", state.duplicateOf());
        return item;
    }

    private static AuditState stateFrom(Map<String, AttributeValue> item) {
        return new AuditState(
                ReportStatus.valueOf(string(item, "status")),
                optionalString(item, "outcome").map(Outcome::valueOf).orElse(null),
                optionalString(item, "ruleId").orElse(null),
                optionalString(item, "policyVersion").orElse(null),
                number(item, "amountKrw"),
                number(item, "extensionMinutes"),
                optionalString(item, "duplicateOf").orElse(null));
    }

    /** The actor as every trail's item keeps it: actorKind, actorId, actorName and, for staff, actorRole. */
    static void putActor(Map<String, AttributeValue> item, Actor actor) {
        item.put("actorKind", s(actor.kind().name()));
        item.put("actorId", s(actor.id()));
        item.put("actorName", s(actor.name()));
        if (actor.role() != null) {
            item.put("actorRole", s(actor.role().group()));
        }
    }

    static Actor actorOf(Map<String, AttributeValue> item) {
        StaffRole role = optionalString(item, "actorRole").map(group -> StaffRole.fromGroup(group).orElseThrow(
                () -> new IllegalStateException("Stored audit entry has an unknown role " + group))).orElse(null);
        return new Actor(Actor.Kind.valueOf(string(item, "actorKind")), string(item, "actorId"),
                string(item, "actorName"), role);
    }

    static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null && !value.isEmpty()) {
            item.put(name, s(value));
        }
    }
}

package dev.damagedesk.adapters.repository;

import static dev.damagedesk.adapters.repository.Attributes.n;
import static dev.damagedesk.adapters.repository.Attributes.number;
import static dev.damagedesk.adapters.repository.Attributes.optionalNumber;
import static dev.damagedesk.adapters.repository.Attributes.optionalString;
import static dev.damagedesk.adapters.repository.Attributes.s;
import static dev.damagedesk.adapters.repository.Attributes.string;

import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.Language;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.report.Reporter;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.scoring.Outcome;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps a {@link Report} to its DynamoDB item and back. */
final class ReportItems {

    private ReportItems() {
    }

    static Map<String, AttributeValue> toItem(Report report, Instant expiresAt) {
        ReportSubmission submission = report.submission();
        Reporter reporter = submission.reporter();
        Map<String, AttributeValue> item = new HashMap<>(ReportKeys.reportKey(report.id()));
        item.put("type", s("REPORT"));
        item.put("reportId", s(report.id().value()));
        item.put("incidentId", s(report.incidentId()));
        item.put("status", s(report.status().name()));
        item.put("receivedAt", s(report.receivedAt().toString()));
        item.put("service", s(submission.service()));
        item.put("category", s(submission.category().code()));
        item.put("locale", s(submission.language().code()));
        item.put("reporterName", s(reporter.name()));
        item.put("reporterEmail", s(reporter.email()));
        if (reporter.phone() != null) {
            item.put("reporterPhone", s(reporter.phone()));
        }
        if (reporter.accountRef() != null) {
            item.put("accountRef", s(reporter.accountRef()));
        }
        item.put("occurredFrom", s(submission.occurredFrom().toString()));
        item.put("occurredTo", s(submission.occurredTo().toString()));
        if (submission.amountClaimedKrw() != null) {
            item.put("amountClaimedKrw", n(submission.amountClaimedKrw()));
        }
        item.put("description", s(submission.description()));
        item.put("privacyConsent", AttributeValue.fromBool(submission.privacyConsent()));
        item.put("tokenHash", s(report.tokenHash()));
        if (report.decision() != null) {
            item.put("decision", AttributeValue.fromM(decisionItem(report.decision())));
        }
        item.put("version", n(1));
        item.put("expiresAt", n(expiresAt.getEpochSecond()));
        String timeOrdered = ReportKeys.timeOrdered(report.receivedAt(), report.id());
        item.put("gsi1pk", s(ReportKeys.statusPartition(report.status(), ReportKeys.shardOf(report.id()))));
        item.put("gsi1sk", s(timeOrdered));
        item.put("gsi2pk", s(ReportKeys.incidentServicePartition(report.incidentId(), submission.service())));
        item.put("gsi2sk", s(timeOrdered));
        return item;
    }

    static Report fromItem(Map<String, AttributeValue> item) {
        Reporter reporter = new Reporter(
                string(item, "reporterName"),
                string(item, "reporterEmail"),
                optionalString(item, "reporterPhone").orElse(null),
                optionalString(item, "accountRef").orElse(null));
        ReportSubmission submission = new ReportSubmission(
                reporter,
                Language.fromCode(string(item, "locale")).orElseThrow(),
                string(item, "service"),
                Category.fromCode(string(item, "category")).orElseThrow(),
                Instant.parse(string(item, "occurredFrom")),
                Instant.parse(string(item, "occurredTo")),
                optionalNumber(item, "amountClaimedKrw").orElse(null),
                string(item, "description"),
                item.get("privacyConsent") != null && Boolean.TRUE.equals(item.get("privacyConsent").bool()));
        AttributeValue decision = item.get("decision");
        return new Report(
                ReportId.parse(string(item, "reportId")).orElseThrow(),
                string(item, "incidentId"),
                submission,
                Instant.parse(string(item, "receivedAt")),
                ReportStatus.valueOf(string(item, "status")),
                decision == null ? null : decisionFrom(decision.m()),
                string(item, "tokenHash"));
    }

    private static Map<String, AttributeValue> decisionItem(Decision decision) {
        return Map.of(
                "outcome", s(decision.outcome().name()),
                "ruleId", s(decision.ruleId()),
                "policyVersion", s(decision.policyVersion()),
                "amountKrw", n(decision.amountKrw()),
                "extensionMinutes", n(decision.extensionMinutes()),
                "explanationEn", s(decision.explanationEn()),
                "explanationKo", s(decision.explanationKo()));
    }

    private static Decision decisionFrom(Map<String, AttributeValue> item) {
        return new Decision(
                Outcome.valueOf(string(item, "outcome")),
                string(item, "ruleId"),
                string(item, "policyVersion"),
                number(item, "amountKrw"),
                number(item, "extensionMinutes"),
                string(item, "explanationEn"),
                string(item, "explanationKo"));
    }
}

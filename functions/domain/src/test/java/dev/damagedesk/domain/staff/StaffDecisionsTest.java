package dev.damagedesk.domain.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.scoring.Outcome;
import dev.damagedesk.domain.testing.ReportFixtures;
import dev.damagedesk.domain.triage.IllegalTransitionException;
import dev.damagedesk.domain.triage.Triage;
import dev.damagedesk.domain.triage.TriageReason;
import dev.damagedesk.domain.validation.FieldError;
import dev.damagedesk.domain.validation.Validated;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StaffDecisionsTest {

    private static final long LIMIT = 100_000;
    private static final Instant NOW = Instant.parse("2022-10-25T00:00:00Z");
    private static final String V1 = "2022-10-15/v1";
    private static final ReportId FIRST = ReportFixtures.id(99);
    private static final Actor VIEWER = Actor.staff("sub-v", "viewer@damagedesk.example", StaffRole.VIEWER);
    private static final Actor REVIEWER = Actor.staff("sub-r", "reviewer@damagedesk.example", StaffRole.REVIEWER);
    private static final Actor SUPERVISOR = Actor.staff("sub-s", "lead@damagedesk.example", StaffRole.SUPERVISOR);
    private static final Decision RESTORED = ReportFixtures.payment(V1, 30_000);
    private static final StaffDecisions.ActivePolicy ACTIVE = report -> RESTORED;

    private final StaffDecisions decisions = new StaffDecisions(LIMIT);

    /**
     * Which actions a deciding role may take in each status, written out again from docs/triage.md ("Staff
     * decisions"), for a report whose decision pays within the limit and which is linked as a duplicate.
     */
    private static final String TABLE = """
            AUTO_APPROVED   -> unmark-duplicate reopen
            NEEDS_REVIEW    -> approve adjust reject request-documents mark-duplicate unmark-duplicate
            NEEDS_DOCUMENTS -> reject mark-duplicate unmark-duplicate reopen
            APPROVED        -> unmark-duplicate reopen
            REJECTED        -> unmark-duplicate reopen
            PAID            ->
            DISPUTED        -> approve adjust reject mark-duplicate
            """;

    private static Map<ReportStatus, Set<StaffAction>> documented() {
        Map<ReportStatus, Set<StaffAction>> table = new EnumMap<>(ReportStatus.class);
        TABLE.lines().forEach(line -> {
            String[] sides = line.split("->", -1);
            Set<StaffAction> actions = EnumSet.noneOf(StaffAction.class);
            Arrays.stream(sides[1].trim().split("\\s+")).filter(code -> !code.isEmpty())
                    .map(code -> StaffAction.fromCode(code).orElseThrow()).forEach(actions::add);
            table.put(ReportStatus.valueOf(sides[0].trim()), actions);
        });
        return table;
    }

    /** A report in {@code status}, linked as a duplicate, whose decision pays {@code amountKrw}. */
    private static Report report(ReportStatus status, Decision decision, ReportId duplicateOf) {
        return new Report(ReportFixtures.id(1), ReportFixtures.INCIDENT_ID, ReportFixtures.music(),
                ReportFixtures.RECEIVED_AT, status, decision, "hash", TriageReason.MANUAL_REVIEW, Set.of(),
                duplicateOf, null, null);
    }

    private static Report report(ReportStatus status, long amountKrw) {
        return report(status, ReportFixtures.payment(V1, amountKrw), FIRST);
    }

    /** A decision with every field its action needs. */
    private static StaffDecision valid(StaffAction action, long amountKrw) {
        return switch (action) {
            case APPROVE -> new StaffDecision(action, null, null, null, null);
            case ADJUST -> new StaffDecision(action, amountKrw, "receipts show it", null, null);
            case REQUEST_DOCUMENTS -> new StaffDecision(action, null, "sales records of October",
                    NOW.plus(Duration.ofDays(14)), null);
            case MARK_DUPLICATE -> new StaffDecision(action, null, "same reporter", null, FIRST);
            default -> new StaffDecision(action, null, "checked again", null, null);
        };
    }

    static Stream<Arguments> roleActionStatus() {
        List<ReportStatus> statuses = List.copyOf(documented().keySet());
        return Stream.of(VIEWER, REVIEWER, SUPERVISOR).flatMap(actor -> Arrays.stream(StaffAction.values())
                .flatMap(action -> statuses.stream().map(status -> Arguments.of(actor.role(), action, status))));
    }

    @ParameterizedTest(name = "{0} {1} on {2}")
    @MethodSource("roleActionStatus")
    void everyRoleActionAndStatusIsDecidedAsDocumented(StaffRole role, StaffAction action, ReportStatus status) {
        Actor actor = Stream.of(VIEWER, REVIEWER, SUPERVISOR).filter(a -> a.role() == role).findFirst().orElseThrow();
        Report before = report(status, 50_000);

        if (role == StaffRole.VIEWER) {
            assertThatThrownBy(() -> decisions.decide(before, valid(action, 50_000), actor, NOW, ACTIVE))
                    .isInstanceOfSatisfying(StaffNotAllowedException.class,
                            e -> assertThat(e.why()).isEqualTo(StaffNotAllowedException.Why.FORBIDDEN));
            assertThat(decisions.allowedActions(before, actor)).isEmpty();
        } else if (documented().get(status).contains(action)) {
            Validated<StaffDecisions.Decided> decided = decisions.decide(before, valid(action, 50_000), actor, NOW, ACTIVE);
            assertThat(decided.isValid()).as("%s", decided.errors()).isTrue();
            assertThat(decisions.allowedActions(before, actor)).contains(action);
        } else {
            assertThatThrownBy(() -> decisions.decide(before, valid(action, 50_000), actor, NOW, ACTIVE))
                    .isInstanceOf(IllegalTransitionException.class);
            assertThat(decisions.allowedActions(before, actor)).doesNotContain(action);
        }
    }

    @Test
    void allowedActionsAreTheDocumentedOnesForEachStatus() {
        documented().forEach((status, actions) -> {
            assertThat(decisions.allowedActions(report(status, 50_000), REVIEWER)).as("%s", status).isEqualTo(actions);
            assertThat(decisions.allowedActions(report(status, 50_000), SUPERVISOR)).as("%s", status).isEqualTo(actions);
        });
        assertThat(decisions.allowedActions(report(ReportStatus.NEEDS_REVIEW, 50_000), Actor.function("Deadlines")))
                .isEmpty();
    }

    @Test
    void aReviewerDecidesUpToTheLimitAndASupervisorAnyAmount() {
        Report atLimit = report(ReportStatus.NEEDS_REVIEW, LIMIT);
        Report overLimit = report(ReportStatus.NEEDS_REVIEW, LIMIT + 1);

        assertThat(decisions.decide(atLimit, valid(StaffAction.APPROVE, 0), REVIEWER, NOW, ACTIVE).isValid()).isTrue();
        assertOverLimit(() -> decisions.decide(overLimit, valid(StaffAction.APPROVE, 0), REVIEWER, NOW, ACTIVE));
        assertThat(decisions.decide(overLimit, valid(StaffAction.APPROVE, 0), SUPERVISOR, NOW, ACTIVE).isValid()).isTrue();

        assertThat(decisions.decide(overLimit, valid(StaffAction.ADJUST, LIMIT), REVIEWER, NOW, ACTIVE).value()
                .report().decision().amountKrw()).isEqualTo(LIMIT);
        assertOverLimit(() -> decisions.decide(atLimit, valid(StaffAction.ADJUST, LIMIT + 1), REVIEWER, NOW, ACTIVE));
        assertThat(decisions.decide(atLimit, valid(StaffAction.ADJUST, 5_000_000), SUPERVISOR, NOW, ACTIVE).isValid())
                .isTrue();

        // Rejecting what the policy proposed awards nothing; undoing a large approval is above a reviewer.
        assertThat(decisions.decide(overLimit, valid(StaffAction.REJECT, 0), REVIEWER, NOW, ACTIVE).isValid()).isTrue();
        Report approvedLarge = report(ReportStatus.APPROVED, LIMIT + 1);
        assertOverLimit(() -> decisions.decide(approvedLarge, valid(StaffAction.REOPEN, 0), REVIEWER, NOW, ACTIVE));
        assertThat(decisions.decide(approvedLarge, valid(StaffAction.REOPEN, 0), SUPERVISOR, NOW, ACTIVE).isValid())
                .isTrue();

        assertThat(decisions.allowedActions(overLimit, REVIEWER)).doesNotContain(StaffAction.APPROVE)
                .contains(StaffAction.ADJUST, StaffAction.REJECT);
        assertThat(decisions.allowedActions(approvedLarge, REVIEWER)).isEmpty();
        assertThat(decisions.allowedActions(approvedLarge, SUPERVISOR))
                .containsExactlyInAnyOrder(StaffAction.REOPEN, StaffAction.UNMARK_DUPLICATE);
    }

    private static void assertOverLimit(org.assertj.core.api.ThrowableAssert.ThrowingCallable decision) {
        assertThatThrownBy(decision).isInstanceOfSatisfying(StaffNotAllowedException.class,
                e -> assertThat(e.why()).isEqualTo(StaffNotAllowedException.Why.OVER_DECISION_LIMIT));
    }

    @Test
    void missingAndStrayFieldsAreFieldErrorsInBothLanguages() {
        Report review = report(ReportStatus.NEEDS_REVIEW, 50_000);

        assertThat(errors(review, new StaffDecision(StaffAction.REJECT, null, "  ", null, null)))
                .containsExactly("reason:required");
        assertThat(errors(review, new StaffDecision(StaffAction.ADJUST, null, "why", null, null)))
                .containsExactly("amountKrw:required");
        assertThat(errors(review, new StaffDecision(StaffAction.ADJUST, -1L, "why", null, null)))
                .containsExactly("amountKrw:out_of_range");
        assertThat(errors(review, new StaffDecision(StaffAction.ADJUST, StaffDecisions.MAX_AMOUNT_KRW + 1, "why", null,
                null))).containsExactly("amountKrw:out_of_range");
        assertThat(errors(review, new StaffDecision(StaffAction.APPROVE, 10L, null, NOW.plusSeconds(60), FIRST)))
                .containsExactly("amountKrw:not_applicable", "deadline:not_applicable", "duplicateOf:not_applicable");
        assertThat(errors(review, new StaffDecision(StaffAction.REJECT, null, "x".repeat(2_001), null, null)))
                .containsExactly("reason:too_long");
        assertThat(errors(review, new StaffDecision(StaffAction.MARK_DUPLICATE, null, "same", null, null)))
                .containsExactly("duplicateOf:required");
        assertThat(errors(review, new StaffDecision(StaffAction.MARK_DUPLICATE, null, "same", null, review.id())))
                .containsExactly("duplicateOf:not_allowed");

        List<FieldError> missing = decisions.decide(review, new StaffDecision(StaffAction.REQUEST_DOCUMENTS, null, null,
                null, null), REVIEWER, NOW, ACTIVE).errors();
        assertThat(missing).extracting(FieldError::field).containsExactly("reason", "deadline");
        assertThat(missing).allSatisfy(error -> {
            assertThat(error.messageEn()).isNotBlank().isNotEqualTo(error.messageKo());
            assertThat(error.messageKo()).matches(".*[가-힣].*");
        });
    }

    @Test
    void aDocumentDeadlineMustBeInTheFutureAndWithinNinetyDays() {
        Report review = report(ReportStatus.NEEDS_REVIEW, 50_000);
        for (Instant deadline : List.of(NOW, NOW.minusSeconds(1), NOW.plus(Duration.ofDays(90)).plusSeconds(1))) {
            assertThat(errors(review, new StaffDecision(StaffAction.REQUEST_DOCUMENTS, null, "receipts", deadline, null)))
                    .as("%s", deadline).containsExactly("deadline:out_of_range");
        }
        assertThat(errors(review, new StaffDecision(StaffAction.REQUEST_DOCUMENTS, null, "receipts",
                NOW.plus(Duration.ofDays(90)), null))).isEmpty();
    }

    @Test
    void whatTheReportNeedsForAnActionIsAFieldErrorOnTheAction() {
        Report manual = report(ReportStatus.NEEDS_REVIEW, ReportFixtures.manualReview(V1), null);

        assertThat(errors(manual, valid(StaffAction.APPROVE, 0))).containsExactly("action:not_applicable");
        assertThat(errors(manual, valid(StaffAction.UNMARK_DUPLICATE, 0))).containsExactly("action:not_applicable");
        assertThat(decisions.allowedActions(manual, SUPERVISOR))
                .doesNotContain(StaffAction.APPROVE, StaffAction.UNMARK_DUPLICATE).contains(StaffAction.ADJUST);
    }

    @Test
    void eachActionGivesItsReportAndAuditAction() {
        Report review = report(ReportStatus.NEEDS_REVIEW, ReportFixtures.manualReview(V1), null);

        StaffDecisions.Decided adjusted = decide(review, new StaffDecision(StaffAction.ADJUST, 42_000L,
                " receipts for 42,000 KRW ", null, null));
        assertThat(adjusted.action()).isEqualTo(AuditAction.AMOUNT_ADJUSTED);
        assertThat(adjusted.reason()).isEqualTo("receipts for 42,000 KRW");
        assertThat(adjusted.report().status()).isEqualTo(ReportStatus.APPROVED);
        assertThat(adjusted.report().decision()).satisfies(decision -> {
            assertThat(decision.outcome()).isEqualTo(Outcome.PAYMENT);
            assertThat(decision.amountKrw()).isEqualTo(42_000);
            assertThat(decision.ruleId()).isEqualTo(StaffDecisions.ADJUSTED_RULE_ID);
            assertThat(decision.policyVersion()).isEqualTo(V1);
            assertThat(decision.explanationEn()).contains("42,000 KRW").contains("receipts for 42,000 KRW");
            assertThat(decision.explanationKo()).contains("42,000원");
        });

        StaffDecisions.Decided rejected = decide(review, new StaffDecision(StaffAction.REJECT, null, "not affected",
                null, null));
        assertThat(rejected.action()).isEqualTo(AuditAction.REJECTED);
        assertThat(rejected.report().status()).isEqualTo(ReportStatus.REJECTED);
        assertThat(rejected.report().decision().outcome()).isEqualTo(Outcome.NO_PAYMENT);
        assertThat(rejected.report().decision().ruleId()).isEqualTo(StaffDecisions.REJECTED_RULE_ID);

        Instant due = NOW.plus(Duration.ofDays(14));
        StaffDecisions.Decided requested = decide(review, new StaffDecision(StaffAction.REQUEST_DOCUMENTS, null,
                "sales records", due, null));
        assertThat(requested.action()).isEqualTo(AuditAction.DOCUMENTS_REQUESTED);
        assertThat(requested.report().status()).isEqualTo(ReportStatus.NEEDS_DOCUMENTS);
        assertThat(requested.report().documentsDueBy()).isEqualTo(due);
        assertThat(requested.report().decision()).isEqualTo(review.decision());
        assertThat(requested.detail()).contains(due.toString());

        StaffDecisions.Decided marked = decide(review, new StaffDecision(StaffAction.MARK_DUPLICATE, null, "same person",
                null, FIRST));
        assertThat(marked.action()).isEqualTo(AuditAction.MARKED_DUPLICATE);
        assertThat(marked.report().status()).isEqualTo(ReportStatus.REJECTED);
        assertThat(marked.report().duplicateOf()).isEqualTo(FIRST);
        assertThat(marked.report().decision().ruleId()).isEqualTo(Triage.DUPLICATE_RULE_ID);
        assertThat(marked.report().decision().amountKrw()).isZero();

        StaffDecisions.Decided unmarked = decide(marked.report(), valid(StaffAction.UNMARK_DUPLICATE, 0));
        assertThat(unmarked.action()).isEqualTo(AuditAction.UNMARKED_DUPLICATE);
        assertThat(unmarked.report().status()).isEqualTo(ReportStatus.NEEDS_REVIEW);
        assertThat(unmarked.report().duplicateOf()).isNull();
        assertThat(unmarked.report().decision()).isEqualTo(RESTORED);

        Report triagedDuplicate = report(ReportStatus.NEEDS_REVIEW, ReportFixtures.payment(V1, 0), FIRST);
        StaffDecisions.Decided inReview = decide(triagedDuplicate, valid(StaffAction.UNMARK_DUPLICATE, 0));
        assertThat(inReview.report().status()).isEqualTo(ReportStatus.NEEDS_REVIEW);
        assertThat(inReview.report().decision()).isEqualTo(RESTORED);

        StaffDecisions.Decided reopened = decide(rejected.report(), valid(StaffAction.REOPEN, 0));
        assertThat(reopened.action()).isEqualTo(AuditAction.REOPENED);
        assertThat(reopened.report().status()).isEqualTo(ReportStatus.NEEDS_REVIEW);

        StaffDecisions.Decided approved = decide(report(ReportStatus.NEEDS_REVIEW, 20_000), valid(StaffAction.APPROVE, 0));
        assertThat(approved.action()).isEqualTo(AuditAction.APPROVED);
        assertThat(approved.report().decision().amountKrw()).isEqualTo(20_000);
        assertThat(approved.reason()).isNull();
    }

    @Test
    void aFunctionNeverDecides() {
        assertThatThrownBy(() -> decisions.decide(report(ReportStatus.NEEDS_REVIEW, 1), valid(StaffAction.APPROVE, 0),
                Actor.function("DeadlineFunction"), NOW, ACTIVE))
                .isInstanceOfSatisfying(StaffNotAllowedException.class,
                        e -> assertThat(e.why()).isEqualTo(StaffNotAllowedException.Why.FORBIDDEN));
    }

    private StaffDecisions.Decided decide(Report report, StaffDecision decision) {
        Validated<StaffDecisions.Decided> decided = decisions.decide(report, decision, SUPERVISOR, NOW, ACTIVE);
        assertThat(decided.errors()).isEmpty();
        return decided.value();
    }

    private List<String> errors(Report report, StaffDecision decision) {
        return decisions.decide(report, decision, SUPERVISOR, NOW, ACTIVE).errors().stream()
                .map(error -> error.field() + ":" + error.code()).toList();
    }
}

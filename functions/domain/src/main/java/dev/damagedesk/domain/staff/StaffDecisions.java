package dev.damagedesk.domain.staff;

import dev.damagedesk.domain.audit.AuditAction;
import dev.damagedesk.domain.report.Report;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.scoring.Outcome;
import dev.damagedesk.domain.triage.IllegalTransitionException;
import dev.damagedesk.domain.triage.StatusTransitions;
import dev.damagedesk.domain.triage.Triage;
import dev.damagedesk.domain.validation.ErrorCodes;
import dev.damagedesk.domain.validation.FieldError;
import dev.damagedesk.domain.validation.Validated;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a staff decision does to a report, checked in this order (docs/triage.md, "Staff decisions"):
 *
 * <ol>
 *   <li>the role: a viewer (and a function) never decides → {@link StaffNotAllowedException} {@code FORBIDDEN};</li>
 *   <li>the fields: a reason where one is needed, an amount for adjust, a future deadline for a document request,
 *       the first report for mark-duplicate, nothing an action does not take → field errors (ko/en);</li>
 *   <li>the transition table ({@link StatusTransitions}) → {@link IllegalTransitionException};</li>
 *   <li>the amount: a reviewer decides up to the configured limit → {@code OVER_DECISION_LIMIT}.</li>
 * </ol>
 *
 * <table>
 *   <caption>actions</caption>
 *   <tr><th>action</th><th>status after</th><th>decision after</th><th>audit action</th></tr>
 *   <tr><td>approve</td><td>APPROVED</td><td>the policy's (not a manual-review one: adjust sets its amount)</td><td>APPROVED</td></tr>
 *   <tr><td>adjust</td><td>APPROVED</td><td>{@code staff.adjusted}: the amount given, the extension kept</td><td>AMOUNT_ADJUSTED</td></tr>
 *   <tr><td>reject</td><td>REJECTED</td><td>{@code staff.rejected}: nothing paid</td><td>REJECTED</td></tr>
 *   <tr><td>request-documents</td><td>NEEDS_DOCUMENTS, with {@code documentsDueBy}</td><td>kept</td><td>DOCUMENTS_REQUESTED</td></tr>
 *   <tr><td>mark-duplicate</td><td>REJECTED, linked to the first report</td><td>the duplicate's NO_PAYMENT</td><td>MARKED_DUPLICATE</td></tr>
 *   <tr><td>unmark-duplicate</td><td>NEEDS_REVIEW (stays there if in review), unlinked</td><td>the active policy's</td><td>UNMARKED_DUPLICATE</td></tr>
 *   <tr><td>reopen</td><td>NEEDS_REVIEW</td><td>kept</td><td>REOPENED</td></tr>
 * </table>
 *
 * The amount a decision involves is what it awards (approve: the decision's amount; adjust: the new amount) and,
 * when it changes a staff decision (approved, rejected, paid, disputed), the amount that decision awarded: a
 * reviewer can neither award nor undo more than the limit. At the limit is within it.
 */
public final class StaffDecisions {

    public static final long MAX_AMOUNT_KRW = 10_000_000_000L;
    public static final int MAX_REASON_LENGTH = 2_000;
    /** The latest deadline a document request may set. */
    public static final Duration MAX_DOCUMENT_DEADLINE = Duration.ofDays(90);
    public static final String ADJUSTED_RULE_ID = "staff.adjusted";
    public static final String REJECTED_RULE_ID = "staff.rejected";

    private static final Set<StaffAction> NEED_A_REASON = Collections.unmodifiableSet(EnumSet.of(StaffAction.ADJUST,
            StaffAction.REJECT, StaffAction.REQUEST_DOCUMENTS, StaffAction.MARK_DUPLICATE, StaffAction.UNMARK_DUPLICATE,
            StaffAction.REOPEN));

    /** The decision the active policy gives a report now (for unmark-duplicate). */
    @FunctionalInterface
    public interface ActivePolicy {
        Decision score(Report report);
    }

    /**
     * A decision applied: the report to store and what its audit entry records.
     *
     * @param reason the staff member's reason, trimmed; null when none was given
     * @param detail the deadline of a document request, the first report of a duplicate; else null
     */
    public record Decided(Report report, AuditAction action, String reason, String detail) {
        public Decided {
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(action, "action");
        }
    }

    private final long reviewerLimitKrw;

    /** @param reviewerLimitKrw the most a reviewer may decide (template parameter {@code ReviewerDecisionLimitKrw}) */
    public StaffDecisions(long reviewerLimitKrw) {
        if (reviewerLimitKrw < 0) {
            throw new IllegalArgumentException("the reviewers' limit must not be negative: " + reviewerLimitKrw);
        }
        this.reviewerLimitKrw = reviewerLimitKrw;
    }

    public long reviewerLimitKrw() {
        return reviewerLimitKrw;
    }

    /**
     * @param now when the decision is taken (a document deadline must be after it)
     * @return the field errors, or the decided report
     * @throws StaffNotAllowedException   when the actor's role may not take it, or not for this amount
     * @throws IllegalTransitionException when the report's status does not allow it
     */
    public Validated<Decided> decide(Report report, StaffDecision decision, Actor actor, Instant now,
                                     ActivePolicy activePolicy) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(activePolicy, "activePolicy");
        requireDecidingRole(actor);
        List<FieldError> errors = validate(report, decision, now);
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        String reason = decision.reason() == null ? null : decision.reason().strip();
        Decided decided = switch (decision.action()) {
            case APPROVE -> new Decided(report.decided(ReportStatus.APPROVED, report.decision(), report.duplicateOf(),
                    null), AuditAction.APPROVED, reason, null);
            case ADJUST -> new Decided(report.decided(ReportStatus.APPROVED,
                    adjusted(report.decision(), decision.amountKrw(), reason), report.duplicateOf(), null),
                    AuditAction.AMOUNT_ADJUSTED, reason, null);
            case REJECT -> new Decided(report.decided(ReportStatus.REJECTED, rejected(report.decision(), reason),
                    report.duplicateOf(), null), AuditAction.REJECTED, reason, null);
            case REQUEST_DOCUMENTS -> new Decided(report.decided(ReportStatus.NEEDS_DOCUMENTS, report.decision(),
                    report.duplicateOf(), decision.deadline()), AuditAction.DOCUMENTS_REQUESTED, reason,
                    "deadline " + decision.deadline());
            case MARK_DUPLICATE -> new Decided(report.decided(ReportStatus.REJECTED,
                    Triage.duplicateDecision(report.decision(), report.submission().service(), decision.duplicateOf()),
                    decision.duplicateOf(), null), AuditAction.MARKED_DUPLICATE, reason,
                    "duplicate of " + decision.duplicateOf().value());
            case UNMARK_DUPLICATE -> {
                Decision restored = activePolicy.score(report);
                Report unmarked = report.status() == ReportStatus.NEEDS_REVIEW ? report.redecided(restored, null)
                        : report.decided(ReportStatus.NEEDS_REVIEW, restored, null, null);
                yield new Decided(unmarked, AuditAction.UNMARKED_DUPLICATE, reason,
                        "was a duplicate of " + report.duplicateOf().value());
            }
            case REOPEN -> new Decided(report.decided(ReportStatus.NEEDS_REVIEW, report.decision(),
                    report.duplicateOf(), null), AuditAction.REOPENED, reason, null);
        };
        requireWithinLimit(actor, report, decision.action(), decided.report().decision().amountKrw());
        return Validated.valid(decided);
    }

    /**
     * The actions this actor may take on the report now: the role, the transition table, what the action needs of
     * the report (a decision to approve, a link to unmark) and, for a reviewer, the amounts involved. Adjust is
     * listed when the actor may approve some amount (a reviewer up to the limit).
     */
    public Set<StaffAction> allowedActions(Report report, Actor actor) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(actor, "actor");
        Set<StaffAction> allowed = EnumSet.noneOf(StaffAction.class);
        if (!mayDecide(actor) || report.decision() == null) {
            return Collections.unmodifiableSet(allowed);
        }
        for (StaffAction action : StaffAction.values()) {
            if (precondition(report, action).isPresent() || !transitionAllowed(report, action)) {
                continue;
            }
            long awarded = action == StaffAction.APPROVE ? report.decision().amountKrw() : 0;
            if (actor.role() == StaffRole.REVIEWER && involvedAmount(report, awarded) > reviewerLimitKrw) {
                continue;
            }
            allowed.add(action);
        }
        return Collections.unmodifiableSet(allowed);
    }

    private static boolean mayDecide(Actor actor) {
        return actor.isStaff() && actor.role().atLeast(StaffRole.REVIEWER);
    }

    private static void requireDecidingRole(Actor actor) {
        if (!mayDecide(actor)) {
            throw new StaffNotAllowedException(StaffNotAllowedException.Why.FORBIDDEN,
                    "A " + (actor.isStaff() ? actor.role().group() : "function") + " may not decide reports");
        }
    }

    private void requireWithinLimit(Actor actor, Report before, StaffAction action, long awardedAfter) {
        long awarded = action == StaffAction.APPROVE || action == StaffAction.ADJUST ? awardedAfter : 0;
        long involved = involvedAmount(before, awarded);
        if (actor.role() == StaffRole.REVIEWER && involved > reviewerLimitKrw) {
            throw new StaffNotAllowedException(StaffNotAllowedException.Why.OVER_DECISION_LIMIT,
                    "A reviewer decides up to " + reviewerLimitKrw + " KRW; this decision involves " + involved + " KRW");
        }
    }

    private static long involvedAmount(Report before, long awarded) {
        long undone = StatusTransitions.isStaffDecision(before.status()) ? before.decision().amountKrw() : 0;
        return Math.max(awarded, undone);
    }

    private static ReportStatus target(Report report, StaffAction action) {
        return switch (action) {
            case APPROVE, ADJUST -> ReportStatus.APPROVED;
            case REJECT, MARK_DUPLICATE -> ReportStatus.REJECTED;
            case REQUEST_DOCUMENTS -> ReportStatus.NEEDS_DOCUMENTS;
            case UNMARK_DUPLICATE, REOPEN -> ReportStatus.NEEDS_REVIEW;
        };
    }

    private static boolean transitionAllowed(Report report, StaffAction action) {
        ReportStatus to = target(report, action);
        return action == StaffAction.UNMARK_DUPLICATE && report.status() == to
                || StatusTransitions.allowed(report.status(), to);
    }

    /** Why the report cannot take the action at all, whatever the fields; empty when it can. */
    private static Optional<FieldError> precondition(Report report, StaffAction action) {
        if (report.decision() == null) {
            return Optional.of(new FieldError("action", ErrorCodes.NOT_APPLICABLE,
                    "The report has not been scored yet.", "아직 심사되지 않은 신고입니다."));
        }
        if (action == StaffAction.APPROVE && report.decision().outcome() == Outcome.MANUAL_REVIEW) {
            return Optional.of(new FieldError("action", ErrorCodes.NOT_APPLICABLE,
                    "The policy left the amount of this report to a person: use adjust to set it.",
                    "이 신고의 보상액은 정책상 담당자가 정해야 합니다. 금액 조정(adjust)을 사용하세요."));
        }
        if (action == StaffAction.UNMARK_DUPLICATE && report.duplicateOf() == null) {
            return Optional.of(new FieldError("action", ErrorCodes.NOT_APPLICABLE,
                    "The report is not marked as a duplicate.", "중복으로 표시된 신고가 아닙니다."));
        }
        return Optional.empty();
    }

    private static List<FieldError> validate(Report report, StaffDecision decision, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        StaffAction action = decision.action();
        precondition(report, action).ifPresent(errors::add);

        String reason = decision.reason() == null ? null : decision.reason().strip();
        if (NEED_A_REASON.contains(action) && (reason == null || reason.isEmpty())) {
            errors.add(new FieldError("reason", ErrorCodes.REQUIRED,
                    action == StaffAction.REQUEST_DOCUMENTS ? "Say which documents are needed."
                            : "Give a reason for this decision.",
                    action == StaffAction.REQUEST_DOCUMENTS ? "필요한 서류를 적어 주세요." : "결정 사유를 적어 주세요."));
        } else if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            errors.add(new FieldError("reason", ErrorCodes.TOO_LONG,
                    "The reason may be at most " + MAX_REASON_LENGTH + " characters long.",
                    "사유는 " + MAX_REASON_LENGTH + "자 이하로 적어 주세요."));
        }

        if (action == StaffAction.ADJUST) {
            if (decision.amountKrw() == null) {
                errors.add(new FieldError("amountKrw", ErrorCodes.REQUIRED, "Give the amount to pay, in KRW.",
                        "지급할 금액(원)을 적어 주세요."));
            } else if (decision.amountKrw() < 0 || decision.amountKrw() > MAX_AMOUNT_KRW) {
                errors.add(new FieldError("amountKrw", ErrorCodes.OUT_OF_RANGE,
                        "The amount must be between 0 and " + MAX_AMOUNT_KRW + " KRW.",
                        "금액은 0원 이상 " + MAX_AMOUNT_KRW + "원 이하여야 합니다."));
            }
        } else if (decision.amountKrw() != null) {
            errors.add(notTaken("amountKrw", action));
        }

        if (action == StaffAction.REQUEST_DOCUMENTS) {
            if (decision.deadline() == null) {
                errors.add(new FieldError("deadline", ErrorCodes.REQUIRED, "Give the deadline for the documents.",
                        "서류 제출 기한을 적어 주세요."));
            } else if (!decision.deadline().isAfter(now) || decision.deadline().isAfter(now.plus(MAX_DOCUMENT_DEADLINE))) {
                errors.add(new FieldError("deadline", ErrorCodes.OUT_OF_RANGE,
                        "The deadline must be in the future, at most " + MAX_DOCUMENT_DEADLINE.toDays() + " days ahead.",
                        "기한은 지금 이후, " + MAX_DOCUMENT_DEADLINE.toDays() + "일 이내여야 합니다."));
            }
        } else if (decision.deadline() != null) {
            errors.add(notTaken("deadline", action));
        }

        if (action == StaffAction.MARK_DUPLICATE) {
            ReportId first = decision.duplicateOf();
            if (first == null) {
                errors.add(new FieldError("duplicateOf", ErrorCodes.REQUIRED,
                        "Give the report this one repeats.", "먼저 접수된 신고 번호를 적어 주세요."));
            } else if (first.equals(report.id())) {
                errors.add(new FieldError("duplicateOf", ErrorCodes.NOT_ALLOWED,
                        "A report cannot repeat itself.", "신고는 자기 자신의 중복일 수 없습니다."));
            }
        } else if (decision.duplicateOf() != null) {
            errors.add(notTaken("duplicateOf", action));
        }
        return errors;
    }

    private static FieldError notTaken(String field, StaffAction action) {
        return new FieldError(field, ErrorCodes.NOT_APPLICABLE,
                "The action " + action.code() + " takes no " + field + ".",
                action.code() + " 작업에는 " + field + " 값을 쓰지 않습니다.");
    }

    private static Decision adjusted(Decision policy, long amountKrw, String reason) {
        Outcome outcome = amountKrw > 0 ? Outcome.PAYMENT
                : policy.extensionMinutes() > 0 ? Outcome.EXTENSION : Outcome.NO_PAYMENT;
        return new Decision(outcome, ADJUSTED_RULE_ID, policy.policyVersion(), amountKrw, policy.extensionMinutes(),
                String.format("Our staff set the compensation to %,d KRW. Reason: %s", amountKrw, reason),
                String.format("담당자가 보상액을 %,d원으로 정했습니다. 사유: %s", amountKrw, reason),
                policy.eligibleOutageMinutes(), policy.cancellationRight(), policy.extensionValueKrw(), false);
    }

    private static Decision rejected(Decision policy, String reason) {
        return new Decision(Outcome.NO_PAYMENT, REJECTED_RULE_ID, policy.policyVersion(), 0, 0,
                "Our staff could not accept the claim. Reason: " + reason,
                "담당자가 신청을 받아들이지 않았습니다. 사유: " + reason,
                policy.eligibleOutageMinutes(), policy.cancellationRight(), 0, false);
    }
}

package dev.damagedesk.domain.policy;

import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.incident.OutageWindow;
import dev.damagedesk.domain.report.Category;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.scoring.CompensationPolicy;
import dev.damagedesk.domain.scoring.Decision;
import dev.damagedesk.domain.scoring.Outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import static dev.damagedesk.domain.scoring.ExplanationFormat.amountEn;
import static dev.damagedesk.domain.scoring.ExplanationFormat.amountKo;
import static dev.damagedesk.domain.scoring.ExplanationFormat.durationEn;
import static dev.damagedesk.domain.scoring.ExplanationFormat.durationKo;

/**
 * Scores reports under one {@link PolicyDocument} against the incident's outage ledger.
 * <p>
 * Eligibility comes first, and never rejects: a service the incident did not take down, a category the
 * service does not offer, or a reported period that shares no time with the service's outage goes to a
 * person ({@code eligibility.*}). Otherwise only the overlap of the reported period and the outage
 * counts, and the category's rule decides. Every decision carries the rule id, the policy version and
 * an explanation in English and Korean. Pure: the same report and incident always give the same decision.
 */
public final class PolicyEngine implements CompensationPolicy {

    public static final String OUTSIDE_INCIDENT = "eligibility.outside-incident";
    public static final String CATEGORY_NOT_OFFERED = "eligibility.category-not-offered";
    public static final String OUTSIDE_OUTAGE_WINDOW = "eligibility.outside-outage-window";

    private static final String STAFF_WILL_REVIEW_EN = " so our staff will review your report.";
    private static final String STAFF_WILL_REVIEW_KO = " 담당자가 신고 내용을 검토하겠습니다.";

    private final PolicyDocument policy;

    public PolicyEngine(PolicyDocument policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public PolicyDocument policy() {
        return policy;
    }

    @Override
    public String version() {
        return policy.policyVersion();
    }

    /** @throws IllegalArgumentException when the incident is not the one this policy is for */
    @Override
    public Decision score(ReportSubmission submission, Incident incident) {
        if (!incident.id().equals(policy.incidentId())) {
            throw new IllegalArgumentException("policy " + version() + " cannot score reports of incident " + incident.id());
        }
        String service = submission.service();
        Optional<OutageWindow> outage = incident.outageFor(service);
        if (outage.isEmpty()) {
            return review(OUTSIDE_INCIDENT,
                    "The service " + service + " is not among the services this incident took down,",
                    service + " 서비스는 이번 장애로 중단된 서비스 목록에 없어");
        }
        Category category = submission.category();
        if (!policy.offers(service, category)) {
            return review(CATEGORY_NOT_OFFERED,
                    "The kind of damage you reported (" + category.code() + ") is not one that " + service
                            + " can cause under this incident's compensation policy,",
                    "신고하신 피해 유형(" + category.code() + ")은 이번 장애의 보상 기준상 " + service
                            + " 서비스에 해당하지 않아");
        }
        Optional<OutageWindow> overlap = outage.get().overlap(submission.occurredFrom(), submission.occurredTo());
        if (overlap.isEmpty()) {
            return review(OUTSIDE_OUTAGE_WINDOW,
                    "The period you reported does not overlap the time " + service
                            + " was down according to the outage record,",
                    "신고하신 기간이 장애 기록상 " + service + " 서비스가 중단된 시간과 겹치지 않아");
        }
        Duration eligible = overlap.get().duration();
        boolean wholeOutage = overlap.get().equals(outage.get());
        return switch (category) {
            case PAID_SUBSCRIPTION -> paidSubscription(submission, eligible, wholeOutage,
                    incident.notifiedInAdvance(service));
            case FAILED_PURCHASE -> failedPurchase(submission.amountClaimedKrw(), eligible);
            case FREE_SERVICE_MONEY_LOST -> freeServiceMoneyLost(submission.amountClaimedKrw(), eligible);
            case BUSINESS_LOSS -> businessLoss(submission, eligible);
            case NO_MONETARY_DAMAGE -> decision(Outcome.NO_PAYMENT, "no-monetary-damage.recorded", 0, 0, eligible,
                    false, 0, false,
                    "Your report is recorded and counted in the review of this incident."
                            + " No payment applies when there is no monetary damage.",
                    "신고가 접수되어 이번 장애의 피해 집계에 반영되었습니다. 금전적 피해가 없는 경우 보상금은 지급되지 않습니다.");
        };
    }

    // ------------------------------------------------------------------ paid subscription

    private Decision paidSubscription(ReportSubmission submission, Duration eligible, boolean wholeOutage,
                                      boolean notifiedInAdvance) {
        PaidSubscriptionRule rule = policy.paidSubscription();
        String service = submission.service();
        String lostEn = "Your subscription to " + service + " was unavailable for " + durationEn(eligible)
                + (wholeOutage ? "." : " of the period you reported.");
        String lostKo = (wholeOutage ? "" : "신고하신 기간 중 ") + "구독 서비스(" + service + ")가 "
                + durationKo(eligible) + " 동안 이용되지 않았습니다.";
        boolean cancellation = rule.cancellationRight(eligible);
        String cancelEn = cancellation
                ? " As the outage lasted " + rule.cancellationConsecutiveDays() + " days in a row or more, or more than "
                        + rule.cancellationHoursInMonth() + " hours in a month, you may instead cancel the subscription"
                        + " with a refund."
                : "";
        String cancelKo = cancellation
                ? " 서비스 중단이 " + rule.cancellationConsecutiveDays() + "일 이상 연속되거나 한 달에 "
                        + rule.cancellationHoursInMonth() + "시간을 넘었으므로, 연장 대신 구독을 해지하고 환불받으실 수도 있습니다."
                : "";
        int thresholdHours = rule.extensionThresholdHours();
        if (eligible.compareTo(rule.extensionThreshold()) < 0) {
            return decision(Outcome.NO_PAYMENT, "paid-subscription.below-" + thresholdHours + "h", 0, 0, eligible,
                    cancellation, 0, false,
                    lostEn + " The terms of service give an extension only for outages of " + hours(thresholdHours)
                            + " or more without notice, so no extension applies." + cancelEn,
                    lostKo + " 약관에 따른 연장은 사전 고지 없이 " + thresholdHours
                            + "시간 이상 중단된 경우에만 적용되어 이번에는 연장 대상이 아닙니다." + cancelKo);
        }
        if (notifiedInAdvance) {
            return decision(Outcome.NO_PAYMENT, "paid-subscription.notified-in-advance", 0, 0, eligible,
                    cancellation, 0, false,
                    lostEn + " Users were notified of this outage before it began, and the terms of service give an"
                            + " extension only for outages without notice, so no extension applies." + cancelEn,
                    lostKo + " 이번 중단은 시작 전에 사전 고지되었고, 약관에 따른 연장은 사전 고지 없이 중단된 경우에만"
                            + " 적용되어 이번에는 연장 대상이 아닙니다." + cancelKo);
        }
        int multiplier = rule.extensionMultiplier();
        Duration extension = eligible.multipliedBy(multiplier);
        long extensionMinutes = extension.toMinutes();
        Long fee = submission.amountClaimedKrw();
        long value = fee == null ? 0 : extensionValue(fee, extensionMinutes, rule.billingPeriod());
        String valueEn = fee == null || fee == 0 ? ""
                : " At your fee of " + amountEn(fee) + " per " + rule.billingPeriodDays() + " days, the extension is worth "
                        + amountEn(value) + ".";
        String valueKo = fee == null || fee == 0 ? ""
                : " " + rule.billingPeriodDays() + "일 이용료 " + amountKo(fee) + " 기준으로 연장분은 " + amountKo(value)
                        + "에 해당합니다.";
        return decision(Outcome.EXTENSION, "paid-subscription.extension-" + multiplier + "x", 0, extensionMinutes,
                eligible, cancellation, value, false,
                lostEn + " The terms of service give " + times(multiplier) + " that as an extension: "
                        + durationEn(extension) + "." + valueEn + cancelEn,
                lostKo + " 약관에 따라 그 " + multiplier + "배인 " + durationKo(extension) + "을 연장해 드립니다."
                        + valueKo + cancelKo);
    }

    /** fee x extension / billing period, to the nearest won. */
    private static long extensionValue(long feeKrw, long extensionMinutes, Duration billingPeriod) {
        return BigDecimal.valueOf(feeKrw)
                .multiply(BigDecimal.valueOf(extensionMinutes))
                .divide(BigDecimal.valueOf(billingPeriod.toMinutes()), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    private static String hours(int hours) {
        return hours == 1 ? "1 hour" : hours + " hours";
    }

    private static String times(int multiplier) {
        return switch (multiplier) {
            case 1 -> "once";
            case 2 -> "twice";
            default -> multiplier + " times";
        };
    }

    // ------------------------------------------------------------------ purchases and money lost

    private Decision failedPurchase(Long claimedKrw, Duration eligible) {
        if (claimedKrw == null) {
            return amountMissing("failed-purchase.manual-review", eligible);
        }
        long limit = policy.failedPurchase().autoRefundUpToKrw();
        String claimedEn = "You reported a purchase of " + amountEn(claimedKrw) + " that failed during the outage.";
        String claimedKo = "장애 중 실패한 " + amountKo(claimedKrw) + " 결제를 신고하셨습니다.";
        if (claimedKrw > limit) {
            return decision(Outcome.MANUAL_REVIEW, "failed-purchase.manual-review", 0, 0, eligible, false, 0, true,
                    claimedEn + " Refunds above " + amountEn(limit) + " are checked against the payment record first:"
                            + " our staff will contact you if they need your receipt.",
                    claimedKo + " " + amountKo(limit) + "을 넘는 환불은 결제 기록을 먼저 확인합니다."
                            + " 영수증이 필요하면 담당자가 연락드리겠습니다.");
        }
        return decision(Outcome.PAYMENT, "failed-purchase.refund", claimedKrw, 0, eligible, false, 0, false,
                claimedEn + " It is refunded in full: " + amountEn(claimedKrw) + ".",
                claimedKo + " 전액 " + amountKo(claimedKrw) + "을 환불해 드립니다.");
    }

    private Decision freeServiceMoneyLost(Long claimedKrw, Duration eligible) {
        if (claimedKrw == null) {
            return amountMissing("free-service.manual-review", eligible);
        }
        long cap = policy.freeServiceMoneyLost().capKrw();
        String claimedEn = "You reported money lost while using a free service: " + amountEn(claimedKrw) + ".";
        String claimedKo = "무료 서비스 이용 중 " + amountKo(claimedKrw) + "의 금전 피해를 신고하셨습니다.";
        if (claimedKrw > cap) {
            return decision(Outcome.MANUAL_REVIEW, "free-service.manual-review", 0, 0, eligible, false, 0, true,
                    claimedEn + " Amounts above " + amountEn(cap) + " are reviewed one by one:"
                            + " our staff will check the proof of the amount and contact you.",
                    claimedKo + " " + amountKo(cap) + "을 넘는 금액은 개별 심사합니다."
                            + " 담당자가 피해 금액 증빙을 확인한 뒤 연락드리겠습니다.");
        }
        return decision(Outcome.PAYMENT, "free-service.up-to-cap", claimedKrw, 0, eligible, false, 0, false,
                claimedEn + " Amounts up to " + amountEn(cap) + " are paid as reported: " + amountEn(claimedKrw) + ".",
                claimedKo + " " + amountKo(cap) + " 이하의 피해는 신고하신 금액 " + amountKo(claimedKrw)
                        + "을 보상해 드립니다.");
    }

    // ------------------------------------------------------------------ business loss

    private Decision businessLoss(ReportSubmission submission, Duration eligible) {
        Long claimedKrw = submission.amountClaimedKrw();
        if (claimedKrw == null) {
            return amountMissing("business-loss.manual-review", eligible);
        }
        String claimedEn = "You reported a business loss of " + amountEn(claimedKrw) + ".";
        String claimedKo = "신고하신 영업 손실은 " + amountKo(claimedKrw) + "입니다.";
        String salesEn = " Please prepare your sales for the outage week and for the best comparable week before it.";
        String salesKo = " 장애가 발생한 주의 매출과, 그 이전 비교 가능한 주 가운데 매출이 가장 높았던 주의 매출 자료를 준비해 주세요.";
        switch (submission.reporterType()) {
            case MID_LARGE_BUSINESS -> {
                return decision(Outcome.MANUAL_REVIEW, "business-loss.mid-large-business", 0, 0, eligible, false, 0,
                        true,
                        claimedEn + " Losses of mid-sized and large businesses are reviewed one by one." + salesEn,
                        claimedKo + " 중견·대기업의 손실은 개별 심사합니다." + salesKo);
            }
            case INDIVIDUAL -> {
                return decision(Outcome.MANUAL_REVIEW, "business-loss.not-a-business", 0, 0, eligible, false, 0,
                        false,
                        claimedEn + " The report does not say which kind of business you run,"
                                + STAFF_WILL_REVIEW_EN,
                        claimedKo + " 사업자 유형이 기재되지 않아" + STAFF_WILL_REVIEW_KO);
            }
            case SMALL_BUSINESS -> {
                // the bands below
            }
        }
        SmallBusinessRule rule = policy.smallBusiness();
        Optional<LossBand> band = rule.bandFor(claimedKrw);
        if (band.isEmpty()) {
            return decision(Outcome.MANUAL_REVIEW, "business-loss.manual-review", 0, 0, eligible, false, 0, true,
                    claimedEn + " Losses above " + amountEn(rule.topLimitKrw()) + " are reviewed one by one." + salesEn,
                    claimedKo + " " + amountKo(rule.topLimitKrw()) + "을 넘는 손실은 개별 심사합니다." + salesKo);
        }
        long limit = band.get().lossUpToKrw();
        long pay = band.get().payKrw();
        return decision(Outcome.PAYMENT, "business-loss.band-" + compact(limit), pay, 0, eligible, false, 0, false,
                claimedEn + " Losses up to " + amountEn(limit) + " are compensated with a fixed " + amountEn(pay) + ".",
                claimedKo + " " + amountKo(limit) + " 이하의 손실에는 정액 " + amountKo(pay) + "을 보상해 드립니다.");
    }

    /** 300000 -> "300k"; amounts that are not whole thousands stay as they are. */
    private static String compact(long krw) {
        return krw % 1000 == 0 ? krw / 1000 + "k" : String.valueOf(krw);
    }

    // ------------------------------------------------------------------ common

    /** The parser never lets a report needing an amount through without one; a person rather than a crash if something else does. */
    private Decision amountMissing(String ruleId, Duration eligible) {
        return decision(Outcome.MANUAL_REVIEW, ruleId, 0, 0, eligible, false, 0, true,
                "Your report does not state the amount," + STAFF_WILL_REVIEW_EN,
                "피해 금액이 기재되지 않아" + STAFF_WILL_REVIEW_KO);
    }

    /** An eligibility problem: a person looks at the report; nothing is rejected. */
    private Decision review(String ruleId, String reasonEn, String reasonKo) {
        return decision(Outcome.MANUAL_REVIEW, ruleId, 0, 0, Duration.ZERO, false, 0, false,
                reasonEn + STAFF_WILL_REVIEW_EN, reasonKo + STAFF_WILL_REVIEW_KO);
    }

    private Decision decision(Outcome outcome, String ruleId, long amountKrw, long extensionMinutes, Duration eligible,
                              boolean cancellationRight, long extensionValueKrw, boolean documentsRequired,
                              String explanationEn, String explanationKo) {
        return new Decision(outcome, ruleId, version(), amountKrw, extensionMinutes, explanationEn, explanationKo,
                eligible.toMinutes(), cancellationRight, extensionValueKrw, documentsRequired);
    }
}

package dev.damagedesk.domain.scoring;

import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.incident.OutageWindow;
import dev.damagedesk.domain.report.ReportSubmission;

import java.time.Duration;
import java.util.Optional;

import static dev.damagedesk.domain.scoring.ExplanationFormat.amountEn;
import static dev.damagedesk.domain.scoring.ExplanationFormat.amountKo;
import static dev.damagedesk.domain.scoring.ExplanationFormat.durationEn;
import static dev.damagedesk.domain.scoring.ExplanationFormat.durationKo;

/**
 * The compensation actually paid after the 2022-10-15 data-centre fire: the digital-content
 * guideline for paid subscriptions (3 times an outage of 4 hours or more) and the fixed bands for
 * small-business losses. Anything needing proof goes to a person.
 */
public final class BaselineCompensationPolicy implements CompensationPolicy {

    public static final String VERSION = "baseline-2022-10-15/1";

    public static final Duration EXTENSION_THRESHOLD = Duration.ofHours(4);
    public static final int EXTENSION_MULTIPLIER = 3;
    public static final long LOWER_BAND_LIMIT_KRW = 300_000;
    public static final long LOWER_BAND_PAYMENT_KRW = 30_000;
    public static final long UPPER_BAND_LIMIT_KRW = 500_000;
    public static final long UPPER_BAND_PAYMENT_KRW = 50_000;

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public Decision score(ReportSubmission submission, Incident incident) {
        String service = submission.service();
        Optional<OutageWindow> outage = incident.outageFor(service);
        if (outage.isEmpty()) {
            return decision(Outcome.MANUAL_REVIEW, "outside-incident.review", 0, 0,
                    "The service " + service + " is not among the services this incident took down,"
                            + " so our staff will review your report.",
                    service + " 서비스는 이번 장애로 중단된 서비스 목록에 없어 담당자가 신고 내용을 검토하겠습니다.");
        }
        return switch (submission.category()) {
            case PAID_SUBSCRIPTION -> paidSubscription(service, outage.get().duration());
            case BUSINESS_LOSS -> businessLoss(submission.amountClaimedKrw());
            case FREE_SERVICE_MONEY_LOST -> freeServiceMoneyLost(submission.amountClaimedKrw());
            case NO_MONETARY_DAMAGE -> decision(Outcome.NO_PAYMENT, "no-monetary-damage.recorded", 0, 0,
                    "Your report is recorded and counted in the review of this incident."
                            + " No payment applies when there is no monetary damage.",
                    "신고가 접수되어 이번 장애의 피해 집계에 반영되었습니다. 금전적 피해가 없는 경우 보상금은 지급되지 않습니다.");
        };
    }

    private Decision paidSubscription(String service, Duration outage) {
        String lostEn = "Your subscription to " + service + " was unavailable for " + durationEn(outage) + ".";
        String lostKo = "구독 서비스(" + service + ")가 " + durationKo(outage) + " 동안 이용되지 않았습니다.";
        if (outage.compareTo(EXTENSION_THRESHOLD) < 0) {
            return decision(Outcome.NO_PAYMENT, "paid-subscription.below-4h", 0, 0,
                    lostEn + " The terms of service give an extension only for outages of 4 hours or more,"
                            + " so no extension applies.",
                    lostKo + " 약관에 따른 연장은 4시간 이상의 장애에만 적용되어 이번에는 연장 대상이 아닙니다.");
        }
        Duration extension = outage.multipliedBy(EXTENSION_MULTIPLIER);
        return decision(Outcome.EXTENSION, "paid-subscription.extension-3x", 0, extension.toMinutes(),
                lostEn + " The terms of service give 3 times that as an extension: " + durationEn(extension) + ".",
                lostKo + " 약관에 따라 그 3배인 " + durationKo(extension) + "을 연장해 드립니다.");
    }

    private Decision businessLoss(Long claimedKrw) {
        if (claimedKrw == null) {
            // The parser never lets this through; a person rather than a crash if something else does.
            return decision(Outcome.MANUAL_REVIEW, "business-loss.manual-review", 0, 0,
                    "Your report of a business loss does not state the amount, so our staff will review it.",
                    "영업 손실 금액이 기재되지 않아 담당자가 신고 내용을 검토하겠습니다.");
        }
        String claimedEn = "You reported a business loss of " + amountEn(claimedKrw) + ".";
        String claimedKo = "신고하신 영업 손실은 " + amountKo(claimedKrw) + "입니다.";
        if (claimedKrw <= LOWER_BAND_LIMIT_KRW) {
            return band("business-loss.band-300k", claimedEn, claimedKo, LOWER_BAND_LIMIT_KRW, LOWER_BAND_PAYMENT_KRW);
        }
        if (claimedKrw <= UPPER_BAND_LIMIT_KRW) {
            return band("business-loss.band-500k", claimedEn, claimedKo, UPPER_BAND_LIMIT_KRW, UPPER_BAND_PAYMENT_KRW);
        }
        return decision(Outcome.MANUAL_REVIEW, "business-loss.manual-review", 0, 0,
                claimedEn + " Losses above " + amountEn(UPPER_BAND_LIMIT_KRW) + " are reviewed one by one."
                        + " Please prepare your sales for the outage week and for the best comparable week"
                        + " of the previous two months.",
                claimedKo + " " + amountKo(UPPER_BAND_LIMIT_KRW) + "을 넘는 손실은 개별 심사합니다."
                        + " 장애가 발생한 주의 매출과, 직전 두 달 중 비교 가능한 주 가운데 매출이 가장 높았던 주의"
                        + " 매출 자료를 준비해 주세요.");
    }

    private Decision band(String ruleId, String claimedEn, String claimedKo, long limitKrw, long paymentKrw) {
        return decision(Outcome.PAYMENT, ruleId, paymentKrw, 0,
                claimedEn + " Losses up to " + amountEn(limitKrw) + " are compensated with a fixed "
                        + amountEn(paymentKrw) + ".",
                claimedKo + " " + amountKo(limitKrw) + " 이하의 손실에는 정액 " + amountKo(paymentKrw)
                        + "을 보상해 드립니다.");
    }

    private Decision freeServiceMoneyLost(Long claimedKrw) {
        String amountEn = claimedKrw == null ? "" : " (" + amountEn(claimedKrw) + ")";
        String amountKo = claimedKrw == null ? "" : "(" + amountKo(claimedKrw) + ")";
        return decision(Outcome.MANUAL_REVIEW, "free-service.proof-required", 0, 0,
                "You reported money lost while using a free service" + amountEn + "."
                        + " Our staff will check the proof of the amount and contact you.",
                "무료 서비스 이용 중 발생한 금전 피해" + amountKo + "를 신고하셨습니다."
                        + " 담당자가 피해 금액 증빙을 확인한 뒤 연락드리겠습니다.");
    }

    private Decision decision(Outcome outcome, String ruleId, long amountKrw, long extensionMinutes,
                              String explanationEn, String explanationKo) {
        return new Decision(outcome, ruleId, VERSION, amountKrw, extensionMinutes, explanationEn, explanationKo);
    }
}

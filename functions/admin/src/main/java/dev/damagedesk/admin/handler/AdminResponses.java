package dev.damagedesk.admin.handler;

import dev.damagedesk.domain.validation.ErrorCodes;
import dev.damagedesk.domain.validation.FieldError;

/** The admin API's error texts, in English and Korean; the answers' shape is {@link dev.damagedesk.adapters.lambda.HttpAnswers}'s. */
final class AdminResponses {

    private AdminResponses() {
    }

    static final FieldError NO_STAFF_ROLE = new FieldError(null, "forbidden",
            "Your account has no staff role (viewer, reviewer or supervisor).",
            "계정에 직원 역할(viewer, reviewer, supervisor)이 없습니다.");

    static FieldError forbidden(String needed) {
        return new FieldError(null, "forbidden", "This needs the " + needed + " role.",
                "이 작업에는 " + needed + " 역할이 필요합니다.");
    }

    static final FieldError OVER_LIMIT = new FieldError("amountKrw", "over-decision-limit",
            "The amount is above what your role may decide; a supervisor must decide it.",
            "금액이 역할의 결정 한도를 넘습니다. 감독자(supervisor)가 결정해야 합니다.");

    static final FieldError STALE_VERSION = new FieldError("version", "stale-version",
            "The report changed since you loaded it. Reload it and decide again.",
            "불러온 뒤 신고가 변경되었습니다. 다시 불러온 뒤 결정해 주세요.");

    static final FieldError TRANSITION_NOT_ALLOWED = new FieldError("action", "transition-not-allowed",
            "This action is not possible in the report's current status.",
            "신고의 현재 상태에서는 이 작업을 할 수 없습니다.");

    static final FieldError REPORT_NOT_FOUND = new FieldError("reportId", "not_found",
            "No report has this id.", "이 번호의 신고가 없습니다.");

    static final FieldError JOB_NOT_FOUND = new FieldError("jobId", "not_found",
            "No job has this id.", "이 번호의 작업이 없습니다.");

    static final FieldError ROUTE_NOT_FOUND = new FieldError(null, "not_found",
            "No such resource.", "해당 주소가 없습니다.");

    static final FieldError UNAVAILABLE = new FieldError(null, "temporarily_unavailable",
            "A service we depend on is not answering; nothing was changed. Retry after the time in Retry-After.",
            "연결된 서비스가 응답하지 않아 아무것도 변경하지 않았습니다. Retry-After에 적힌 시간 뒤에 다시 시도해 주세요.");

    static final FieldError INTERNAL = new FieldError(null, "internal_error",
            "Something went wrong on our side. Please retry later.",
            "서버 쪽 문제로 처리하지 못했습니다. 잠시 후 다시 시도해 주세요.");

    static FieldError invalid(String field, String what, String whatKo) {
        return new FieldError(field, ErrorCodes.INVALID_FORMAT, field + " " + what, field + ": " + whatKo);
    }

    static FieldError required(String field) {
        return new FieldError(field, ErrorCodes.REQUIRED, field + " is required.", field + " 값이 필요합니다.");
    }

    static FieldError unknownField(String field) {
        return new FieldError(field, ErrorCodes.UNKNOWN_FIELD, field + " is not a known field.",
                field + "은(는) 알 수 없는 필드입니다.");
    }
}

package dev.damagedesk.intake.handler;

import dev.damagedesk.domain.validation.FieldError;
import dev.damagedesk.intake.submit.ReportSubmissionService;
import dev.damagedesk.intake.submit.ReportSubmissionService;

/** The public API's error texts, in English and Korean; the answers' shape is {@link dev.damagedesk.adapters.lambda.HttpAnswers}'s. */
final class ApiResponses {

    private ApiResponses() {
    }

    static final FieldError NOT_FOUND = new FieldError("reportId", "not_found",
            "No report matches this id and tracking token.",
            "이 신고 번호와 조회 토큰에 해당하는 신고가 없습니다.");

    static final FieldError ROUTE_NOT_FOUND = new FieldError(null, "not_found",
            "No such resource.", "해당 주소가 없습니다.");

    static final FieldError KEY_REUSED = new FieldError("Idempotency-Key", ReportSubmissionService.KEY_REUSED_CODE,
            "This Idempotency-Key was already used for a different report. Use a new key for a new report.",
            "이 Idempotency-Key는 이미 다른 신고에 사용되었습니다. 새 신고에는 새 키를 사용해 주세요.");

    static final FieldError KEY_FORMAT = new FieldError("Idempotency-Key", "invalid_format",
            "Idempotency-Key must be 8 to 128 visible ASCII characters.",
            "Idempotency-Key는 8~128자의 영문·숫자·기호여야 합니다.");

    static final FieldError UNAVAILABLE = new FieldError(null, "temporarily_unavailable",
            "We could not accept the report right now; nothing was stored. Please retry after the time in Retry-After.",
            "지금은 신고를 접수할 수 없습니다. 저장된 내용은 없습니다. Retry-After에 적힌 시간 뒤에 다시 보내 주세요.");

    static final FieldError UNQUEUEABLE_CHARACTERS = new FieldError(null, "invalid_characters",
            "The report contains characters that cannot be accepted (such as U+FFFE); nothing was stored. Remove them and send it again.",
            "신고에 접수할 수 없는 문자(예: U+FFFE)가 들어 있습니다. 저장된 내용은 없습니다. 해당 문자를 지우고 다시 보내 주세요.");

    static final FieldError CLIENT_LIMITED = new FieldError(null, ReportSubmissionService.LIMITED_CODE,
            "Too many reports from this device or network in the last minute; nothing was stored. Please send it again after the time in Retry-After, with the same Idempotency-Key.",
            "이 기기나 네트워크에서 지난 1분 동안 너무 많은 신고가 접수되었습니다. 저장된 내용은 없습니다. Retry-After에 적힌 시간 뒤에 같은 Idempotency-Key로 다시 보내 주세요.");

    static final FieldError EMAIL_LIMITED = new FieldError("reporter.email", ReportSubmissionService.LIMITED_CODE,
            "Too many reports for this email address in the last hour; nothing was stored. Please send it again after the time in Retry-After, with the same Idempotency-Key.",
            "이 이메일 주소로 지난 1시간 동안 너무 많은 신고가 접수되었습니다. 저장된 내용은 없습니다. Retry-After에 적힌 시간 뒤에 같은 Idempotency-Key로 다시 보내 주세요.");

    static final FieldError PHONE_LIMITED = new FieldError("reporter.phone", ReportSubmissionService.LIMITED_CODE,
            "Too many reports for this phone number in the last hour; nothing was stored. Please send it again after the time in Retry-After, with the same Idempotency-Key.",
            "이 전화번호로 지난 1시간 동안 너무 많은 신고가 접수되었습니다. 저장된 내용은 없습니다. Retry-After에 적힌 시간 뒤에 같은 Idempotency-Key로 다시 보내 주세요.");

    static final FieldError LOOKUP_UNAVAILABLE = new FieldError(null, "temporarily_unavailable",
            "We could not look the report up right now. Please retry after the time in Retry-After.",
            "지금은 신고를 조회할 수 없습니다. Retry-After에 적힌 시간 뒤에 다시 시도해 주세요.");

    static final FieldError INTERNAL = new FieldError(null, "internal_error",
            "Something went wrong on our side; nothing was stored. Please retry later.",
            "서버 쪽 문제로 처리하지 못했습니다. 저장된 내용은 없습니다. 잠시 후 다시 시도해 주세요.");
}

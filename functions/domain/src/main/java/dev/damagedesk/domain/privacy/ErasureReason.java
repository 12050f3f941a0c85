package dev.damagedesk.domain.privacy;

import java.util.Optional;

/** Why a reporter's personal data is erased; its {@link #name()} is the reason of the audit entry. */
public enum ErasureReason {
    /** The reporter asked for it. */
    REQUEST,
    /** The period the operator keeps reporters' personal data for has ended. */
    RETENTION_ENDED;

    /** The reason of this name ({@code REQUEST}, {@code RETENTION_ENDED}), exactly as written; empty otherwise. */
    public static Optional<ErasureReason> fromCode(String code) {
        for (ErasureReason reason : values()) {
            if (reason.name().equals(code)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}

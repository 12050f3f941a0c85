package dev.damagedesk.domain.policy;

/** Money lost while using a free service is paid as claimed up to {@code capKrw}; above it a person reviews the proof. */
public record FreeServiceRule(long capKrw) {

    public FreeServiceRule {
        Limits.check("capKrw", capKrw, Limits.KRW);
    }
}

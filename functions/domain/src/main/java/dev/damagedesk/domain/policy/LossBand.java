package dev.damagedesk.domain.policy;

/** A small business that lost at most {@code lossUpToKrw} is paid the fixed {@code payKrw}. */
public record LossBand(long lossUpToKrw, long payKrw) {

    public LossBand {
        Limits.check("lossUpToKrw", lossUpToKrw, Limits.BAND_LOSS_KRW);
        Limits.check("payKrw", payKrw, Limits.KRW);
    }
}

package dev.damagedesk.domain.policy;

import java.util.List;
import java.util.Optional;

/**
 * Small-business losses are paid in fixed bands, the first band whose limit the loss does not exceed;
 * a loss above the last band is reviewed with documents (sales in the outage week against the best
 * comparable week).
 *
 * @param bands limits strictly rising, payments never falling
 */
public record SmallBusinessRule(List<LossBand> bands) {

    public SmallBusinessRule {
        bands = List.copyOf(bands);
        if (bands.isEmpty() || bands.size() > Limits.MAX_BANDS) {
            throw new IllegalArgumentException("bands: 1 to " + Limits.MAX_BANDS + " bands, got " + bands.size());
        }
        for (int i = 1; i < bands.size(); i++) {
            if (bands.get(i).lossUpToKrw() <= bands.get(i - 1).lossUpToKrw()) {
                throw new IllegalArgumentException("bands[" + i + "].lossUpToKrw must be above the band before");
            }
            if (bands.get(i).payKrw() < bands.get(i - 1).payKrw()) {
                throw new IllegalArgumentException("bands[" + i + "].payKrw must not be below the band before");
            }
        }
    }

    /** The band that pays this loss; empty above the last band. */
    public Optional<LossBand> bandFor(long lossKrw) {
        return bands.stream().filter(band -> lossKrw <= band.lossUpToKrw()).findFirst();
    }

    /** The highest loss the bands pay. */
    public long topLimitKrw() {
        return bands.get(bands.size() - 1).lossUpToKrw();
    }
}

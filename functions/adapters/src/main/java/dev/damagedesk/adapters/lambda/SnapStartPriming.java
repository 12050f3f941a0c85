package dev.damagedesk.adapters.lambda;

import dev.damagedesk.domain.report.ReportId;
import java.util.Objects;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart's runtime hooks for one handler, written once. With {@code SnapStart: ApplyOn: PublishedVersions}
 * (template.yaml) Lambda initialises a function when a version is published, snapshots it, and starts instances from
 * that snapshot. Just before the snapshot, {@link #beforeCheckpoint} runs the handler's warm-up: its clients already
 * built, a harmless read through them (never a write, never a message sent), its policy loaded, its JSON paths
 * parsed and written once. A restored instance then answers its first request at close to warm speed instead of
 * loading and linking that code on the user's time.
 *
 * <p>A warm-up that fails is logged (its exception's type and message: ids and codes, never a body) and the snapshot
 * is taken all the same: priming only saves time, and a function whose read failed at publish time still works.
 *
 * <p>{@link #afterRestore} runs what must not be shared by every instance restored from one snapshot (seeds of the
 * random numbers in report ids and tracking tokens, say). Nothing secret is cached by a warm-up.
 *
 * <p>Off Lambda (tests, the local runtime) nothing checkpoints, so registering costs nothing and the hooks never
 * run; tests call the handler's warm-up directly.
 */
public final class SnapStartPriming implements Resource {

    /** The report a warm-up looks up: a well-formed id no report has (the lowest one), so the read finds nothing. */
    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

    public static final ReportId ABSENT_REPORT = ReportId.parse("00000000000000000000000000").orElseThrow();

    private final String function;
    private final Runnable warmUp;
    private final Runnable afterRestore;

    SnapStartPriming(String function, Runnable warmUp, Runnable afterRestore) {
        this.function = Objects.requireNonNull(function, "function");
        this.warmUp = Objects.requireNonNull(warmUp, "warmUp");
        this.afterRestore = Objects.requireNonNull(afterRestore, "afterRestore");
    }

    /**
     * Registers the hooks with the JVM's global CRaC context. Keep the returned object (a handler field): the
     * context may hold its resources weakly.
     */
    public static SnapStartPriming register(String function, Runnable warmUp, Runnable afterRestore) {
        SnapStartPriming priming = new SnapStartPriming(function, warmUp, afterRestore);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /** For a handler with nothing to renew after a restore. */
    public static SnapStartPriming register(String function, Runnable warmUp) {
        return register(function, warmUp, () -> { });
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long started = System.nanoTime();
        try {
            warmUp.run();
            LOG.info("SnapStart priming of {} done in {} ms", function, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException failed) {
            LOG.warn("SnapStart priming of {} failed, snapshot taken unprimed: {}: {}", function,
                    failed.getClass().getSimpleName(), failed.getMessage());
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        afterRestore.run();
    }
}

package dev.damagedesk.application.intake;

import dev.damagedesk.application.port.SubmissionCounters;
import dev.damagedesk.domain.report.Reporter;
import dev.damagedesk.domain.risk.IdentityKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The abuse limits of {@code POST /v1/reports}: at most {@code perClientPerMinute} new reports a minute from one client
 * (its source address) and at most {@code perContactPerHour} new reports an hour for one contact (the reporter's
 * normalised email, and phone when given, each counted on its own). Windows are fixed (the clock's minute, the clock's
 * hour), counted in {@link SubmissionCounters} shared by every intake instance, so a refusal's {@code Retry-After} is
 * exactly the time until its window ends.
 *
 * <p>What is counted: every submission that gets this far (valid, and not an idempotent retry: the caller asks only for
 * new reports); the client first, then each contact, stopping at the first subject over its limit, so a client
 * refused for its address uses up nothing of its reporter's hourly allowance. A limit of 0 is off.
 *
 * <p><b>Fails open</b>: a counter that cannot be added to counts as under its limit ({@link Verdict.Admitted#failedOpen}),
 * because on the day the channel is needed, taking reports matters more than refusing a flood; the caller logs it.
 * A subject found over its limit is remembered by this instance until its window ends, and refused from memory
 * without another write: a client flooding one key does not make that key's item hot.
 */
public final class SubmissionLimits {

    static final Duration CLIENT_WINDOW = Duration.ofMinutes(1);
    static final Duration CONTACT_WINDOW = Duration.ofHours(1);
    /** Subjects over their limit this instance remembers (the least recently seen forgotten first). */
    private static final int REMEMBERED_REFUSALS = 10_000;

    /** @param perContactPerHour new reports an hour per email and per phone; 0: no limit
     *  @param perClientPerMinute new reports a minute per client address; 0: no limit */
    public record Settings(int perContactPerHour, int perClientPerMinute) {
        public Settings {
            if (perContactPerHour < 0 || perClientPerMinute < 0) {
                throw new IllegalArgumentException("a submission limit is 0 (off) or more, got "
                        + perContactPerHour + " per contact and " + perClientPerMinute + " per client");
            }
        }

        public static final Settings OFF = new Settings(0, 0);
    }

    /** Who a limit is about, as the answer names it. */
    public enum Subject { CLIENT, EMAIL, PHONE }

    public sealed interface Verdict {
        /** Under every limit; {@code failedOpen} when some count could not be added and was taken as under. */
        record Admitted(boolean failedOpen) implements Verdict {
        }

        /** Over the limit of {@code subject}, whose window frees in {@code retryAfter} (whole seconds, at least 1). */
        record Limited(Subject subject, int limit, Duration retryAfter) implements Verdict {
        }
    }

    private record Counted(Subject subject, String key, int limit, Instant windowEnd) {
    }

    private final SubmissionCounters counters;
    private final Settings settings;
    private final Clock clock;
    private final IdentityKeys identityKeys;
    private final Map<String, Instant> refusedUntil = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > REMEMBERED_REFUSALS;
        }
    };

    /** @param identityKeys what a contact is counted under: the processor's keyed identity keys (the same secret) */
    public SubmissionLimits(SubmissionCounters counters, Settings settings, Clock clock, IdentityKeys identityKeys) {
        this.counters = counters;
        this.settings = settings;
        this.clock = clock;
        this.identityKeys = java.util.Objects.requireNonNull(identityKeys, "identityKeys");
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Counts a new report against the limits of its client and its reporter.
     *
     * @param clientAddress the client's source address as API Gateway saw it; empty when unknown (not limited)
     */
    public Verdict admit(Optional<String> clientAddress, Reporter reporter) {
        Instant now = clock.instant();
        List<Counted> subjects = new ArrayList<>(3);
        if (settings.perClientPerMinute() > 0) {
            clientAddress.filter(address -> !address.isBlank()).ifPresent(address -> subjects.add(
                    counted(Subject.CLIENT, "client#" + identityKeys.clientKey(address), settings.perClientPerMinute(), CLIENT_WINDOW, now)));
        }
        if (settings.perContactPerHour() > 0) {
            subjects.add(counted(Subject.EMAIL, "contact#" + identityKeys.emailKey(reporter.email()),
                    settings.perContactPerHour(), CONTACT_WINDOW, now));
            identityKeys.phoneKey(reporter.phone()).ifPresent(phoneKey -> subjects.add(
                    counted(Subject.PHONE, "contact#" + phoneKey, settings.perContactPerHour(), CONTACT_WINDOW, now)));
        }
        boolean failedOpen = false;
        for (Counted subject : subjects) {
            if (rememberedRefusal(subject.key(), now)) {
                return limited(subject, now);
            }
            long count;
            try {
                // kept one window past its own, then the store's TTL removes it
                count = counters.add(subject.key(), subject.windowEnd().plus(windowOf(subject.subject())));
            } catch (SubmissionCounters.Unavailable unavailable) {
                failedOpen = true;
                continue;
            }
            if (count > subject.limit()) {
                remember(subject.key(), subject.windowEnd());
                return limited(subject, now);
            }
        }
        return new Verdict.Admitted(failedOpen);
    }

    private static Counted counted(Subject subject, String subjectKey, int limit, Duration window, Instant now) {
        long windowSeconds = window.toSeconds();
        long start = Math.floorDiv(now.getEpochSecond(), windowSeconds) * windowSeconds;
        return new Counted(subject, subjectKey + "#" + start, limit, Instant.ofEpochSecond(start + windowSeconds));
    }

    private static Duration windowOf(Subject subject) {
        return subject == Subject.CLIENT ? CLIENT_WINDOW : CONTACT_WINDOW;
    }

    private static Verdict.Limited limited(Counted subject, Instant now) {
        long millis = Duration.between(now, subject.windowEnd()).toMillis();
        long seconds = Math.max(1, (millis + 999) / 1000);
        return new Verdict.Limited(subject.subject(), subject.limit(), Duration.ofSeconds(seconds));
    }

    private synchronized boolean rememberedRefusal(String key, Instant now) {
        Instant until = refusedUntil.get(key);
        return until != null && now.isBefore(until);
    }

    private synchronized void remember(String key, Instant windowEnd) {
        refusedUntil.put(key, windowEnd);
    }
}

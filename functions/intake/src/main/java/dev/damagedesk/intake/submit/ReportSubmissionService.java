package dev.damagedesk.intake.submit;

import dev.damagedesk.adapters.message.ReportSubmittedMessage;
import dev.damagedesk.adapters.queue.MessageQueue;
import dev.damagedesk.adapters.repository.IdempotencyStore;
import dev.damagedesk.adapters.traffic.PendingTallies;
import dev.damagedesk.application.intake.SubmissionLimits;
import dev.damagedesk.application.port.Measurements;
import dev.damagedesk.domain.identity.TrackingTokens;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.domain.report.ReportSubmission;
import dev.damagedesk.domain.validation.FieldError;
import dev.damagedesk.domain.validation.SubmissionFormat;
import dev.damagedesk.domain.validation.SubmissionParser;
import dev.damagedesk.domain.validation.Validated;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts a report: validates it, gives it an id and a private tracking token, and queues it. Answers
 * "accepted" only once the intake queue has the report; nothing is stored for a report that fails validation.
 */
public final class ReportSubmissionService {

    /** How long a client may retry with the same Idempotency-Key and get the same report. */
    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    private static final Logger LOG = LoggerFactory.getLogger(ReportSubmissionService.class);

    /** The error code of a report over a submission limit (the answer 429 says the same). */
    public static final String LIMITED_CODE = "too_many_reports";

    /** The error code of a key reused for another body (the answer 409 says the same). */
    public static final String KEY_REUSED_CODE = "idempotency_key_reused";

    public sealed interface Result {
        record Accepted(ReportId reportId, Instant receivedAt, String trackingToken, Duration expectedProcessing)
                implements Result {
        }

        record Rejected(List<FieldError> errors) implements Result {
        }

        record IdempotencyKeyReused() implements Result {
        }

        /** Over a submission limit: nothing queued, the key (if any) not used up; retry after {@code retryAfter}. */
        record Limited(SubmissionLimits.Subject subject, int limit, Duration retryAfter) implements Result {
        }
    }

    private final Supplier<SubmissionParser> parser;
    private final MessageQueue intakeQueue;
    private final IdempotencyStore idempotency;
    private final TrackingTokens tokens;
    private final ProcessingTimeQuote processingTime;
    private final String incidentId;
    private final Clock clock;
    private final RandomGenerator random;
    private final Measurements measurements;
    private final PendingTallies arrivals;
    private final SubmissionLimits limits;

    /**
     * @param arrivals the container's count of accepted reports by service, added to the traffic tallies in bulk
     * @param parser the validation rules for the active incident's current ledger (its services can change when
     *               staff import a new ledger, so it is asked for on each submission)
     * @param limits  the per-client and per-contact limits new reports are counted against
     */
    public ReportSubmissionService(Supplier<SubmissionParser> parser, MessageQueue intakeQueue, IdempotencyStore idempotency,
                                   TrackingTokens tokens, ProcessingTimeQuote processingTime, String incidentId,
                                   Clock clock, RandomGenerator random, Measurements measurements,
                                   PendingTallies arrivals, SubmissionLimits limits) {
        this.parser = parser;
        this.intakeQueue = intakeQueue;
        this.idempotency = idempotency;
        this.tokens = tokens;
        this.processingTime = processingTime;
        this.incidentId = incidentId;
        this.clock = clock;
        this.random = random;
        this.measurements = measurements;
        this.arrivals = arrivals;
        this.limits = limits;
    }

    /**
     * @param idempotencyKey the client's key, already checked for shape, or empty
     * @param clientAddress  the client's source address (API Gateway's {@code requestContext.http.sourceIp}), or empty
     * @throws MessageQueue.QueueUnavailableException when the report could not be queued (answer 503)
     */
    public Result submit(Map<String, Object> body, byte[] rawBody, Optional<String> idempotencyKey,
                         Optional<String> clientAddress) {
        Validated<ReportSubmission> validated = parser.get().parse(body);
        if (!validated.isValid()) {
            // One count per distinct code: a report refused for two reasons is counted under both.
            validated.errors().stream().map(FieldError::code).distinct().forEach(measurements::reportRefused);
            return new Result.Rejected(validated.errors());
        }
        ReportSubmission submission = validated.value();
        Instant now = clock.instant();
        ReportId reportId = ReportId.newId(now, random);
        Instant receivedAt = now;
        boolean alreadyQueued = false;
        boolean retry = false;

        if (idempotencyKey.isPresent()) {
            var claim = idempotency.claim(idempotencyKey.get(), IdempotencyStore.sha256(rawBody), reportId, now,
                    now.plus(IDEMPOTENCY_WINDOW));
            if (claim instanceof IdempotencyStore.Claim.Conflict) {
                measurements.reportRefused(KEY_REUSED_CODE);
                return new Result.IdempotencyKeyReused();
            }
            if (claim instanceof IdempotencyStore.Claim.Replay replay) {
                reportId = replay.reportId();
                receivedAt = replay.receivedAt();
                alreadyQueued = replay.queued();
                retry = true;
            }
        }

        // Only a new report is counted against the limits: a retry with the key of one already counted (answered, or
        // refused 503 after its count) is neither counted again nor refused. Counted after the claim, so that two
        // concurrent attempts with one key count once; a refused report gives its claim up, so that its retry after
        // Retry-After is counted as the new report it still is.
        if (!retry) {
            SubmissionLimits.Verdict verdict = limits.admit(clientAddress, submission.reporter());
            if (verdict instanceof SubmissionLimits.Verdict.Limited limited) {
                ReportId claimed = reportId;
                idempotencyKey.ifPresent(key -> release(key, claimed, now));
                measurements.reportRefused(LIMITED_CODE);
                return new Result.Limited(limited.subject(), limited.limit(), limited.retryAfter());
            }
            if (verdict instanceof SubmissionLimits.Verdict.Admitted admitted && admitted.failedOpen()) {
                LOG.warn("Submission limits not counted (counters unavailable): report admitted, failing open");
            }
        }

        String token = tokens.issue(reportId);
        // Quoted before queueing: the report waits behind what is queued now, not behind itself.
        Duration expectedProcessing = processingTime.current();
        if (!alreadyQueued) {
            intakeQueue.send(new ReportSubmittedMessage(reportId, receivedAt, incidentId, TrackingTokens.hash(token),
                    SubmissionFormat.toMap(submission)).toJson());
            idempotencyKey.ifPresent(idempotency::markQueued);
            measurements.reportAccepted(); // once per report: a replay of the same request is not another
            arrivals.accepted(submission.service());
        }
        arrivals.addIfDue();
        return new Result.Accepted(reportId, receivedAt, token, expectedProcessing);
    }

    /** A claim not given up only means that a retry with its key skips the limits once: never worth a 5xx. */
    private void release(String idempotencyKey, ReportId claimed, Instant now) {
        try {
            idempotency.release(idempotencyKey, claimed, now);
        } catch (RuntimeException unavailable) {
            LOG.warn("Idempotency claim of a limited report not given up: {}", unavailable.getClass().getSimpleName());
        }
    }
}

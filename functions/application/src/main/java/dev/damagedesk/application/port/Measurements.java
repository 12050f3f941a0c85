package dev.damagedesk.application.port;

import java.time.Duration;

/**
 * What the use cases report about their outcomes, for the operators' metrics. The adapters map each outcome to a
 * CloudWatch metric once ({@code dev.damagedesk.adapters.lambda.PowertoolsTelemetry}); the use cases never see a
 * metric name or unit. Arguments are codes and durations only, never a reporter's data.
 */
public interface Measurements {

    /** The intake accepted and queued a report. */
    void reportAccepted();

    /** The intake refused a report; {@code reason}: the error code (a validation code, {@code idempotency_key_reused}). */
    void reportRefused(String reason);

    /** The processor stored a report for the first time, {@code sinceReceipt} after the intake received it. */
    void reportStored(Duration sinceReceipt);

    /** The processor linked a newly stored report to the first report of the same reporter and service. */
    void duplicateLinked();

    /** A report was decided (by the policy engine or by staff) under the rule {@code ruleId}. */
    void decided(String ruleId);

    /** A notice email went out. */
    void emailSent();

    /** A notice email was not sent now and will be retried (another delivery holds it, or the send failed). */
    void emailDeferred();

    /** Measures nothing: for tools and tests that have no metrics to report. */
    Measurements NONE = new Measurements() {
        @Override
        public void reportAccepted() {
        }

        @Override
        public void reportRefused(String reason) {
        }

        @Override
        public void reportStored(Duration sinceReceipt) {
        }

        @Override
        public void duplicateLinked() {
        }

        @Override
        public void decided(String ruleId) {
        }

        @Override
        public void emailSent() {
        }

        @Override
        public void emailDeferred() {
        }
    };
}

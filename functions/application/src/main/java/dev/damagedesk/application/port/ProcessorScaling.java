package dev.damagedesk.application.port;

/**
 * The processor's SQS event source: its {@code MaximumConcurrency}, read and set through the Lambda API
 * (ListEventSourceMappings, UpdateEventSourceMapping).
 */
public interface ProcessorScaling {

    /** The concurrency the event source runs with now. */
    int maximumConcurrency();

    /** Sets it; the event source's pollers follow within seconds. */
    void setMaximumConcurrency(int concurrency);
}

package dev.damagedesk.localaws.template;

/**
 * An {@code SQS} event of a function: the event source mapping Lambda would poll with.
 *
 * @param queueLogicalId               from {@code Queue: !GetAtt X.Arn}
 * @param batchSize                    {@code BatchSize}, 10 when absent
 * @param maximumBatchingWindowSeconds {@code MaximumBatchingWindowInSeconds}, 0 when absent
 * @param reportBatchItemFailures      whether {@code FunctionResponseTypes} has {@code ReportBatchItemFailures}
 * @param maximumConcurrency           {@code ScalingConfig.MaximumConcurrency} (2..1000), 1000 when absent
 */
public record SqsEventSource(
        String eventName,
        String queueLogicalId,
        int batchSize,
        int maximumBatchingWindowSeconds,
        boolean reportBatchItemFailures,
        int maximumConcurrency) {

    public static final int DEFAULT_BATCH_SIZE = 10;
    public static final int DEFAULT_MAXIMUM_CONCURRENCY = 1000;
}

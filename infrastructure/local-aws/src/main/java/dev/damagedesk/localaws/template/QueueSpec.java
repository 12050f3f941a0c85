package dev.damagedesk.localaws.template;

import java.util.Optional;

/**
 * An {@code AWS::SQS::Queue}.
 *
 * @param deadLetterQueueLogicalId from {@code RedrivePolicy.deadLetterTargetArn: !GetAtt X.Arn}
 * @param maxReceiveCount          {@code RedrivePolicy.maxReceiveCount}, 0 without a redrive policy
 */
public record QueueSpec(
        String logicalId,
        int visibilityTimeoutSeconds,
        int messageRetentionSeconds,
        int delaySeconds,
        Optional<String> deadLetterQueueLogicalId,
        int maxReceiveCount) {

    public static final int DEFAULT_VISIBILITY_TIMEOUT_SECONDS = 30;
    public static final int DEFAULT_MESSAGE_RETENTION_SECONDS = 345_600;
}

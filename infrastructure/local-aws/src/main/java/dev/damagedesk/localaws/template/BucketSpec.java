package dev.damagedesk.localaws.template;

import java.util.Optional;

/**
 * An {@code AWS::S3::Bucket}.
 *
 * @param bucketName {@code BucketName} when the template sets one (a literal); else the bucket is named after its
 *                   logical id, in lower case, locally
 */
public record BucketSpec(String logicalId, Optional<String> bucketName) {
}

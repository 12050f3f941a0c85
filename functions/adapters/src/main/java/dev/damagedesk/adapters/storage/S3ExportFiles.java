package dev.damagedesk.adapters.storage;

import dev.damagedesk.application.port.ExportFiles;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Exports in the private S3 bucket (SSE, public access blocked, expired by a lifecycle rule; see template.yaml),
 * written as multipart uploads and handed out through presigned GET links.
 */
public final class S3ExportFiles implements ExportFiles {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3ExportFiles(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public String begin(String key, String contentType) {
        return s3.createMultipartUpload(create -> create.bucket(bucket).key(key).contentType(contentType)
                .contentDisposition("attachment; filename=\"" + key.substring(key.lastIndexOf('/') + 1) + "\"")).uploadId();
    }

    @Override
    public String uploadPart(String key, String uploadId, int partNumber, byte[] content) {
        return s3.uploadPart(part -> part.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber),
                RequestBody.fromBytes(content)).eTag();
    }

    @Override
    public void complete(String key, String uploadId, List<String> etags) {
        List<CompletedPart> parts = new ArrayList<>();
        for (int i = 0; i < etags.size(); i++) {
            parts.add(CompletedPart.builder().partNumber(i + 1).eTag(etags.get(i)).build());
        }
        try {
            s3.completeMultipartUpload(complete -> complete.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(upload -> upload.parts(parts)));
        } catch (NoSuchUploadException gone) {
            if (!exists(key)) {
                throw gone;
            }
            // completed by an earlier delivery of the last page
        }
    }

    @Override
    public URI downloadUrl(String key, Duration validFor) {
        return URI.create(presigner.presignGetObject(presign -> presign.signatureDuration(validFor)
                .getObjectRequest(get -> get.bucket(bucket).key(key))).url().toString());
    }

    private boolean exists(String key) {
        try {
            s3.headObject(head -> head.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException missing) {
            return false;
        } catch (S3Exception other) {
            if (other.statusCode() == 404) {
                return false;
            }
            throw other;
        }
    }
}

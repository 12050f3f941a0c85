package dev.damagedesk.application.port;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The private bucket exports are written to, as multipart uploads: one part per chunk of pages, so that no
 * request or function ever holds a whole export. Uploading the same part number again replaces it.
 */
public interface ExportFiles {

    /** @return the upload id */
    String begin(String key, String contentType);

    /** @return the part's ETag; every part but the last must be at least {@link #MIN_PART_BYTES} */
    String uploadPart(String key, String uploadId, int partNumber, byte[] content);

    /** @param etags of parts 1..n, in order */
    void complete(String key, String uploadId, List<String> etags);

    /** A time-limited GET link to a completed export. */
    URI downloadUrl(String key, Duration validFor);

    /** S3's minimum size of a multipart part other than the last. */
    int MIN_PART_BYTES = 5 * 1024 * 1024;
}

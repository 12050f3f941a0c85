package dev.damagedesk.application.memory;

import dev.damagedesk.application.port.ExportFiles;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Multipart uploads in memory, with S3's rules: parts replaced by number, joined in order on completion. */
public final class InMemoryExportFiles implements ExportFiles {

    private final Map<String, TreeMap<Integer, byte[]>> uploads = new ConcurrentHashMap<>();
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();

    @Override
    public String begin(String key, String contentType) {
        String uploadId = "upload-" + key;
        uploads.put(uploadId, new TreeMap<>());
        return uploadId;
    }

    @Override
    public synchronized String uploadPart(String key, String uploadId, int partNumber, byte[] content) {
        TreeMap<Integer, byte[]> parts = uploads.get(uploadId);
        if (parts == null) {
            throw new IllegalStateException("No such upload " + uploadId);
        }
        parts.put(partNumber, content.clone());
        return "etag-" + partNumber + "-" + java.util.Arrays.hashCode(content);
    }

    @Override
    public synchronized void complete(String key, String uploadId, List<String> etags) {
        TreeMap<Integer, byte[]> parts = uploads.remove(uploadId);
        if (parts == null) {
            if (objects.containsKey(key)) {
                return; // completed before: completing again is a no-op
            }
            throw new IllegalStateException("No such upload " + uploadId);
        }
        if (parts.size() != etags.size()) {
            throw new IllegalStateException(parts.size() + " parts uploaded, " + etags.size() + " listed");
        }
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        parts.values().forEach(whole::writeBytes);
        objects.put(key, whole.toByteArray());
    }

    @Override
    public URI downloadUrl(String key, Duration validFor) {
        return URI.create("memory://exports/" + key + "?expires=" + validFor.toSeconds());
    }

    public Optional<byte[]> object(String key) {
        return Optional.ofNullable(objects.get(key));
    }
}

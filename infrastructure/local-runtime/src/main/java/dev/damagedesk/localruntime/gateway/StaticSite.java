package dev.damagedesk.localruntime.gateway;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A folder served under a path prefix, as CloudFront serves the admin page's bucket: GET and HEAD only,
 * {@code index.html} for the prefix itself, a content type by file extension, and the response headers policy's
 * headers on every answer. Files generated at start-up (the page's {@code config.json}) are served beside the folder's
 * and take precedence. Nothing outside the folder can be reached.
 */
public final class StaticSite {

    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("map", "application/json; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("webp", "image/webp"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("csv", "text/csv; charset=utf-8"));

    private final String prefix;
    private final Path folder;
    private final Map<String, Supplier<byte[]>> generated;
    private final List<Map.Entry<String, String>> headers;

    /**
     * @param prefix    e.g. {@code /admin/} (with both slashes)
     * @param generated file name (relative to the prefix) to its content, made when asked for
     * @param headers   sent with every answer (the security headers)
     */
    public StaticSite(String prefix, Path folder, Map<String, Supplier<byte[]>> generated,
                      List<Map.Entry<String, String>> headers) {
        if (!prefix.startsWith("/") || !prefix.endsWith("/")) {
            throw new IllegalArgumentException("prefix must start and end with '/': " + prefix);
        }
        this.prefix = prefix;
        this.folder = folder.toAbsolutePath().normalize();
        this.generated = Map.copyOf(generated);
        this.headers = List.copyOf(headers);
    }

    public String prefix() {
        return prefix;
    }

    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    public boolean serves(String method, String rawPath) {
        boolean read = "GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method);
        return read && (rawPath.startsWith(prefix) || rawPath.equals(prefix.substring(0, prefix.length() - 1)));
    }

    HttpApiResponse serve(String method, String rawPath) {
        if (!rawPath.startsWith(prefix)) {
            return answer(301, List.of(Map.entry("Location", prefix)), new byte[0]);
        }
        String relative;
        try {
            relative = URLDecoder.decode(rawPath.substring(prefix.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return notFound();
        }
        if (relative.isEmpty() || relative.endsWith("/")) {
            relative = relative + "index.html";
        }
        Supplier<byte[]> made = generated.get(relative);
        if (made != null) {
            return answer(200, List.of(Map.entry("Content-Type", contentType(relative))), made.get());
        }
        if (relative.contains("\0") || relative.contains("\\")) {
            return notFound();
        }
        Path file = folder.resolve(relative).normalize();
        if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
            return notFound();
        }
        try {
            return answer(200, List.of(Map.entry("Content-Type", contentType(file.getFileName().toString()))),
                    Files.readAllBytes(file));
        } catch (IOException e) {
            return notFound();
        }
    }

    private HttpApiResponse notFound() {
        return answer(404, List.of(Map.entry("Content-Type", "text/plain; charset=utf-8")),
                "Not Found".getBytes(StandardCharsets.UTF_8));
    }

    private HttpApiResponse answer(int status, List<Map.Entry<String, String>> own, byte[] body) {
        List<Map.Entry<String, String>> all = new ArrayList<>(own);
        all.addAll(headers);
        return new HttpApiResponse(status, all, body);
    }

    static String contentType(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }
}

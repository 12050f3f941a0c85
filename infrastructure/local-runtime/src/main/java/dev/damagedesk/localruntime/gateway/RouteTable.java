package dev.damagedesk.localruntime.gateway;

import dev.damagedesk.localaws.template.HttpRoute;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The routes of an HTTP API and API Gateway's rule for choosing one: the most specific match wins (a literal path
 * segment over a path variable, a path variable over a greedy {@code {proxy+}}, a route's own method over
 * {@code ANY}), and the {@code $default} route takes what nothing else matches.
 */
public final class RouteTable {

    /** A route that matched a request, with the values of its path variables (URL-decoded). */
    public record Match(RouteBinding binding, Map<String, String> pathParameters) {
    }

    private enum SegmentKind { LITERAL, VARIABLE, GREEDY }

    private record Segment(SegmentKind kind, String text) {
    }

    private record Template(RouteBinding binding, List<Segment> segments, boolean anyMethod) {
    }

    private final List<Template> templates = new ArrayList<>();
    private final RouteBinding defaultRoute;

    /** @throws IllegalArgumentException for a malformed path or a route key declared twice */
    public RouteTable(List<RouteBinding> bindings) {
        Set<String> keys = new HashSet<>();
        RouteBinding fallback = null;
        for (RouteBinding binding : bindings) {
            HttpRoute route = binding.route();
            if (!keys.add(route.routeKey())) {
                throw new IllegalArgumentException("Route " + route.routeKey() + " is declared twice");
            }
            if (HttpRoute.DEFAULT_ROUTE.equals(route.path())) {
                fallback = binding;
            } else {
                templates.add(new Template(binding, parse(route.path()), "ANY".equals(route.method())));
            }
        }
        this.defaultRoute = fallback;
    }

    public List<RouteBinding> bindings() {
        List<RouteBinding> all = new ArrayList<>(templates.stream().map(Template::binding).toList());
        if (defaultRoute != null) {
            all.add(defaultRoute);
        }
        return all;
    }

    /**
     * @param method  the request's method
     * @param rawPath the request's path, still percent-encoded
     */
    public Optional<Match> match(String method, String rawPath) {
        List<String> segments = splitPath(rawPath);
        String upperMethod = method.toUpperCase(Locale.ROOT);
        Match best = null;
        Template bestTemplate = null;
        for (Template template : templates) {
            if (!template.anyMethod() && !template.binding().route().method().equals(upperMethod)) {
                continue;
            }
            Map<String, String> parameters = matchSegments(template.segments(), segments);
            if (parameters != null && (bestTemplate == null || SPECIFICITY.compare(template, bestTemplate) < 0)) {
                best = new Match(template.binding(), parameters);
                bestTemplate = template;
            }
        }
        if (best == null && defaultRoute != null) {
            best = new Match(defaultRoute, Map.of());
        }
        return Optional.ofNullable(best);
    }

    /** Smaller is more specific: compares segment kinds left to right, then a route's own method before ANY. */
    private static final Comparator<Template> SPECIFICITY = (left, right) -> {
        int shared = Math.min(left.segments().size(), right.segments().size());
        for (int i = 0; i < shared; i++) {
            int byKind = left.segments().get(i).kind().compareTo(right.segments().get(i).kind());
            if (byKind != 0) {
                return byKind;
            }
        }
        return Boolean.compare(left.anyMethod(), right.anyMethod());
    };

    private static Map<String, String> matchSegments(List<Segment> template, List<String> path) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            Segment segment = template.get(i);
            if (segment.kind() == SegmentKind.GREEDY) {
                String rest = i >= path.size() ? ""
                        : String.join("/", path.subList(i, path.size()).stream().map(RouteTable::decode).toList());
                if (rest.isEmpty()) {
                    return null; // {proxy+} needs something to take
                }
                parameters.put(segment.text(), rest);
                return parameters;
            }
            if (i >= path.size()) {
                return null;
            }
            String value = decode(path.get(i));
            if (segment.kind() == SegmentKind.LITERAL) {
                if (!segment.text().equals(value)) {
                    return null;
                }
            } else {
                if (value.isEmpty()) {
                    return null;
                }
                parameters.put(segment.text(), value);
            }
        }
        return template.size() == path.size() ? parameters : null;
    }

    private static List<Segment> parse(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("Route path must start with '/': " + path);
        }
        List<String> parts = splitPath(path);
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (part.startsWith("{") && part.endsWith("}")) {
                String name = part.substring(1, part.length() - 1);
                boolean greedy = name.endsWith("+");
                if (greedy) {
                    name = name.substring(0, name.length() - 1);
                    if (i != parts.size() - 1) {
                        throw new IllegalArgumentException("A greedy path variable must be the last segment: " + path);
                    }
                }
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("Empty path variable in " + path);
                }
                segments.add(new Segment(greedy ? SegmentKind.GREEDY : SegmentKind.VARIABLE, name));
            } else {
                segments.add(new Segment(SegmentKind.LITERAL, part));
            }
        }
        return segments;
    }

    /** "/" has no segments; "/a/b" has [a, b]; a trailing slash adds an empty segment, which no variable matches. */
    private static List<String> splitPath(String path) {
        if (path.equals("/") || path.isEmpty()) {
            return List.of();
        }
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return List.of(trimmed.split("/", -1));
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }
}

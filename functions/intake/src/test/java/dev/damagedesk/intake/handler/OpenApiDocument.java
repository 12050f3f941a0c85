package dev.damagedesk.intake.handler;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code docs/openapi.yaml}, read for the contract test: its operations and responses with local {@code $ref}s
 * followed, and any schema in it as a JSON Schema validator (OpenAPI 3.1 schemas are JSON Schema 2020-12 in the
 * OpenAPI dialect). Formats ({@code date-time}, {@code email}) are asserted, not just annotations.
 */
final class OpenApiDocument {

    /** Only names the document inside the validator; nothing is fetched from it. */
    private static final String IRI = "https://damagedesk.invalid/docs/openapi.json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** A node of the document and the JSON pointer it lives at (after following {@code $ref}s). */
    record Located(String pointer, JsonNode node) {
    }

    /** One operation: {@code POST /v1/reports} is method {@code post}, path {@code /v1/reports}. */
    record Operation(String method, String path, Located located) {
        String routeKey() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    private final JsonNode root;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiDocument(JsonNode root) {
        this.root = root;
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        String json = JSON.writeValueAsString(root);
        this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
                builder -> builder.schemaRegistryConfig(config).schemas(Map.of(IRI, json)));
    }

    static OpenApiDocument load(Path yamlFile) {
        try {
            String yaml = Files.readString(yamlFile, StandardCharsets.UTF_8);
            YAMLMapper mapper = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
            return new OpenApiDocument(mapper.readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + yamlFile, e);
        }
    }

    JsonNode root() {
        return root;
    }

    /** The node at a JSON pointer, {@code $ref}s followed; fails on a missing node or a ref outside the document. */
    Located at(String pointer) {
        JsonNode node = root.at(JsonPointer.compile(pointer));
        if (node.isMissingNode()) {
            throw new AssertionError("openapi.yaml has nothing at " + pointer);
        }
        return follow(new Located(pointer, node));
    }

    Located follow(Located located) {
        Located current = located;
        for (int hops = 0; current.node().has("$ref"); hops++) {
            String ref = current.node().get("$ref").asString();
            if (!ref.startsWith("#/") || hops > 10) {
                throw new AssertionError("Unsupported or circular $ref " + ref + " at " + current.pointer());
            }
            String pointer = ref.substring(1);
            JsonNode target = root.at(JsonPointer.compile(pointer));
            if (target.isMissingNode()) {
                throw new AssertionError("$ref " + ref + " at " + current.pointer() + " points at nothing");
            }
            current = new Located(pointer, target);
        }
        return current;
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        root.path("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(method -> METHODS.contains(method.getKey()))
                .forEach(method -> operations.add(new Operation(method.getKey(), path.getKey(),
                        new Located("/paths/" + escape(path.getKey()) + "/" + method.getKey(), method.getValue())))));
        return operations;
    }

    Set<String> routeKeys() {
        Set<String> keys = new LinkedHashSet<>();
        operations().forEach(operation -> keys.add(operation.routeKey()));
        return keys;
    }

    Operation operation(String routeKey) {
        return operations().stream().filter(operation -> operation.routeKey().equals(routeKey)).findFirst()
                .orElseThrow(() -> new AssertionError("openapi.yaml does not document " + routeKey));
    }

    /** Status code to response object, refs followed. */
    Map<String, Located> responses(String routeKey) {
        Operation operation = operation(routeKey);
        Map<String, Located> responses = new LinkedHashMap<>();
        operation.located().node().path("responses").properties().forEach(entry -> responses.put(entry.getKey(),
                follow(new Located(operation.located().pointer() + "/responses/" + escape(entry.getKey()),
                        entry.getValue()))));
        return responses;
    }

    /** The validator for the schema at a JSON pointer of this document (relative {@code $ref}s resolve in it). */
    Schema schema(String pointer) {
        if (root.at(JsonPointer.compile(pointer)).isMissingNode()) {
            throw new AssertionError("openapi.yaml has no schema at " + pointer);
        }
        return schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(IRI + "#" + p)));
    }

    /** Validation problems of a JSON value against the schema at a pointer; empty when it conforms. */
    List<String> problems(String schemaPointer, JsonNode instance) {
        return schema(schemaPointer).validate(instance).stream().map(Object::toString).toList();
    }

    List<String> problems(String schemaPointer, String json) {
        return schema(schemaPointer).validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
    }

    /** Every {@code $ref} anywhere in the document, with where it is. */
    Map<String, String> allRefs() {
        Map<String, String> refs = new LinkedHashMap<>();
        collectRefs("", root, refs);
        return refs;
    }

    private static void collectRefs(String pointer, JsonNode node, Map<String, String> refs) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if (entry.getKey().equals("$ref") && entry.getValue().isString()) {
                    refs.put(pointer, entry.getValue().asString());
                } else {
                    collectRefs(pointer + "/" + escape(entry.getKey()), entry.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectRefs(pointer + "/" + i, node.get(i), refs);
            }
        }
    }

    /** JSON pointer escaping of one reference token. */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** The strings of an {@code enum} in a schema, refs followed. */
    List<String> enumOf(String schemaPointer) {
        JsonNode values = at(schemaPointer).node().path("enum");
        if (!values.isArray()) {
            throw new AssertionError("No enum at " + schemaPointer);
        }
        List<String> strings = new ArrayList<>();
        values.forEach(value -> strings.add(value.asString()));
        return strings;
    }
}

package dev.damagedesk.adapters.incident;

import dev.damagedesk.adapters.json.Json;
import dev.damagedesk.domain.policy.PolicyDocument;
import dev.damagedesk.domain.policy.PolicyDocuments;
import dev.damagedesk.domain.policy.PolicyEngine;
import dev.damagedesk.domain.validation.Validated;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Compensation policies shipped with the functions (domain resources {@code /policies/<incidentId>/v<version>.json},
 * parsed here with the functions' JSON library and validated by the domain), read once per container. A later step
 * loads the versions published to DynamoDB; a bundled version is the starting point of an incident.
 */
public final class PolicyCatalog {

    private final Map<String, Optional<PolicyDocument>> loaded = new ConcurrentHashMap<>();
    private final Map<String, PolicyEngine> engines = new ConcurrentHashMap<>();

    /** @throws IllegalArgumentException when there is no such bundled version, or it is not a valid policy document */
    public PolicyDocument get(String incidentId, int version) {
        return find(incidentId, version).orElseThrow(() -> new IllegalArgumentException(
                "No bundled policy version " + version + " for incident " + incidentId
                        + " (no /" + PolicyDocuments.bundledResource(incidentId, version) + ")"));
    }

    /**
     * The highest bundled version of an incident's policy: versions are numbered from 1 without gaps.
     *
     * @throws IllegalArgumentException when the incident has no bundled policy, or its latest one is invalid
     */
    public PolicyDocument latest(String incidentId) {
        PolicyDocument latest = get(incidentId, 1);
        for (int version = 2; ; version++) {
            Optional<PolicyDocument> next = find(incidentId, version);
            if (next.isEmpty()) {
                return latest;
            }
            latest = next.get();
        }
    }

    /** The bundled versions of an incident's policy (numbered from 1 without gaps); empty when it has none. */
    public List<Integer> versions(String incidentId) {
        List<Integer> versions = new ArrayList<>();
        for (int version = 1; find(incidentId, version).isPresent(); version++) {
            versions.add(version);
        }
        return versions;
    }

    /** The engine that scores an incident's reports under its latest bundled policy. */
    public PolicyEngine latestEngine(String incidentId) {
        return engines.computeIfAbsent(incidentId, id -> new PolicyEngine(latest(id)));
    }

    private Optional<PolicyDocument> find(String incidentId, int version) {
        // Absent versions are remembered too: latest() asks for the next version on every report.
        return loaded.computeIfAbsent(incidentId + "/v" + version, key -> load(incidentId, version));
    }

    private static Optional<PolicyDocument> load(String incidentId, int version) {
        String resource = "/" + PolicyDocuments.bundledResource(incidentId, version);
        try (InputStream in = PolicyCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Validated<PolicyDocument> parsed =
                    PolicyDocuments.parse(Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            if (!parsed.isValid()) {
                throw new IllegalArgumentException("Invalid policy document " + resource + ": " + describe(parsed));
            }
            PolicyDocument policy = parsed.value();
            if (!policy.incidentId().equals(incidentId) || policy.version() != version) {
                throw new IllegalArgumentException("Policy document " + resource + " says it is "
                        + policy.policyVersion() + ", not " + incidentId + "/v" + version);
            }
            return Optional.of(policy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Validated<PolicyDocument> invalid) {
        return invalid.errors().stream()
                .map(error -> error.field() + " " + error.code() + " (" + error.messageEn() + ")")
                .collect(Collectors.joining("; "));
    }
}

package dev.damagedesk.adapters.incident;

import dev.damagedesk.adapters.repository.IncidentStore;
import dev.damagedesk.application.port.Incidents;
import dev.damagedesk.domain.incident.Incident;
import dev.damagedesk.domain.incident.IncidentDocument;
import dev.damagedesk.domain.policy.PolicyDocument;
import dev.damagedesk.domain.policy.PolicyDocuments;
import dev.damagedesk.domain.policy.PolicyEngine;
import dev.damagedesk.domain.scoring.CompensationPolicy;
import dev.damagedesk.domain.validation.Validated;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * An incident's ledger and policy as the functions should use them: what staff imported and published to the
 * table, else what ships with the code (the starting point of an incident). The ledger is cached per container
 * for {@code refresh}. The active policy version is read on every call (one small item): a report scored under
 * a superseded version after the re-scoring job passed it would never be re-scored. Policy documents are
 * immutable per version, so they are parsed once per container.
 */
public final class IncidentDirectory implements Incidents {

    private record Cached<T>(T value, Instant readAt) {
    }

    private final IncidentStore store;
    private final IncidentCatalog bundledIncidents;
    private final PolicyCatalog bundledPolicies;
    private final Clock clock;
    private final Duration refresh;
    private final Map<String, Cached<Incident>> incidents = new ConcurrentHashMap<>();
    private final Map<String, PolicyEngine> versions = new ConcurrentHashMap<>();

    /** How long a function container keeps an incident's ledger before reading it again. */
    public static final Duration FUNCTION_REFRESH = Duration.ofMinutes(1);

    /** The directory every function uses: the table's published ledger and policies over the bundled ones. */
    public static IncidentDirectory forFunction(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        return new IncidentDirectory(new IncidentStore(dynamoDb, tableName), new IncidentCatalog(), new PolicyCatalog(),
                clock, FUNCTION_REFRESH);
    }

    public IncidentDirectory(IncidentStore store, IncidentCatalog bundledIncidents, PolicyCatalog bundledPolicies,
                             Clock clock, Duration refresh) {
        this.store = store;
        this.bundledIncidents = bundledIncidents;
        this.bundledPolicies = bundledPolicies;
        this.clock = clock;
        this.refresh = refresh;
    }

    /** @throws IllegalArgumentException when the incident is neither imported nor bundled */
    @Override
    public Incident incident(String incidentId) {
        return cached(incidents, incidentId, () -> store.ledger(incidentId)
                .map(document -> IncidentDocument.fromMap(incidentId, document))
                .orElseGet(() -> bundledIncidents.get(incidentId)));
    }

    /** The policy new reports are scored under: the latest published version, else the latest bundled one. */
    @Override
    public PolicyEngine activePolicy(String incidentId) {
        return store.activeVersion(incidentId)
                .flatMap(version -> engine(incidentId, version))
                .orElseGet(() -> bundledPolicies.latestEngine(incidentId));
    }

    /** One version exactly (published versions never change, so they are cached for good). */
    @Override
    public Optional<CompensationPolicy> policy(String incidentId, int version) {
        return engine(incidentId, version).map(CompensationPolicy.class::cast);
    }

    /** {@link #policy} as the engine, for callers that need its explanations. */
    public Optional<PolicyEngine> engine(String incidentId, int version) {
        PolicyEngine known = versions.get(incidentId + "/v" + version);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<PolicyEngine> found = store.policy(incidentId, version).map(stored -> engine(stored.document()));
        if (found.isEmpty()) {
            try {
                found = Optional.of(new PolicyEngine(bundledPolicies.get(incidentId, version)));
            } catch (IllegalArgumentException notBundled) {
                return Optional.empty();
            }
        }
        versions.put(incidentId + "/v" + version, found.get());
        return found;
    }

    private static PolicyEngine engine(Map<String, Object> document) {
        Validated<PolicyDocument> parsed = PolicyDocuments.parse(document);
        if (!parsed.isValid()) {
            // Publishing validates; a stored document that fails is a bug or a hand edit, not reporter input.
            throw new IllegalStateException("Stored policy document is invalid: " + parsed.errors());
        }
        return new PolicyEngine(parsed.value());
    }

    private <T> T cached(Map<String, Cached<T>> cache, String key, Supplier<T> read) {
        Instant now = clock.instant();
        Cached<T> entry = cache.get(key);
        if (entry == null || entry.readAt().plus(refresh).isBefore(now)) {
            entry = new Cached<>(read.get(), now);
            cache.put(key, entry);
        }
        return entry.value();
    }
}

package dev.damagedesk.localaws.provision;

import dev.damagedesk.localaws.emulator.LocalAws;
import dev.damagedesk.localaws.template.FunctionSpec;
import dev.damagedesk.localaws.template.IndexSpec;
import dev.damagedesk.localaws.template.QueueSpec;
import dev.damagedesk.localaws.template.SamTemplate;
import dev.damagedesk.localaws.template.TableSpec;
import dev.damagedesk.localaws.template.TemplateException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates a template's queues, tables and secrets in the local emulators, named by their logical ids.
 */
public final class Provisioner {

    private static final Logger LOG = LoggerFactory.getLogger(Provisioner.class);
    private static final AtomicBoolean TTL_NOTICE_GIVEN = new AtomicBoolean();
    private static final AtomicBoolean RETENTION_NOTICE_GIVEN = new AtomicBoolean();
    private static final String SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static final int DEFAULT_SECRET_LENGTH = 64;
    public static final String SECRETS_FILE = "secrets.properties";

    private Provisioner() {
    }

    /**
     * Provisions everything the template declares that is emulated.
     *
     * @param dataDir where secrets are kept ({@code secrets.properties}) so that they, and the tokens derived from
     *                them, stay valid across restarts; fresh secrets every time when empty
     */
    public static ProvisionedResources apply(SamTemplate template, LocalAws aws, Optional<Path> dataDir) {
        long started = System.nanoTime();
        Map<String, String> queueUrls = new LinkedHashMap<>();
        Map<String, String> queueArns = new LinkedHashMap<>();
        createQueues(template, aws.sqs(), queueUrls, queueArns);
        Map<String, String> tableArns = new LinkedHashMap<>();
        for (TableSpec table : template.tables()) {
            tableArns.put(table.logicalId(), createTable(table, aws.dynamoDb()));
        }
        Map<String, String> secrets = secrets(template, dataDir);
        List<String> functions = template.functions().stream().map(FunctionSpec::logicalId).toList();
        StaffProvisioned staff = StaffProvisioner.apply(template, aws, dataDir);
        LOG.info("Provisioned {} queues, {} tables, {} secrets, {} user pools and {} buckets in {} ms",
                queueUrls.size(), tableArns.size(), secrets.size(), staff.userPoolIds().size(),
                staff.bucketNames().size(), (System.nanoTime() - started) / 1_000_000);
        return new ProvisionedResources(queueUrls, queueArns, tableArns, secrets, functions, staff);
    }

    // ------------------------------------------------------------------ queues

    private static void createQueues(SamTemplate template, SqsClient sqs, Map<String, String> urls,
                                     Map<String, String> arns) {
        if (!template.queues().isEmpty() && RETENTION_NOTICE_GIVEN.compareAndSet(false, true)) {
            LOG.info("Queues: MessageRetentionPeriod is passed on but not enforced locally: ElasticMQ keeps"
                    + " messages until they are deleted or redriven");
        }
        for (QueueSpec queue : deadLetterQueuesFirst(template.queues())) {
            // KmsMasterKeyId is not passed on: there is no local KMS, ElasticMQ keeps messages unencrypted, and the
            // start-up says so (template.EncryptionAtRest decides it, and refuses a key the template does not declare)
            Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
            attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(queue.visibilityTimeoutSeconds()));
            attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD,
                    Integer.toString(queue.messageRetentionSeconds()));
            attributes.put(QueueAttributeName.DELAY_SECONDS, Integer.toString(queue.delaySeconds()));
            queue.deadLetterQueueLogicalId().ifPresent(dlq -> attributes.put(QueueAttributeName.REDRIVE_POLICY,
                    "{\"deadLetterTargetArn\":\"" + arns.get(dlq) + "\",\"maxReceiveCount\":"
                            + queue.maxReceiveCount() + "}"));
            String url = sqs.createQueue(request -> request.queueName(queue.logicalId()).attributes(attributes))
                    .queueUrl();
            String arn = sqs.getQueueAttributes(request -> request.queueUrl(url)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            urls.put(queue.logicalId(), url);
            arns.put(queue.logicalId(), arn);
        }
    }

    /** Queues ordered so that every dead-letter queue comes before the queues that redrive to it. */
    static List<QueueSpec> deadLetterQueuesFirst(List<QueueSpec> queues) {
        Map<String, QueueSpec> byId = new LinkedHashMap<>();
        queues.forEach(queue -> byId.put(queue.logicalId(), queue));
        Set<String> ordered = new LinkedHashSet<>();
        for (QueueSpec queue : queues) {
            visit(queue, byId, ordered, new HashSet<>());
        }
        return ordered.stream().map(byId::get).toList();
    }

    private static void visit(QueueSpec queue, Map<String, QueueSpec> byId, Set<String> ordered, Set<String> path) {
        if (ordered.contains(queue.logicalId())) {
            return;
        }
        if (!path.add(queue.logicalId())) {
            throw new TemplateException("Queue " + queue.logicalId() + " is part of a redrive cycle");
        }
        queue.deadLetterQueueLogicalId().ifPresent(dlq -> {
            QueueSpec target = byId.get(dlq);
            if (target == null) {
                throw new TemplateException("Queue " + queue.logicalId() + " redrives to " + dlq
                        + ", which is not a queue of the template");
            }
            visit(target, byId, ordered, path);
        });
        ordered.add(queue.logicalId());
    }

    // ------------------------------------------------------------------ tables

    private static String createTable(TableSpec table, DynamoDbClient dynamoDb) {
        table.ttlAttribute().ifPresent(attribute -> {
            if (TTL_NOTICE_GIVEN.compareAndSet(false, true)) {
                LOG.info("Table {}: TimeToLiveSpecification ({}) is ignored locally: dynalite does not support TTL",
                        table.logicalId(), attribute);
            }
        });
        if (existingTables(dynamoDb).contains(table.logicalId())) {
            LOG.info("Table {} already exists (kept data directory): left as it is", table.logicalId());
            return describe(dynamoDb, table.logicalId()).tableArn();
        }
        List<AttributeDefinition> attributes = new ArrayList<>();
        table.attributeTypes().forEach((name, type) ->
                attributes.add(AttributeDefinition.builder().attributeName(name).attributeType(type).build()));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (IndexSpec index : table.globalSecondaryIndexes()) {
            Projection.Builder projection = Projection.builder()
                    .projectionType(ProjectionType.fromValue(index.projectionType()));
            if (!index.nonKeyAttributes().isEmpty()) {
                projection.nonKeyAttributes(index.nonKeyAttributes());
            }
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(index.name())
                    .keySchema(keySchema(index.hashKey(), index.rangeKey()))
                    .projection(projection.build())
                    .build());
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(table.logicalId())
                .attributeDefinitions(attributes)
                .keySchema(keySchema(table.hashKey(), table.rangeKey()))
                .billingMode(BillingMode.PAY_PER_REQUEST);
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        try {
            return dynamoDb.createTable(request.build()).tableDescription().tableArn();
        } catch (ResourceInUseException raceWithAnotherProvisioner) {
            return describe(dynamoDb, table.logicalId()).tableArn();
        }
    }

    private static List<KeySchemaElement> keySchema(String hashKey, Optional<String> rangeKey) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(hashKey).keyType(KeyType.HASH).build());
        rangeKey.ifPresent(range ->
                keys.add(KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build()));
        return keys;
    }

    private static Set<String> existingTables(DynamoDbClient dynamoDb) {
        Set<String> names = new HashSet<>();
        dynamoDb.listTablesPaginator(request -> { }).tableNames().forEach(names::add);
        return names;
    }

    private static TableDescription describe(DynamoDbClient dynamoDb, String tableName) {
        return dynamoDb.describeTable(request -> request.tableName(tableName)).table();
    }

    // ------------------------------------------------------------------ secrets

    private static Map<String, String> secrets(SamTemplate template, Optional<Path> dataDir) {
        Map<String, String> values = new LinkedHashMap<>();
        Properties kept = dataDir.map(dir -> OwnerOnlyProperties.load(dir.resolve(SECRETS_FILE))).orElseGet(Properties::new);
        boolean changed = false;
        SecureRandom random = new SecureRandom();
        for (String logicalId : template.secrets()) {
            String value = kept.getProperty(logicalId);
            if (value == null) {
                value = fixedSecretString(template, logicalId)
                        .orElseGet(() -> randomSecret(random, secretLength(template, logicalId)));
                kept.setProperty(logicalId, value);
                changed = true;
            }
            values.put(logicalId, value);
        }
        if (changed && dataDir.isPresent()) {
            OwnerOnlyProperties.store(kept, dataDir.get().resolve(SECRETS_FILE),
                    "Local secret values of template.yaml's AWS::SecretsManager::Secret resources."
                + " Delete this file to get new ones.");
        }
        return values;
    }

    private static Map<String, Object> secretProperties(SamTemplate template, String logicalId) {
        Object resource = template.resources().get(logicalId);
        if (resource instanceof Map<?, ?> map && map.get("Properties") instanceof Map<?, ?> properties) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) properties;
            return typed;
        }
        return Map.of();
    }

    private static Optional<String> fixedSecretString(SamTemplate template, String logicalId) {
        return Optional.ofNullable(secretProperties(template, logicalId).get("SecretString"))
                .filter(String.class::isInstance).map(String.class::cast);
    }

    private static int secretLength(SamTemplate template, String logicalId) {
        if (secretProperties(template, logicalId).get("GenerateSecretString") instanceof Map<?, ?> generate
                && generate.get("PasswordLength") instanceof Number length) {
            return length.intValue();
        }
        return DEFAULT_SECRET_LENGTH;
    }

    static String randomSecret(SecureRandom random, int length) {
        StringBuilder secret = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            secret.append(SECRET_ALPHABET.charAt(random.nextInt(SECRET_ALPHABET.length())));
        }
        return secret.toString();
    }
}

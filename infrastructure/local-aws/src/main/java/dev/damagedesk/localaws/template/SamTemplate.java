package dev.damagedesk.localaws.template;

import static dev.damagedesk.localaws.template.TemplateMaps.bool;
import static dev.damagedesk.localaws.template.TemplateMaps.getAttTarget;
import static dev.damagedesk.localaws.template.TemplateMaps.integer;
import static dev.damagedesk.localaws.template.TemplateMaps.list;
import static dev.damagedesk.localaws.template.TemplateMaps.map;
import static dev.damagedesk.localaws.template.TemplateMaps.refTarget;
import static dev.damagedesk.localaws.template.TemplateMaps.requiredString;
import static dev.damagedesk.localaws.template.TemplateMaps.string;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The part of a SAM template that the local world emulates: functions (with {@code Globals.Function} merged in as
 * SAM merges it), queues, tables, secrets and HTTP APIs; KMS keys are known and checked but not emulated
 * ({@link #kmsKeys()}). Everything else is listed in {@link #unemulatedResources()}.
 *
 * @param raw                 the whole template in CloudFormation's JSON form (see {@link TemplateYaml})
 * @param parameterDefaults   parameter name to its {@code Default}, for parameters that have one
 * @param secrets             logical ids of {@code AWS::SecretsManager::Secret}s
 * @param httpApis            logical ids of {@code AWS::Serverless::HttpApi}s (plus SAM's implicit
 *                            {@code ServerlessHttpApi} when an event needs it)
 * @param unemulatedResources logical id to type of what runs on AWS only (alarms, log groups, KMS keys, ...);
 *                            events of a function that are not emulated appear as {@code Function.Events.Name}
 * @param kmsKeys             the customer-managed KMS keys: known, not emulated, every reference to one checked
 *                            ({@link EncryptionAtRest})
 */
public record SamTemplate(
        Map<String, Object> raw,
        Map<String, String> parameterDefaults,
        List<FunctionSpec> functions,
        List<QueueSpec> queues,
        List<TableSpec> tables,
        List<String> secrets,
        List<String> httpApis,
        Map<String, String> unemulatedResources,
        List<HttpApiSpec> httpApiSpecs,
        List<UserPoolSpec> userPools,
        List<UserPoolClientSpec> userPoolClients,
        List<UserPoolGroupSpec> userPoolGroups,
        List<BucketSpec> buckets,
        List<KmsKeySpec> kmsKeys) {

    public static final String FUNCTION = "AWS::Serverless::Function";
    public static final String HTTP_API = "AWS::Serverless::HttpApi";
    public static final String QUEUE = "AWS::SQS::Queue";
    public static final String TABLE = "AWS::DynamoDB::Table";
    public static final String SIMPLE_TABLE = "AWS::Serverless::SimpleTable";
    public static final String SECRET = "AWS::SecretsManager::Secret";
    public static final String USER_POOL = "AWS::Cognito::UserPool";
    public static final String USER_POOL_CLIENT = "AWS::Cognito::UserPoolClient";
    public static final String USER_POOL_GROUP = "AWS::Cognito::UserPoolGroup";
    public static final String BUCKET = "AWS::S3::Bucket";
    public static final String KMS_KEY = EncryptionAtRest.KMS_KEY;
    public static final String KMS_ALIAS = EncryptionAtRest.KMS_ALIAS;
    /** The HTTP API SAM creates for {@code HttpApi} events that name no {@code ApiId}. */
    public static final String IMPLICIT_HTTP_API = "ServerlessHttpApi";

    /**
     * A function's properties: those the local runtime honours, and those that only mean something on AWS (recorded
     * in {@link #unemulatedResources()}); any other stops the start, so that a setting is never silently ignored.
     */
    static final Map<String, StaffResources.Local> FUNCTION_PROPERTIES = functionProperties();
    /** What the local runtime does instead of the AWS-only function properties whose absence changes what one sees. */
    static final Map<String, String> FUNCTION_PROPERTIES_LOCALLY = Map.of(
            "SnapStart", "SnapStart: not emulated locally; instances start cold (no snapshot, no runtime hooks)",
            "AutoPublishAlias", "AutoPublishAlias: not emulated locally; events invoke the function itself, no version or alias",
            "Tracing", "Tracing: not emulated locally; no X-Ray segments are recorded");

    private static Map<String, StaffResources.Local> functionProperties() {
        Map<String, StaffResources.Local> known = new LinkedHashMap<>(StaffResources.properties(
                java.util.Set.of("Handler", "Timeout", "MemorySize", "Environment", "Events", "CodeUri"),
                java.util.Set.of("SnapStart", "AutoPublishAlias", "Tracing")));
        for (String unlisted : List.of("Runtime", "Architectures", "Description", "Policies", "LoggingConfig", "Tags")) {
            known.put(unlisted, StaffResources.Local.AWS_ONLY_UNLISTED);
        }
        return Map.copyOf(known);
    }

    /** Lambda's defaults when neither the function nor Globals set them. */
    static final int DEFAULT_TIMEOUT_SECONDS = 3;
    static final int DEFAULT_MEMORY_MB = 128;

    public SamTemplate {
        raw = TemplateMaps.unmodifiableCopy(raw);
        parameterDefaults = TemplateMaps.unmodifiableCopy(parameterDefaults);
        functions = List.copyOf(functions);
        queues = List.copyOf(queues);
        tables = List.copyOf(tables);
        secrets = List.copyOf(secrets);
        httpApis = List.copyOf(httpApis);
        unemulatedResources = TemplateMaps.unmodifiableCopy(unemulatedResources);
        httpApiSpecs = List.copyOf(httpApiSpecs);
        userPools = List.copyOf(userPools);
        userPoolClients = List.copyOf(userPoolClients);
        userPoolGroups = List.copyOf(userPoolGroups);
        buckets = List.copyOf(buckets);
        kmsKeys = List.copyOf(kmsKeys);
    }

    /** Reads and models {@code template.yaml}. */
    public static SamTemplate load(Path templateYaml) {
        return of(TemplateYaml.load(templateYaml));
    }

    /** Models a template already in JSON form. */
    public static SamTemplate of(Map<String, Object> raw) {
        Map<String, String> parameterDefaults = new LinkedHashMap<>();
        map(raw, "Parameters", "Template").forEach((name, definition) ->
                string(map(definition, "Parameters." + name), "Default", "Parameters." + name)
                        .ifPresent(value -> parameterDefaults.put(name, value)));

        Map<String, Object> globals = map(map(raw, "Globals", "Template"), "Function", "Globals");
        Map<String, String> unemulated = new LinkedHashMap<>();
        // Globals once (as Globals.Function.X), then each function's own properties below.
        StaffResources.check(globals, FUNCTION_PROPERTIES, "Globals.Function", "Globals.Function", unemulated,
                FUNCTION_PROPERTIES_LOCALLY);
        List<FunctionSpec> functions = new ArrayList<>();
        List<QueueSpec> queues = new ArrayList<>();
        List<TableSpec> tables = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        List<String> httpApis = new ArrayList<>();
        List<HttpApiSpec> httpApiSpecs = new ArrayList<>();
        List<UserPoolSpec> userPools = new ArrayList<>();
        List<UserPoolClientSpec> userPoolClients = new ArrayList<>();
        List<UserPoolGroupSpec> userPoolGroups = new ArrayList<>();
        List<BucketSpec> buckets = new ArrayList<>();

        Map<String, Object> resources = map(raw, "Resources", "Template");
        if (resources.isEmpty()) {
            throw new TemplateException("Template has no Resources");
        }
        resources.forEach((logicalId, definition) -> {
            Map<String, Object> resource = map(definition, logicalId);
            String type = requiredString(resource, "Type", logicalId);
            Map<String, Object> properties = map(resource, "Properties", logicalId);
            switch (type) {
                case FUNCTION -> {
                    StaffResources.check(properties, FUNCTION_PROPERTIES, FUNCTION, logicalId, unemulated,
                            FUNCTION_PROPERTIES_LOCALLY);
                    functions.add(function(logicalId, mergeGlobals(globals, properties), unemulated));
                }
                case QUEUE -> queues.add(queue(logicalId, properties));
                case TABLE -> tables.add(table(logicalId, properties));
                case SIMPLE_TABLE -> tables.add(simpleTable(logicalId, properties));
                case SECRET -> secrets.add(logicalId);
                case HTTP_API -> {
                    httpApis.add(logicalId);
                    httpApiSpecs.add(StaffResources.httpApi(logicalId, properties, unemulated));
                }
                case USER_POOL -> userPools.add(StaffResources.userPool(logicalId, properties, unemulated));
                case USER_POOL_CLIENT -> userPoolClients.add(StaffResources.userPoolClient(logicalId, properties, unemulated));
                case USER_POOL_GROUP -> userPoolGroups.add(StaffResources.userPoolGroup(logicalId, properties, unemulated));
                case BUCKET -> buckets.add(StaffResources.bucket(logicalId, properties, unemulated));
                // known, not emulated: modelled with every reference to them below (EncryptionAtRest)
                case KMS_KEY, KMS_ALIAS -> { }
                default -> unemulated.put(logicalId, type);
            }
        });
        boolean implicitApi = functions.stream().flatMap(f -> f.httpRoutes().stream())
                .anyMatch(route -> route.apiLogicalId().equals(IMPLICIT_HTTP_API));
        if (implicitApi && !httpApis.contains(IMPLICIT_HTTP_API)) {
            httpApis.add(IMPLICIT_HTTP_API);
            httpApiSpecs.add(HttpApiSpec.open(IMPLICIT_HTTP_API));
        }
        List<KmsKeySpec> kmsKeys = EncryptionAtRest.keys(resources, unemulated);
        SamTemplate template = new SamTemplate(raw, parameterDefaults, functions, queues, tables, secrets, httpApis,
                unemulated, httpApiSpecs, userPools, userPoolClients, userPoolGroups, buckets, kmsKeys);
        template.checkReferences();
        return template;
    }

    // ------------------------------------------------------------------ look-ups

    /**
     * One line for each kind of setting that works on AWS and not here, for the start-up log: the function settings
     * with what happens locally instead (and where they are set), then the CloudWatch resources.
     */
    public List<String> notEmulatedNotes() {
        List<String> notes = new ArrayList<>();
        FUNCTION_PROPERTIES_LOCALLY.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(setting -> {
            List<String> where = unemulatedResources.entrySet().stream()
                    .filter(entry -> entry.getValue().equals(setting.getValue())).map(Map.Entry::getKey).toList();
            if (!where.isEmpty()) {
                notes.add(setting.getValue() + " (" + String.join(", ", where) + ")");
            }
        });
        // events of a type the runtime does not deliver (an EventBridge rule on an alarm): named, with what runs instead
        unemulatedResources.entrySet().stream().filter(entry -> entry.getValue().startsWith("event type "))
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> notes.add(entry.getKey() + ": " + entry.getValue() + " not emulated locally; the"
                        + " function gets no such event (its other events, e.g. a Schedule, still run it)"));
        // no local KMS: each customer-managed key named, with what the emulators keep unencrypted instead
        kmsKeys.forEach(key -> notes.add(EncryptionAtRest.note(key)));
        long alarms = unemulatedResources.values().stream().filter("AWS::CloudWatch::Alarm"::equals).count();
        long dashboards = unemulatedResources.values().stream().filter("AWS::CloudWatch::Dashboard"::equals).count();
        if (alarms + dashboards > 0) {
            notes.add("CloudWatch: " + alarms + " alarm" + (alarms == 1 ? "" : "s") + " and " + dashboards + " dashboard"
                    + (dashboards == 1 ? "" : "s") + " not emulated locally; no metrics are collected");
        }
        return notes;
    }

    public Map<String, Object> resources() {
        return map(raw, "Resources", "Template");
    }

    public Map<String, Object> conditions() {
        return map(raw, "Conditions", "Template");
    }

    public Map<String, Object> mappings() {
        return map(raw, "Mappings", "Template");
    }

    /** The {@code Type} of a resource, empty when there is no such logical id. */
    public Optional<String> resourceType(String logicalId) {
        Object resource = resources().get(logicalId);
        return resource == null ? Optional.empty() : string(map(resource, logicalId), "Type", logicalId);
    }

    /** A function's {@code Properties} with {@code Globals.Function} merged in. */
    public Map<String, Object> functionProperties(String logicalId) {
        if (!resourceType(logicalId).filter(FUNCTION::equals).isPresent()) {
            throw new TemplateException("No " + FUNCTION + " named " + logicalId + " in the template");
        }
        Map<String, Object> globals = map(map(raw, "Globals", "Template"), "Function", "Globals");
        return mergeGlobals(globals, map(map(resources().get(logicalId), logicalId), "Properties", logicalId));
    }

    public FunctionSpec function(String logicalId) {
        return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new TemplateException("No " + FUNCTION + " named " + logicalId + " in the template"));
    }

    public QueueSpec queue(String logicalId) {
        return queues.stream().filter(q -> q.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new TemplateException("No " + QUEUE + " named " + logicalId + " in the template"));
    }

    /** The modelled HTTP API of that logical id ({@code ServerlessHttpApi} included when SAM would create it). */
    public HttpApiSpec httpApi(String logicalId) {
        return httpApiSpecs.stream().filter(api -> api.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new TemplateException("No " + HTTP_API + " named " + logicalId + " in the template"));
    }

    public KmsKeySpec kmsKey(String logicalId) {
        return kmsKeys.stream().filter(k -> k.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new TemplateException("No " + KMS_KEY + " named " + logicalId + " in the template"));
    }

    public TableSpec table(String logicalId) {
        return tables.stream().filter(t -> t.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new TemplateException("No " + TABLE + " named " + logicalId + " in the template"));
    }

    // ------------------------------------------------------------------ Globals, as SAM merges them

    /**
     * SAM's merge: maps are merged key by key (the function's value wins), lists are concatenated (globals first),
     * anything else, including intrinsic functions, is taken from the function when it sets it.
     */
    static Map<String, Object> mergeGlobals(Map<String, Object> globals, Map<String, Object> local) {
        Map<String, Object> merged = new LinkedHashMap<>(globals);
        local.forEach((key, value) -> merged.merge(key, value, SamTemplate::mergeValue));
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static Object mergeValue(Object global, Object local) {
        if (global instanceof Map && local instanceof Map && !isIntrinsic(global) && !isIntrinsic(local)) {
            return mergeGlobals((Map<String, Object>) global, (Map<String, Object>) local);
        }
        if (global instanceof List && local instanceof List) {
            List<Object> merged = new ArrayList<>((List<Object>) global);
            merged.addAll((List<Object>) local);
            return merged;
        }
        return local;
    }

    static boolean isIntrinsic(Object value) {
        return value instanceof Map<?, ?> map && map.size() == 1 && map.keySet().iterator().next() instanceof String key
                && (key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::"));
    }

    // ------------------------------------------------------------------ resources

    private static FunctionSpec function(String logicalId, Map<String, Object> properties,
                                         Map<String, String> unemulated) {
        String handler = requiredString(properties, "Handler", logicalId + ".Properties");
        int timeout = integer(properties, "Timeout", DEFAULT_TIMEOUT_SECONDS, logicalId + ".Properties");
        int memory = integer(properties, "MemorySize", DEFAULT_MEMORY_MB, logicalId + ".Properties");
        Map<String, Object> environment = map(map(properties, "Environment", logicalId + ".Properties"),
                "Variables", logicalId + ".Properties.Environment");

        List<HttpRoute> routes = new ArrayList<>();
        List<SqsEventSource> sqsSources = new ArrayList<>();
        List<ScheduleEvent> schedules = new ArrayList<>();
        map(properties, "Events", logicalId + ".Properties").forEach((eventName, definition) -> {
            String where = logicalId + ".Events." + eventName;
            Map<String, Object> event = map(definition, where);
            String type = requiredString(event, "Type", where);
            Map<String, Object> eventProperties = map(event, "Properties", where);
            switch (type) {
                case "HttpApi" -> routes.add(httpRoute(eventName, eventProperties, where));
                case "SQS" -> sqsSources.add(sqsSource(eventName, eventProperties, where));
                case "Schedule" -> schedules.add(StaffResources.schedule(eventName, eventProperties, where, unemulated));
                default -> unemulated.put(where, "event type " + type);
            }
        });
        return new FunctionSpec(logicalId, handler, timeout, memory, environment, routes, sqsSources, schedules);
    }

    private static HttpRoute httpRoute(String eventName, Map<String, Object> properties, String where) {
        String api = IMPLICIT_HTTP_API;
        if (properties.containsKey("ApiId")) {
            api = refTarget(properties.get("ApiId")).orElseThrow(() -> new TemplateException(
                    where + ".Properties.ApiId must be !Ref of an AWS::Serverless::HttpApi, got: "
                            + properties.get("ApiId")));
        }
        Optional<String> path = string(properties, "Path", where);
        Optional<String> method = string(properties, "Method", where);
        RouteAuth auth = StaffResources.routeAuth(properties, where);
        if (path.isEmpty() && method.isEmpty()) {
            return new HttpRoute(eventName, "ANY", HttpRoute.DEFAULT_ROUTE, api, auth);
        }
        if (path.isEmpty() || method.isEmpty()) {
            throw new TemplateException(where + " needs both Path and Method (or neither, for the $default route)");
        }
        String verb = method.get().toUpperCase(Locale.ROOT);
        return new HttpRoute(eventName, verb.equals("X-AMAZON-APIGATEWAY-ANY-METHOD") ? "ANY" : verb, path.get(), api,
                auth);
    }

    private static SqsEventSource sqsSource(String eventName, Map<String, Object> properties, String where) {
        String queue = getAttTarget(properties.get("Queue"), "Arn").orElseThrow(() -> new TemplateException(
                where + ".Properties.Queue must be !GetAtt <Queue>.Arn of a queue in this template, got: "
                        + properties.get("Queue")));
        boolean reportFailures = list(properties.get("FunctionResponseTypes"), where + ".FunctionResponseTypes")
                .contains("ReportBatchItemFailures");
        int concurrency = integer(map(properties, "ScalingConfig", where), "MaximumConcurrency",
                SqsEventSource.DEFAULT_MAXIMUM_CONCURRENCY, where + ".ScalingConfig");
        return new SqsEventSource(eventName, queue,
                integer(properties, "BatchSize", SqsEventSource.DEFAULT_BATCH_SIZE, where),
                integer(properties, "MaximumBatchingWindowInSeconds", 0, where),
                reportFailures, concurrency);
    }

    private static QueueSpec queue(String logicalId, Map<String, Object> properties) {
        String where = logicalId + ".Properties";
        if (bool(properties, "FifoQueue", false, where)) {
            throw new TemplateException(logicalId + ": FIFO queues are not emulated locally");
        }
        Map<String, Object> redrive = map(properties, "RedrivePolicy", where);
        Optional<String> deadLetterQueue = Optional.empty();
        int maxReceiveCount = 0;
        if (!redrive.isEmpty()) {
            Object target = redrive.get("deadLetterTargetArn");
            deadLetterQueue = Optional.of(getAttTarget(target, "Arn").orElseThrow(() -> new TemplateException(
                    where + ".RedrivePolicy.deadLetterTargetArn must be !GetAtt <Queue>.Arn, got: " + target)));
            maxReceiveCount = integer(redrive, "maxReceiveCount", 0, where + ".RedrivePolicy");
            if (maxReceiveCount < 1) {
                throw new TemplateException(where + ".RedrivePolicy.maxReceiveCount must be at least 1");
            }
        }
        return new QueueSpec(logicalId,
                integer(properties, "VisibilityTimeout", QueueSpec.DEFAULT_VISIBILITY_TIMEOUT_SECONDS, where),
                integer(properties, "MessageRetentionPeriod", QueueSpec.DEFAULT_MESSAGE_RETENTION_SECONDS, where),
                integer(properties, "DelaySeconds", 0, where),
                deadLetterQueue, maxReceiveCount);
    }

    private static TableSpec table(String logicalId, Map<String, Object> properties) {
        String where = logicalId + ".Properties";
        Map<String, String> attributeTypes = new LinkedHashMap<>();
        for (Object definition : list(properties.get("AttributeDefinitions"), where + ".AttributeDefinitions")) {
            Map<String, Object> attribute = map(definition, where + ".AttributeDefinitions[]");
            attributeTypes.put(requiredString(attribute, "AttributeName", where + ".AttributeDefinitions[]"),
                    requiredString(attribute, "AttributeType", where + ".AttributeDefinitions[]"));
        }
        KeySchema key = keySchema(properties.get("KeySchema"), where + ".KeySchema");
        List<IndexSpec> indexes = new ArrayList<>();
        for (Object definition : list(properties.get("GlobalSecondaryIndexes"), where + ".GlobalSecondaryIndexes")) {
            Map<String, Object> index = map(definition, where + ".GlobalSecondaryIndexes[]");
            String name = requiredString(index, "IndexName", where + ".GlobalSecondaryIndexes[]");
            String indexWhere = where + ".GlobalSecondaryIndexes." + name;
            KeySchema indexKey = keySchema(index.get("KeySchema"), indexWhere + ".KeySchema");
            Map<String, Object> projection = map(index, "Projection", indexWhere);
            List<String> nonKey = list(projection.get("NonKeyAttributes"), indexWhere + ".Projection.NonKeyAttributes")
                    .stream().map(String::valueOf).toList();
            indexes.add(new IndexSpec(name, indexKey.hash(), indexKey.range(),
                    string(projection, "ProjectionType", indexWhere + ".Projection").orElse("KEYS_ONLY"), nonKey));
        }
        if (!list(properties.get("LocalSecondaryIndexes"), where).isEmpty()) {
            throw new TemplateException(logicalId + ": LocalSecondaryIndexes are not modelled locally yet");
        }
        Map<String, Object> ttl = map(properties, "TimeToLiveSpecification", where);
        Optional<String> ttlAttribute = bool(ttl, "Enabled", false, where + ".TimeToLiveSpecification")
                ? string(ttl, "AttributeName", where + ".TimeToLiveSpecification") : Optional.empty();
        return new TableSpec(logicalId, attributeTypes, key.hash(), key.range(), indexes, ttlAttribute);
    }

    private static TableSpec simpleTable(String logicalId, Map<String, Object> properties) {
        Map<String, Object> primaryKey = map(properties, "PrimaryKey", logicalId + ".Properties");
        String name = string(primaryKey, "Name", logicalId + ".PrimaryKey").orElse("id");
        String type = switch (string(primaryKey, "Type", logicalId + ".PrimaryKey").orElse("String")) {
            case "Number" -> "N";
            case "Binary" -> "B";
            default -> "S";
        };
        return new TableSpec(logicalId, Map.of(name, type), name, Optional.empty(), List.of(), Optional.empty());
    }

    private record KeySchema(String hash, Optional<String> range) {
    }

    private static KeySchema keySchema(Object value, String where) {
        String hash = null;
        String range = null;
        for (Object element : list(value, where)) {
            Map<String, Object> key = map(element, where + "[]");
            String name = requiredString(key, "AttributeName", where + "[]");
            switch (requiredString(key, "KeyType", where + "[]")) {
                case "HASH" -> hash = name;
                case "RANGE" -> range = name;
                default -> throw new TemplateException(where + ": KeyType must be HASH or RANGE");
            }
        }
        if (hash == null) {
            throw new TemplateException(where + " has no HASH key");
        }
        return new KeySchema(hash, Optional.ofNullable(range));
    }

    /** Every queue an event source or redrive policy names must be a queue of this template. */
    private void checkReferences() {
        for (FunctionSpec function : functions) {
            for (SqsEventSource source : function.sqsEventSources()) {
                if (queues.stream().noneMatch(q -> q.logicalId().equals(source.queueLogicalId()))) {
                    throw new TemplateException(function.logicalId() + ".Events." + source.eventName()
                            + " polls " + source.queueLogicalId() + ", which is not an " + QUEUE + " of the template");
                }
            }
            for (HttpRoute route : function.httpRoutes()) {
                if (!httpApis.contains(route.apiLogicalId())) {
                    throw new TemplateException(function.logicalId() + ".Events." + route.eventName()
                            + " names API " + route.apiLogicalId() + ", which is not an " + HTTP_API
                            + " of the template");
                }
                route.auth().authorizer().filter(name -> !RouteAuth.NONE.equals(name)).ifPresent(name -> {
                    if (!httpApi(route.apiLogicalId()).authorizers().containsKey(name)) {
                        throw new TemplateException(function.logicalId() + ".Events." + route.eventName()
                                + ".Properties.Auth.Authorizer names " + name + ", which is not an authorizer of "
                                + route.apiLogicalId());
                    }
                });
                if (!route.auth().scopes().isEmpty() && httpApi(route.apiLogicalId()).authorizerFor(route).isEmpty()) {
                    throw new TemplateException(function.logicalId() + ".Events." + route.eventName()
                            + ": AuthorizationScopes on a route without an authorizer");
                }
            }
        }
        for (HttpApiSpec api : httpApiSpecs) {
            // as CloudFormation refuses a stage whose RouteSettings name a route the API does not have
            List<String> routeKeys = functions.stream().flatMap(f -> f.httpRoutes().stream())
                    .filter(route -> route.apiLogicalId().equals(api.logicalId())).map(HttpRoute::routeKey).toList();
            api.routeThrottles().keySet().stream().filter(key -> !routeKeys.contains(key)).findFirst().ifPresent(key -> {
                throw new TemplateException(api.logicalId() + ".RouteSettings names route '" + key
                        + "', which is not a route of " + api.logicalId() + " " + routeKeys);
            });
            api.defaultAuthorizer().ifPresent(name -> {
                if (!api.authorizers().containsKey(name)) {
                    throw new TemplateException(api.logicalId() + ".Auth.DefaultAuthorizer names " + name
                            + ", which is not one of its Authorizers " + api.authorizers().keySet());
                }
            });
        }
        for (UserPoolClientSpec client : userPoolClients) {
            if (userPools.stream().noneMatch(pool -> pool.logicalId().equals(client.userPoolLogicalId()))) {
                throw new TemplateException(client.logicalId() + ".UserPoolId names " + client.userPoolLogicalId()
                        + ", which is not an " + USER_POOL + " of the template");
            }
        }
        for (UserPoolGroupSpec group : userPoolGroups) {
            if (userPools.stream().noneMatch(pool -> pool.logicalId().equals(group.userPoolLogicalId()))) {
                throw new TemplateException(group.logicalId() + ".UserPoolId names " + group.userPoolLogicalId()
                        + ", which is not an " + USER_POOL + " of the template");
            }
        }
        for (QueueSpec queue : queues) {
            queue.deadLetterQueueLogicalId().ifPresent(dlq -> {
                if (queues.stream().noneMatch(q -> q.logicalId().equals(dlq))) {
                    throw new TemplateException(queue.logicalId() + ".RedrivePolicy names " + dlq
                            + ", which is not an " + QUEUE + " of the template");
                }
            });
        }
    }
}

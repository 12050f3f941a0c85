package dev.damagedesk.localaws.template;

import static dev.damagedesk.localaws.template.TemplateMaps.bool;
import static dev.damagedesk.localaws.template.TemplateMaps.list;
import static dev.damagedesk.localaws.template.TemplateMaps.map;
import static dev.damagedesk.localaws.template.TemplateMaps.refTarget;
import static dev.damagedesk.localaws.template.TemplateMaps.requiredString;
import static dev.damagedesk.localaws.template.TemplateMaps.string;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Models the staff side's resources (HTTP API auth and CORS, Cognito pools, clients and groups, S3 buckets,
 * {@code Schedule} events) and decides, property by property, what the local world does with each: honours it,
 * knows it has no local effect (recorded, shown in the runtime's banner, as SamTemplate does for TTL), or cannot
 * honour it, which stops the start with a {@link TemplateException} naming the property.
 */
final class StaffResources {

    /**
     * What every property of every type is locally; a property not listed is refused. {@code AWS_ONLY} ones are
     * recorded (the runtime's banner lists them); {@code AWS_ONLY_UNLISTED} ones mean the same on AWS only but are
     * not worth a banner line on every resource (descriptions, IAM policies, the runtime's name).
     */
    enum Local { HONOURED, AWS_ONLY, AWS_ONLY_UNLISTED }

    private static final Map<String, Local> HTTP_API_PROPERTIES = properties(
            Set.of("Auth", "CorsConfiguration", "DefaultRouteSettings", "RouteSettings"),
            Set.of("Description", "FailOnWarnings", "AccessLogSettings",
                    "Tags", "StageName"));
    private static final Map<String, Local> USER_POOL_PROPERTIES = properties(
            // passed to cognito-local's CreateUserPool (it enforces UsernameAttributes; see README for the others)
            Set.of("UsernameAttributes", "AliasAttributes", "UsernameConfiguration",
                    "AutoVerifiedAttributes", "AdminCreateUserConfig", "Policies", "MfaConfiguration",
                    "AccountRecoverySetting", "Schema", "UserPoolTags"),
            // locally the pool is named after its logical id, as queues and tables are
            Set.of("UserPoolName", "DeletionProtection", "EnabledMfas", "UserPoolAddOns", "UserPoolTier"));
    private static final Map<String, Local> USER_POOL_CLIENT_PROPERTIES = properties(
            Set.of("UserPoolId", "ClientName", "GenerateSecret", "ExplicitAuthFlows", "PreventUserExistenceErrors",
                    "EnableTokenRevocation", "AccessTokenValidity", "IdTokenValidity", "RefreshTokenValidity",
                    "TokenValidityUnits", "ReadAttributes", "WriteAttributes"),
            Set.of());
    private static final Map<String, Local> USER_POOL_GROUP_PROPERTIES = properties(
            Set.of("UserPoolId", "GroupName", "Description", "Precedence"), Set.of());
    private static final Map<String, Local> BUCKET_PROPERTIES = properties(
            Set.of("BucketName"),
            // s3rver has no access control, encryption, versioning or lifecycle: on AWS they matter, locally nothing
            Set.of("PublicAccessBlockConfiguration", "OwnershipControls", "BucketEncryption",
                    "VersioningConfiguration", "LifecycleConfiguration", "Tags"));
    private static final Map<String, Local> SCHEDULE_PROPERTIES = properties(
            Set.of("Schedule", "Enabled", "State", "Input"), Set.of("Name", "Description"));

    private StaffResources() {
    }

    static Map<String, Local> properties(Set<String> honoured, Set<String> awsOnly) {
        Map<String, Local> all = new LinkedHashMap<>();
        honoured.forEach(name -> all.put(name, Local.HONOURED));
        awsOnly.forEach(name -> all.put(name, Local.AWS_ONLY));
        return Map.copyOf(all);
    }

    /**
     * Refuses a property the local world cannot honour; records those without a local effect in {@code awsOnly}
     * as {@code where.Property}.
     */
    static void check(Map<String, Object> properties, Map<String, Local> known, String type, String where,
                      Map<String, String> awsOnly) {
        check(properties, known, type, where, awsOnly, Map.of());
    }

    /** @param whatLocally for some AWS-only properties, what the local world does instead (recorded with them) */
    static void check(Map<String, Object> properties, Map<String, Local> known, String type, String where,
                      Map<String, String> awsOnly, Map<String, String> whatLocally) {
        Set<String> refused = new TreeSet<>();
        properties.keySet().forEach(name -> {
            Local local = known.get(name);
            if (local == null) {
                refused.add(name);
            } else if (local == Local.AWS_ONLY) {
                awsOnly.put(where + "." + name, whatLocally.getOrDefault(name, type + " property without local effect"));
            }
        });
        if (!refused.isEmpty()) {
            throw new TemplateException(where + ": " + type + " propert" + (refused.size() == 1 ? "y " : "ies ")
                    + refused + " cannot be honoured locally (the local runtime honours " + honoured(known)
                    + "); remove " + (refused.size() == 1 ? "it" : "them") + " or teach the local runtime");
        }
    }

    private static Set<String> honoured(Map<String, Local> known) {
        Set<String> names = new TreeSet<>();
        known.forEach((name, local) -> {
            if (local == Local.HONOURED) {
                names.add(name);
            }
        });
        return names;
    }

    // ------------------------------------------------------------------ HTTP APIs

    static HttpApiSpec httpApi(String logicalId, Map<String, Object> properties, Map<String, String> awsOnly) {
        check(properties, HTTP_API_PROPERTIES, SamTemplate.HTTP_API, logicalId, awsOnly);
        Map<String, Object> auth = map(properties, "Auth", logicalId);
        String authWhere = logicalId + ".Auth";
        Set<String> authKeys = new TreeSet<>(auth.keySet());
        authKeys.removeAll(Set.of("DefaultAuthorizer", "Authorizers"));
        if (!authKeys.isEmpty()) {
            throw new TemplateException(authWhere + ": " + authKeys + " cannot be enforced locally (the local gateway"
                    + " enforces JWT Authorizers and a DefaultAuthorizer only)");
        }
        Map<String, JwtAuthorizerSpec> authorizers = new LinkedHashMap<>();
        map(auth, "Authorizers", authWhere).forEach((name, definition) -> {
            String where = authWhere + ".Authorizers." + name;
            Map<String, Object> authorizer = map(definition, where);
            Set<String> keys = new TreeSet<>(authorizer.keySet());
            keys.removeAll(Set.of("JwtConfiguration", "IdentitySource"));
            if (!keys.isEmpty() || !authorizer.containsKey("JwtConfiguration")) {
                throw new TemplateException(where + ": only JWT authorizers (JwtConfiguration, IdentitySource) are"
                        + " enforced locally" + (keys.isEmpty() ? "; JwtConfiguration is missing" : ", not " + keys));
            }
            Map<String, Object> jwt = map(authorizer, "JwtConfiguration", where);
            Set<String> jwtKeys = new TreeSet<>(jwt.keySet());
            jwtKeys.removeAll(Set.of("issuer", "audience"));
            if (!jwtKeys.isEmpty() || !jwt.containsKey("issuer") || list(jwt.get("audience"), where).isEmpty()) {
                throw new TemplateException(where + ".JwtConfiguration needs issuer and a non-empty audience list"
                        + (jwtKeys.isEmpty() ? "" : ", and nothing else (got " + jwtKeys + ")"));
            }
            String identitySource = string(authorizer, "IdentitySource", where)
                    .orElse(JwtAuthorizerSpec.AUTHORIZATION_HEADER);
            if (!identitySource.equals(JwtAuthorizerSpec.AUTHORIZATION_HEADER)) {
                throw new TemplateException(where + ".IdentitySource " + identitySource + " is not emulated locally"
                        + " (only " + JwtAuthorizerSpec.AUTHORIZATION_HEADER + ")");
            }
            authorizers.put(name, new JwtAuthorizerSpec(name, jwt.get("issuer"), list(jwt.get("audience"), where),
                    identitySource));
        });
        Optional<String> defaultAuthorizer = string(auth, "DefaultAuthorizer", authWhere);
        Optional<RouteThrottleSpec> defaultThrottle = properties.containsKey("DefaultRouteSettings")
                ? Optional.of(throttle(properties.get("DefaultRouteSettings"), logicalId + ".DefaultRouteSettings"))
                : Optional.empty();
        Map<String, RouteThrottleSpec> routeThrottles = new LinkedHashMap<>();
        map(properties, "RouteSettings", logicalId).forEach((routeKey, settings) ->
                routeThrottles.put(routeKey, throttle(settings, logicalId + ".RouteSettings." + routeKey)));
        return new HttpApiSpec(logicalId, defaultAuthorizer, authorizers, cors(properties.get("CorsConfiguration"),
                logicalId + ".CorsConfiguration"), defaultThrottle, routeThrottles);
    }

    /** Route settings the gateway honours (the throttle) or that only shape CloudWatch output on AWS. */
    private static final Set<String> ROUTE_SETTINGS_LOGGING_ONLY = Set.of("DetailedMetricsEnabled", "LoggingLevel",
            "DataTraceEnabled");

    private static RouteThrottleSpec throttle(Object value, String where) {
        Map<String, Object> settings = map(value, where);
        Set<String> keys = new TreeSet<>(settings.keySet());
        keys.removeAll(Set.of("ThrottlingRateLimit", "ThrottlingBurstLimit"));
        keys.removeAll(ROUTE_SETTINGS_LOGGING_ONLY);
        if (!keys.isEmpty()) {
            throw new TemplateException(where + ": " + keys + " cannot be honoured locally (the local gateway enforces"
                    + " ThrottlingRateLimit and ThrottlingBurstLimit; " + new TreeSet<>(ROUTE_SETTINGS_LOGGING_ONLY)
                    + " only change CloudWatch output)");
        }
        return new RouteThrottleSpec(Optional.ofNullable(settings.get("ThrottlingRateLimit")),
                Optional.ofNullable(settings.get("ThrottlingBurstLimit")));
    }

    private static Optional<CorsSpec> cors(Object value, String where) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return Optional.empty();
        }
        if (Boolean.TRUE.equals(value)) {
            return Optional.of(CorsSpec.allowAll());
        }
        Map<String, Object> cors = map(value, where);
        Set<String> keys = new TreeSet<>(cors.keySet());
        keys.removeAll(Set.of("AllowOrigins", "AllowMethods", "AllowHeaders", "ExposeHeaders", "AllowCredentials",
                "MaxAge"));
        if (!keys.isEmpty()) {
            throw new TemplateException(where + ": " + keys + " is not part of an HTTP API's CorsConfiguration");
        }
        Optional<Integer> maxAge = cors.containsKey("MaxAge")
                ? Optional.of(TemplateMaps.integer(cors, "MaxAge", 0, where)) : Optional.empty();
        return Optional.of(new CorsSpec(list(cors.get("AllowOrigins"), where), strings(cors.get("AllowMethods"), where),
                strings(cors.get("AllowHeaders"), where), strings(cors.get("ExposeHeaders"), where),
                bool(cors, "AllowCredentials", false, where), maxAge));
    }

    /** An {@code HttpApi} event's {@code Auth}. */
    static RouteAuth routeAuth(Map<String, Object> eventProperties, String where) {
        if (!eventProperties.containsKey("Auth")) {
            return RouteAuth.DEFAULT;
        }
        Map<String, Object> auth = map(eventProperties, "Auth", where);
        Set<String> keys = new TreeSet<>(auth.keySet());
        keys.removeAll(Set.of("Authorizer", "AuthorizationScopes"));
        if (!keys.isEmpty()) {
            throw new TemplateException(where + ".Properties.Auth: " + keys + " cannot be enforced locally (the"
                    + " local gateway knows Authorizer and AuthorizationScopes)");
        }
        return new RouteAuth(string(auth, "Authorizer", where + ".Properties.Auth"),
                strings(auth.get("AuthorizationScopes"), where + ".Properties.Auth.AuthorizationScopes"));
    }

    // ------------------------------------------------------------------ Cognito

    static UserPoolSpec userPool(String logicalId, Map<String, Object> properties, Map<String, String> awsOnly) {
        check(properties, USER_POOL_PROPERTIES, SamTemplate.USER_POOL, logicalId, awsOnly);
        return new UserPoolSpec(logicalId, properties);
    }

    static UserPoolClientSpec userPoolClient(String logicalId, Map<String, Object> properties,
                                             Map<String, String> awsOnly) {
        check(properties, USER_POOL_CLIENT_PROPERTIES, SamTemplate.USER_POOL_CLIENT, logicalId, awsOnly);
        if (bool(properties, "GenerateSecret", false, logicalId)) {
            throw new TemplateException(logicalId + ": GenerateSecret true is not emulated locally (the local"
                    + " sign-in helpers do not compute SECRET_HASH)");
        }
        return new UserPoolClientSpec(logicalId, poolOf(properties, logicalId), properties);
    }

    static UserPoolGroupSpec userPoolGroup(String logicalId, Map<String, Object> properties,
                                           Map<String, String> awsOnly) {
        check(properties, USER_POOL_GROUP_PROPERTIES, SamTemplate.USER_POOL_GROUP, logicalId, awsOnly);
        Optional<Integer> precedence = properties.containsKey("Precedence")
                ? Optional.of(TemplateMaps.integer(properties, "Precedence", 0, logicalId)) : Optional.empty();
        return new UserPoolGroupSpec(logicalId, poolOf(properties, logicalId),
                requiredString(properties, "GroupName", logicalId), precedence,
                string(properties, "Description", logicalId));
    }

    private static String poolOf(Map<String, Object> properties, String where) {
        return refTarget(properties.get("UserPoolId")).orElseThrow(() -> new TemplateException(
                where + ".UserPoolId must be !Ref of an " + SamTemplate.USER_POOL + " of the template, got: "
                        + properties.get("UserPoolId")));
    }

    // ------------------------------------------------------------------ S3

    static BucketSpec bucket(String logicalId, Map<String, Object> properties, Map<String, String> awsOnly) {
        check(properties, BUCKET_PROPERTIES, SamTemplate.BUCKET, logicalId, awsOnly);
        return new BucketSpec(logicalId, string(properties, "BucketName", logicalId));
    }

    // ------------------------------------------------------------------ schedules

    static ScheduleEvent schedule(String eventName, Map<String, Object> properties, String where,
                                  Map<String, String> awsOnly) {
        check(properties, SCHEDULE_PROPERTIES, "Schedule event", where, awsOnly);
        String expression = requiredString(properties, "Schedule", where);
        boolean enabled = bool(properties, "Enabled", true, where)
                && !"DISABLED".equals(string(properties, "State", where).orElse("ENABLED"));
        return new ScheduleEvent(eventName, expression, enabled, string(properties, "Input", where));
    }

    private static List<String> strings(Object value, String where) {
        List<String> strings = new ArrayList<>();
        for (Object element : list(value, where)) {
            if (!(element instanceof String text)) {
                throw new TemplateException(where + " must be a list of literal strings locally, got: " + value);
            }
            strings.add(text);
        }
        return strings;
    }
}

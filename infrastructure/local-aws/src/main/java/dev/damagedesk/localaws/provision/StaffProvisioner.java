package dev.damagedesk.localaws.provision;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.damagedesk.localaws.emulator.LocalAws;
import dev.damagedesk.localaws.emulator.NodeEmulator;
import dev.damagedesk.localaws.provision.StaffProvisioned.DemoUser;
import dev.damagedesk.localaws.template.BucketSpec;
import dev.damagedesk.localaws.template.SamTemplate;
import dev.damagedesk.localaws.template.TemplateException;
import dev.damagedesk.localaws.template.UserPoolClientSpec;
import dev.damagedesk.localaws.template.UserPoolGroupSpec;
import dev.damagedesk.localaws.template.UserPoolSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * Creates the template's user pools (named by logical id), their app clients and groups in cognito-local, seeds one
 * demo user per group, and creates the template's buckets in s3rver. With a data directory, what exists is kept
 * (found by name) and the demo users' passwords are kept in {@code demo-users.properties}.
 */
final class StaffProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(StaffProvisioner.class);
    static final String DEMO_USERS_FILE = "demo-users.properties";
    /** The demo users' mail domain: {@code .local} is reserved for local networks, no mail ever leaves for it. */
    static final String DEMO_DOMAIN = "damagedesk.local";

    private StaffProvisioner() {
    }

    static StaffProvisioned apply(SamTemplate template, LocalAws aws, Optional<Path> dataDir) {
        if (template.userPools().isEmpty() && template.buckets().isEmpty()) {
            return StaffProvisioned.NONE;
        }
        CognitoIdentityProviderClient cognito = aws.cognito();
        Map<String, String> poolIds = new LinkedHashMap<>();
        Map<String, String> clientIds = new LinkedHashMap<>();
        Map<String, String> groupNames = new LinkedHashMap<>();
        for (UserPoolSpec pool : template.userPools()) {
            poolIds.put(pool.logicalId(), userPool(pool, aws));
        }
        for (UserPoolClientSpec client : template.userPoolClients()) {
            clientIds.put(client.logicalId(), client(client, poolIds.get(client.userPoolLogicalId()), aws));
        }
        for (UserPoolGroupSpec group : template.userPoolGroups()) {
            String poolId = poolIds.get(group.userPoolLogicalId());
            // ListGroups, not GetGroup: cognito-local answers GetGroup on a pool without groups with a 500
            boolean exists = cognito.listGroupsPaginator(request -> request.userPoolId(poolId)).groups().stream()
                    .anyMatch(existing -> existing.groupName().equals(group.groupName()));
            if (!exists) {
                cognito.createGroup(request -> {
                    request.userPoolId(poolId).groupName(group.groupName());
                    group.precedence().ifPresent(request::precedence);
                    group.description().ifPresent(request::description);
                });
            }
            groupNames.put(group.logicalId(), group.groupName());
        }
        List<DemoUser> demoUsers = seedDemoUsers(template, poolIds, cognito, dataDir);

        Map<String, String> bucketNames = new LinkedHashMap<>();
        for (BucketSpec bucket : template.buckets()) {
            bucketNames.put(bucket.logicalId(), bucket(bucket, aws.s3()));
        }
        URI s3 = aws.s3Endpoint();
        return new StaffProvisioned(poolIds, clientIds, groupNames, bucketNames,
                NodeEmulator.cognitoIssuerDomain(aws.cognitoLocal().port()), s3.getHost() + ":" + s3.getPort(),
                demoUsers);
    }

    // ------------------------------------------------------------------ Cognito

    /**
     * CreateUserPool with the template's properties as they are (CloudFormation's names are the API's), sent as
     * JSON so that none is lost in translation; the pool is named after its logical id, as queues and tables are.
     */
    private static String userPool(UserPoolSpec pool, LocalAws aws) {
        String existing = findPool(aws.cognito(), pool.logicalId());
        if (existing != null) {
            LOG.info("User pool {} already exists (kept data directory): left as it is", pool.logicalId());
            return existing;
        }
        Map<String, Object> request = new LinkedHashMap<>(pool.properties());
        // without local effect (see StaffResources); the pool is named after its logical id
        List.of("UserPoolName", "DeletionProtection", "EnabledMfas", "UserPoolAddOns", "UserPoolTier")
                .forEach(request::remove);
        literal(request, pool.logicalId());
        request.put("PoolName", pool.logicalId());
        Map<String, Object> answer = call(aws.cognitoEndpoint(), "CreateUserPool", request);
        return String.valueOf(((Map<?, ?>) answer.get("UserPool")).get("Id"));
    }

    private static String findPool(CognitoIdentityProviderClient cognito, String name) {
        for (UserPoolDescriptionType pool : cognito.listUserPoolsPaginator(request -> request.maxResults(60)).userPools()) {
            if (pool.name().equals(name)) {
                return pool.id();
            }
        }
        return null;
    }

    private static String client(UserPoolClientSpec client, String poolId, LocalAws aws) {
        String name = client.properties().containsKey("ClientName")
                ? String.valueOf(client.properties().get("ClientName")) : client.logicalId();
        var existing = aws.cognito().listUserPoolClientsPaginator(request -> request.userPoolId(poolId))
                .userPoolClients().stream().filter(description -> description.clientName().equals(name)).findFirst();
        if (existing.isPresent()) {
            return existing.get().clientId();
        }
        Map<String, Object> properties = new LinkedHashMap<>(client.properties());
        properties.remove("UserPoolId");
        Map<String, Object> request = new LinkedHashMap<>(literal(properties, client.logicalId()));
        request.put("UserPoolId", poolId);
        request.put("ClientName", name);
        Map<String, Object> answer = call(aws.cognitoEndpoint(), "CreateUserPoolClient", request);
        return String.valueOf(((Map<?, ?>) answer.get("UserPoolClient")).get("ClientId"));
    }

    /**
     * One user per group of each pool, {@code <group>@damagedesk.local}, in that group only, with a permanent random
     * password that satisfies the pool's password policy (kept in the data directory, new every run without one).
     */
    private static List<DemoUser> seedDemoUsers(SamTemplate template, Map<String, String> poolIds,
                                                CognitoIdentityProviderClient cognito, Optional<Path> dataDir) {
        Properties kept = dataDir.map(dir -> OwnerOnlyProperties.load(dir.resolve(DEMO_USERS_FILE))).orElseGet(Properties::new);
        boolean changed = false;
        SecureRandom random = new SecureRandom();
        List<DemoUser> users = new ArrayList<>();
        for (UserPoolGroupSpec group : template.userPoolGroups()) {
            String poolId = poolIds.get(group.userPoolLogicalId());
            String email = group.groupName().toLowerCase(Locale.ROOT) + "@" + DEMO_DOMAIN;
            String key = group.userPoolLogicalId() + "." + email;
            String password = kept.getProperty(key);
            if (password == null) {
                password = DemoPasswords.generate(random, passwordPolicy(template, group.userPoolLogicalId()));
                kept.setProperty(key, password);
                changed = true;
            }
            try {
                cognito.adminGetUser(request -> request.userPoolId(poolId).username(email));
            } catch (UserNotFoundException missing) {
                cognito.adminCreateUser(request -> request.userPoolId(poolId).username(email)
                        .messageAction(MessageActionType.SUPPRESS)
                        .userAttributes(AttributeType.builder().name("email").value(email).build(),
                                AttributeType.builder().name("email_verified").value("true").build()));
            }
            String permanent = password;
            cognito.adminSetUserPassword(request -> request.userPoolId(poolId).username(email).password(permanent)
                    .permanent(true));
            cognito.adminAddUserToGroup(request -> request.userPoolId(poolId).username(email)
                    .groupName(group.groupName()));
            users.add(new DemoUser(group.userPoolLogicalId(), group.groupName(), email, password));
        }
        if (changed && dataDir.isPresent()) {
            OwnerOnlyProperties.store(kept, dataDir.get().resolve(DEMO_USERS_FILE),
                    "Local demo staff accounts' passwords (local only). Delete to get new ones.");
        }
        return users;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> passwordPolicy(SamTemplate template, String poolLogicalId) {
        UserPoolSpec pool = template.userPools().stream().filter(p -> p.logicalId().equals(poolLogicalId))
                .findFirst().orElseThrow();
        if (pool.properties().get("Policies") instanceof Map<?, ?> policies
                && policies.get("PasswordPolicy") instanceof Map<?, ?> policy) {
            return (Map<String, Object>) policy;
        }
        return Map.of();
    }

    /** The template's values as literals: an intrinsic function here has no local value to send. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> literal(Map<String, Object> properties, String where) {
        properties.forEach((name, value) -> requireLiteral(value, where + "." + name));
        return properties;
    }

    private static void requireLiteral(Object value, String where) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.keySet().iterator().next() instanceof String key
                    && (key.equals("Ref") || key.startsWith("Fn::"))) {
                throw new TemplateException(where + " must be a literal value locally, got: " + value);
            }
            map.forEach((key, nested) -> requireLiteral(nested, where + "." + key));
        } else if (value instanceof List<?> list) {
            list.forEach(nested -> requireLiteral(nested, where + "[]"));
        }
    }

    /** One call of the Cognito user pools JSON protocol. */
    private static Map<String, Object> call(URI endpoint, String operation, Map<String, Object> request) {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/").toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setConnectTimeout(2_000);
            connection.setReadTimeout(10_000);
            connection.setRequestProperty("Content-Type", "application/x-amz-json-1.1");
            connection.setRequestProperty("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(JSON.std.asBytes(request));
            }
            int status = connection.getResponseCode();
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (status >= 400) {
                    throw new TemplateException("cognito-local refused " + operation + " (" + status + "): " + body);
                }
                return JSON.std.mapFrom(body);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot call cognito-local's " + operation + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ S3

    private static String bucket(BucketSpec bucket, S3Client s3) {
        String name = bucket.bucketName().orElse(bucket.logicalId().toLowerCase(Locale.ROOT));
        try {
            s3.createBucket(request -> request.bucket(name));
        } catch (BucketAlreadyOwnedByYouException kept) {
            LOG.info("Bucket {} already exists (kept data directory): left as it is", name);
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (!"BucketAlreadyExists".equals(e.awsErrorDetails().errorCode())
                    && !"BucketAlreadyOwnedByYou".equals(e.awsErrorDetails().errorCode())) {
                throw e;
            }
        }
        return name;
    }
}

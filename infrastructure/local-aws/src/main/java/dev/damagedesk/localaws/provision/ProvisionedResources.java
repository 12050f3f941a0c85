package dev.damagedesk.localaws.provision;

import dev.damagedesk.localaws.template.LocalResourceNames;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link Provisioner} created: queue URLs as CreateQueue returned them, queue ARNs from GetQueueAttributes,
 * table names and ARNs from DescribeTable, and the local secret values. Names are the logical ids.
 */
public final class ProvisionedResources implements LocalResourceNames {

    private final Map<String, String> queueUrls;
    private final Map<String, String> queueArns;
    private final Map<String, String> tableArns;
    private final Map<String, String> secretValues;
    private final java.util.Set<String> functions;
    private final StaffProvisioned staff;

    /**
     * @param queueUrls    queue logical id to URL
     * @param queueArns    queue logical id to ARN
     * @param tableArns    table logical id to ARN
     * @param secretValues secret logical id to its secret string
     * @param functions    function logical ids
     */
    public ProvisionedResources(Map<String, String> queueUrls, Map<String, String> queueArns,
                                Map<String, String> tableArns, Map<String, String> secretValues,
                                java.util.Collection<String> functions) {
        this(queueUrls, queueArns, tableArns, secretValues, functions, StaffProvisioned.NONE);
    }

    /** @param staff the user pools, clients, groups and buckets */
    public ProvisionedResources(Map<String, String> queueUrls, Map<String, String> queueArns,
                                Map<String, String> tableArns, Map<String, String> secretValues,
                                java.util.Collection<String> functions, StaffProvisioned staff) {
        this.staff = staff;
        this.queueUrls = copy(queueUrls);
        this.queueArns = copy(queueArns);
        this.tableArns = copy(tableArns);
        this.secretValues = copy(secretValues);
        this.functions = java.util.Set.copyOf(functions);
    }

    @Override
    public String queueUrl(String logicalId) {
        return lookup(queueUrls, logicalId, "queue");
    }

    @Override
    public String queueArn(String logicalId) {
        return lookup(queueArns, logicalId, "queue");
    }

    @Override
    public String queueName(String logicalId) {
        lookup(queueUrls, logicalId, "queue");
        return logicalId;
    }

    @Override
    public String tableName(String logicalId) {
        lookup(tableArns, logicalId, "table");
        return logicalId;
    }

    @Override
    public String tableArn(String logicalId) {
        return lookup(tableArns, logicalId, "table");
    }

    /** By logical id, or by the ARN {@link #secretArn} gives (as {@code Ref} of the secret and dynamic references use). */
    @Override
    public String secretValue(String secretIdOrLogicalId) {
        return secretLogicalId(secretIdOrLogicalId).map(secretValues::get).orElseThrow(() ->
                new IllegalArgumentException("No secret " + secretIdOrLogicalId + " was provisioned locally (known: "
                        + secretValues.keySet() + ")"));
    }

    @Override
    public String functionName(String logicalId) {
        if (!functions.contains(logicalId)) {
            throw new IllegalArgumentException("No function " + logicalId + " in the template (known: "
                    + functions + ")");
        }
        return logicalId;
    }

    @Override
    public String userPoolId(String logicalId) {
        return lookup(staff.userPoolIds(), logicalId, "user pool");
    }

    @Override
    public String userPoolProviderUrl(String logicalId) {
        return issuer(logicalId).substring("http://".length());
    }

    /** The {@code iss} of a pool's tokens, e.g. {@code http://localhost:9229/us-east-1_abc}. */
    public String issuer(String userPoolLogicalId) {
        return staff.cognitoIssuerDomain() + "/" + userPoolId(userPoolLogicalId);
    }

    @Override
    public String userPoolClientId(String logicalId) {
        return lookup(staff.clientIds(), logicalId, "user pool client");
    }

    @Override
    public String userPoolGroupName(String logicalId) {
        return lookup(staff.groupNames(), logicalId, "user pool group");
    }

    @Override
    public String bucketName(String logicalId) {
        return lookup(staff.bucketNames(), logicalId, "bucket");
    }

    @Override
    public String bucketDomainName(String logicalId) {
        return staff.s3HostAndPort() + "/" + bucketName(logicalId);
    }

    /** Cognito's issuer URL of a local pool ({@code https://cognito-idp.<region>.amazonaws.com/<id>}) becomes cognito-local's. */
    @Override
    public String localUrl(String url) {
        String result = url;
        for (String poolId : staff.userPoolIds().values()) {
            String local = staff.cognitoIssuerDomain() + "/" + poolId;
            result = result.replace("https://cognito-idp." + LOCAL_REGION + ".amazonaws.com/" + poolId, local)
                    .replace("https://" + local.substring("http://".length()), local);
        }
        return result;
    }

    public StaffProvisioned staff() {
        return staff;
    }

    public Map<String, String> queueUrls() {
        return queueUrls;
    }

    public Map<String, String> queueArns() {
        return queueArns;
    }

    public Map<String, String> tableArns() {
        return tableArns;
    }

    /** Secret logical id to its local value. */
    public Map<String, String> secretValues() {
        return secretValues;
    }

    private Optional<String> secretLogicalId(String id) {
        if (secretValues.containsKey(id)) {
            return Optional.of(id);
        }
        int marker = id.indexOf(":secret:");
        if (marker >= 0) {
            String name = id.substring(marker + ":secret:".length());
            if (secretValues.containsKey(name)) {
                return Optional.of(name);
            }
            // a real ARN ends in -<6 random characters>
            int dash = name.lastIndexOf('-');
            if (dash > 0 && secretValues.containsKey(name.substring(0, dash))) {
                return Optional.of(name.substring(0, dash));
            }
        }
        return Optional.empty();
    }

    private static String lookup(Map<String, String> map, String logicalId, String kind) {
        String value = map.get(logicalId);
        if (value == null) {
            throw new IllegalArgumentException("No " + kind + " " + logicalId + " was provisioned locally (known: "
                    + map.keySet() + ")");
        }
        return value;
    }

    private static Map<String, String> copy(Map<String, String> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    @Override
    public String toString() {
        return "ProvisionedResources[queues=" + queueUrls.keySet() + ", tables=" + tableArns.keySet()
                + ", secrets=" + secretValues.keySet() + ", functions=" + functions + ", userPools="
                + staff.userPoolIds().keySet() + ", buckets=" + staff.bucketNames().keySet() + "]";
    }
}

package dev.damagedesk.localaws.provision;

import java.util.List;
import java.util.Map;

/**
 * What {@link StaffProvisioner} created in cognito-local and s3rver.
 *
 * @param userPoolIds        pool logical id to pool id
 * @param clientIds          client logical id to client id
 * @param groupNames         group logical id to group name
 * @param bucketNames        bucket logical id to bucket name
 * @param cognitoIssuerDomain cognito-local's issuer without the pool id, e.g. {@code http://localhost:9229}
 * @param s3HostAndPort      s3rver's {@code 127.0.0.1:<port>}
 * @param demoUsers          the seeded staff accounts, one per group of each pool
 */
public record StaffProvisioned(Map<String, String> userPoolIds, Map<String, String> clientIds,
                               Map<String, String> groupNames, Map<String, String> bucketNames,
                               String cognitoIssuerDomain, String s3HostAndPort, List<DemoUser> demoUsers) {

    public static final StaffProvisioned NONE = new StaffProvisioned(Map.of(), Map.of(), Map.of(), Map.of(), "", "",
            List.of());

    public StaffProvisioned {
        userPoolIds = Map.copyOf(userPoolIds);
        clientIds = Map.copyOf(clientIds);
        groupNames = Map.copyOf(groupNames);
        bucketNames = Map.copyOf(bucketNames);
        demoUsers = List.copyOf(demoUsers);
    }

    /**
     * A seeded local staff account.
     *
     * @param userPoolLogicalId the pool it is in
     * @param group             its one group (its role)
     */
    public record DemoUser(String userPoolLogicalId, String group, String email, String password) {
        @Override
        public String toString() {
            return "DemoUser[" + email + " in " + group + "]"; // no password in logs
        }
    }
}

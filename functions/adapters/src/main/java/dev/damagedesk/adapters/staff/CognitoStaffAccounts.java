package dev.damagedesk.adapters.staff;

import dev.damagedesk.application.port.StaffAccountException;
import dev.damagedesk.application.port.StaffAccounts;
import dev.damagedesk.application.staff.StaffAccount;
import dev.damagedesk.domain.staff.StaffRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * Staff accounts in the staff user pool (email as user name, a role per group), through the Cognito user pools API:
 * AdminCreateUser (Cognito mails the invitation with a temporary password, or no mail when a permanent password is
 * set with AdminSetUserPassword), AdminAddUserToGroup / AdminRemoveUserFromGroup, ListUsers with ListUsersInGroup per
 * role, AdminDisableUser. Nothing here logs an email.
 */
public final class CognitoStaffAccounts implements StaffAccounts {

    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;

    /** The test seam: a client built by the caller (endpoint, region, credentials). */
    public CognitoStaffAccounts(CognitoIdentityProviderClient cognito, String userPoolId) {
        this.cognito = cognito;
        this.userPoolId = userPoolId;
    }

    /** A client on the UrlConnection HTTP client, region and endpoint from the environment (as every SDK client). */
    public static CognitoStaffAccounts forPool(String userPoolId) {
        return new CognitoStaffAccounts(CognitoIdentityProviderClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build(), userPoolId);
    }

    @Override
    public void create(String email, Optional<String> permanentPassword) {
        try {
            cognito.adminCreateUser(request -> {
                request.userPoolId(userPoolId).username(email)
                        .userAttributes(AttributeType.builder().name("email").value(email).build(),
                                AttributeType.builder().name("email_verified").value("true").build())
                        .desiredDeliveryMediums(software.amazon.awssdk.services.cognitoidentityprovider.model
                                .DeliveryMediumType.EMAIL);
                if (permanentPassword.isPresent()) {
                    request.messageAction(software.amazon.awssdk.services.cognitoidentityprovider.model
                            .MessageActionType.SUPPRESS);
                }
            });
        } catch (UsernameExistsException e) {
            throw new StaffAccountException(StaffAccountException.EXISTS, "an account with this email exists");
        }
        if (permanentPassword.isPresent()) {
            try {
                cognito.adminSetUserPassword(request -> request.userPoolId(userPoolId).username(email)
                        .password(permanentPassword.get()).permanent(true));
            } catch (InvalidPasswordException e) {
                cognito.adminDeleteUser(request -> request.userPoolId(userPoolId).username(email));
                throw new StaffAccountException(StaffAccountException.INVALID_PASSWORD,
                        "the pool's password policy refuses this password: " + e.awsErrorDetails().errorMessage());
            }
        }
    }

    @Override
    public void assignRole(String email, StaffRole role) {
        try {
            Set<String> groups = new HashSet<>();
            cognito.adminListGroupsForUserPaginator(request -> request.userPoolId(userPoolId).username(email))
                    .groups().forEach(group -> groups.add(group.groupName()));
            for (StaffRole other : StaffRole.values()) {
                if (other != role && groups.contains(other.group())) {
                    cognito.adminRemoveUserFromGroup(request -> request.userPoolId(userPoolId).username(email)
                            .groupName(other.group()));
                }
            }
            if (!groups.contains(role.group())) {
                cognito.adminAddUserToGroup(request -> request.userPoolId(userPoolId).username(email)
                        .groupName(role.group()));
            }
        } catch (UserNotFoundException e) {
            throw new StaffAccountException(StaffAccountException.NOT_FOUND, "no account with this email");
        }
    }

    @Override
    public List<StaffAccount> list() {
        Map<String, StaffRole> roles = new HashMap<>();
        for (StaffRole role : StaffRole.values()) { // ascending: a higher role overwrites a lower one
            cognito.listUsersInGroupPaginator(request -> request.userPoolId(userPoolId).groupName(role.group()))
                    .users().forEach(user -> roles.put(user.username(), role));
        }
        List<StaffAccount> accounts = new ArrayList<>();
        for (UserType user : cognito.listUsersPaginator(request -> request.userPoolId(userPoolId)).users()) {
            String email = user.attributes().stream().filter(attribute -> attribute.name().equals("email"))
                    .map(AttributeType::value).findFirst().orElse(user.username());
            accounts.add(new StaffAccount(email, Optional.ofNullable(roles.get(user.username())),
                    Boolean.TRUE.equals(user.enabled())));
        }
        return accounts;
    }

    @Override
    public void disable(String email) {
        try {
            cognito.adminDisableUser(request -> request.userPoolId(userPoolId).username(email));
        } catch (UserNotFoundException e) {
            throw new StaffAccountException(StaffAccountException.NOT_FOUND, "no account with this email");
        }
    }
}

package dev.damagedesk.adapters.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.application.port.StaffAccountException;
import dev.damagedesk.application.staff.ManageStaff;
import dev.damagedesk.application.staff.StaffAccount;
import dev.damagedesk.domain.staff.StaffRole;
import dev.damagedesk.localaws.LocalCloud;
import dev.damagedesk.localaws.SharedLocalCloud;
import dev.damagedesk.localaws.auth.StaffTokens;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Staff accounts through the real Cognito API, against cognito-local with the template's pool and groups. */
class CognitoStaffAccountsTest {

    private static LocalCloud cloud;
    private static ManageStaff staff;
    private static StaffTokens tokens;

    @BeforeAll
    static void start() {
        cloud = SharedLocalCloud.get();
        staff = new ManageStaff(new CognitoStaffAccounts(cloud.aws().cognito(),
                cloud.resources().userPoolId("StaffUserPool")));
        tokens = StaffTokens.of(cloud);
    }

    private static String email() {
        return "staff-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void anAddedAccountSignsInWithItsPasswordAndCarriesItsRoleOnly() throws Exception {
        String email = email();

        staff.add(email.toUpperCase(), StaffRole.REVIEWER, Optional.of("Sturdy-Password-42"));

        assertThat(staff.list()).contains(new StaffAccount(email, Optional.of(StaffRole.REVIEWER), true));
        String accessToken = tokens.signIn(email, "Sturdy-Password-42").accessToken();
        assertThat(com.nimbusds.jwt.SignedJWT.parse(accessToken).getJWTClaimsSet().getStringListClaim("cognito:groups"))
                .containsExactly("reviewer");
    }

    @Test
    void anInvitedAccountHasATemporaryPasswordItMustChangeAndIsListed() {
        String email = email();

        staff.add(email, StaffRole.VIEWER, Optional.empty());

        assertThat(staff.list()).contains(new StaffAccount(email, Optional.of(StaffRole.VIEWER), true));
        assertThat(cloud.aws().cognito().adminGetUser(request -> request
                .userPoolId(cloud.resources().userPoolId("StaffUserPool")).username(email)).userStatusAsString())
                .isEqualTo("FORCE_CHANGE_PASSWORD");
    }

    /** Cognito then refuses the account's sign-in; cognito-local 5.3.0 does not (see README), so the pool's flag is checked. */
    @Test
    void aDisabledAccountIsListedDisabledAndThePoolHasItDisabled() {
        String email = email();
        staff.add(email, StaffRole.SUPERVISOR, Optional.of("Sturdy-Password-42"));

        staff.disable(email);

        assertThat(staff.list()).contains(new StaffAccount(email, Optional.of(StaffRole.SUPERVISOR), false));
        assertThat(cloud.aws().cognito().adminGetUser(request -> request
                .userPoolId(cloud.resources().userPoolId("StaffUserPool")).username(email)).enabled()).isFalse();
    }

    @Test
    void theDemoUsersAreListedWithTheirRoles() {
        assertThat(staff.list()).contains(
                new StaffAccount("viewer@damagedesk.local", Optional.of(StaffRole.VIEWER), true),
                new StaffAccount("reviewer@damagedesk.local", Optional.of(StaffRole.REVIEWER), true),
                new StaffAccount("supervisor@damagedesk.local", Optional.of(StaffRole.SUPERVISOR), true));
    }

    @Test
    void aSecondAccountWithTheSameEmailAndAnUnknownOneAreRefusedWithTheirCodes() {
        String email = email();
        staff.add(email, StaffRole.VIEWER, Optional.empty());

        assertThatThrownBy(() -> staff.add(email, StaffRole.SUPERVISOR, Optional.empty()))
                .isInstanceOfSatisfying(StaffAccountException.class, e -> assertThat(e.code()).isEqualTo("exists"));
        assertThatThrownBy(() -> staff.disable(email()))
                .isInstanceOfSatisfying(StaffAccountException.class, e -> assertThat(e.code()).isEqualTo("not-found"));
    }
}

package dev.damagedesk.application.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.application.memory.InMemoryStaffAccounts;
import dev.damagedesk.application.port.StaffAccountException;
import dev.damagedesk.domain.staff.StaffRole;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManageStaffTest {

    private final ManageStaff staff = new ManageStaff(new InMemoryStaffAccounts());

    @Test
    void anAddedAccountIsListedWithItsRoleUnderItsNormalisedEmail() {
        staff.add("  Kim.Reviewer@Example.COM ", StaffRole.REVIEWER, Optional.empty());
        staff.add("ana@example.com", StaffRole.SUPERVISOR, Optional.of("Correct-Horse-9-Battery"));

        assertThat(staff.list()).containsExactly(
                new StaffAccount("ana@example.com", Optional.of(StaffRole.SUPERVISOR), true),
                new StaffAccount("kim.reviewer@example.com", Optional.of(StaffRole.REVIEWER), true));
    }

    @Test
    void aDisabledAccountIsListedAsDisabled() {
        staff.add("kim@example.com", StaffRole.VIEWER, Optional.empty());

        staff.disable("KIM@example.com");

        assertThat(staff.list()).containsExactly(new StaffAccount("kim@example.com", Optional.of(StaffRole.VIEWER), false));
    }

    @Test
    void refusalsCarryTheirCode() {
        staff.add("kim@example.com", StaffRole.VIEWER, Optional.empty());

        assertThatThrownBy(() -> staff.add("kim@example.com", StaffRole.REVIEWER, Optional.empty()))
                .isInstanceOfSatisfying(StaffAccountException.class, e -> assertThat(e.code()).isEqualTo("exists"));
        assertThatThrownBy(() -> staff.disable("nobody@example.com"))
                .isInstanceOfSatisfying(StaffAccountException.class, e -> assertThat(e.code()).isEqualTo("not-found"));
        assertThatThrownBy(() -> staff.add("not an email", StaffRole.VIEWER, Optional.empty()))
                .isInstanceOfSatisfying(StaffAccountException.class, e -> assertThat(e.code()).isEqualTo("invalid-email"));
    }
}

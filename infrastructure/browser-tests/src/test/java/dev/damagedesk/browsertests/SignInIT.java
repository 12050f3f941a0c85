package dev.damagedesk.browsertests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.localaws.auth.StaffTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

/** Signing in with Cognito as each role, signing out, and tokens the page or the API must refuse. */
@Timeout(120)
class SignInIT extends AdminPageTest {

    @ParameterizedTest
    @ValueSource(strings = {"viewer", "reviewer", "supervisor"})
    void eachRoleSignsInToTheQueueAndSignsOut(String role) {
        StaffSystem.Staff staff = system.staff(role);
        page.open(null).signIn(staff);

        assertThat(page.signedInRole()).isEqualTo(role);
        assertThat(page.driver().findElement(By.id("who")).getText()).contains(staff.username());
        assertThat(page.driver().findElements(By.cssSelector("#nav a"))).hasSize(5);

        page.driver().findElement(By.id("sign-out")).click();
        page.awaitSignInScreen();
        assertThat(page.script("return sessionStorage.getItem('damagedesk.session')")).isNull();
        // After signing out, going to a screen by its address lands on the sign-in screen again.
        page.open("dashboard").awaitSignInScreen();
    }

    @Test
    void theLanguageSwitchShowsThePageInKoreanAndKeepsTheChoice() {
        StaffSystem.Staff reviewer = system.staff("reviewer");
        page.open(null).awaitSignInScreen();
        assertThat(page.driver().findElement(By.cssSelector("#sign-in-form h1")).getText()).isEqualTo("Staff sign-in");

        new org.openqa.selenium.support.ui.Select(page.driver().findElement(By.id("lang"))).selectByValue("ko");
        page.await(driver -> driver.findElement(By.cssSelector("#sign-in-form h1")).getText().equals("직원 로그인"));
        page.signIn(reviewer);
        assertThat(page.driver().findElement(By.cssSelector("main h1")).getText()).isEqualTo("검토 대기열");
        assertThat(page.driver().findElement(By.id("nav-dashboard")).getText()).isEqualTo("대시보드");
        assertThat(page.script("return document.documentElement.lang")).isEqualTo("ko");

        page.driver().navigate().refresh();
        page.awaitQueue();
        assertThat(page.driver().findElement(By.id("sign-out")).getText()).isEqualTo("로그아웃");
    }

    @Test
    void aWrongPasswordIsRefusedOnTheSignInScreen() {
        StaffSystem.Staff staff = system.staff("reviewer");
        page.open(null).awaitSignInScreen();
        page.type(By.id("username"), staff.username());
        page.type(By.id("password"), "not-the-password-1A!");
        page.driver().findElement(By.id("sign-in")).click();

        page.await(driver -> driver.findElement(By.id("sign-in-message")).getAttribute("class").contains("error"));
        assertThat(page.signInMessage()).contains("wrong email or password");
        assertThat(page.script("return sessionStorage.getItem('damagedesk.session')")).isNull();
    }

    @Test
    void aForgedTokenIsRefusedByTheApiAndThePageReturnsToSignIn() {
        StaffSystem.Staff viewer = system.staff("viewer");
        page.open(null).signIn(viewer);
        String token = (String) page.script("return JSON.parse(sessionStorage.getItem('damagedesk.session')).accessToken");
        // The viewer promotes itself: the payload now says supervisor, the signature is the viewer's own.
        String forged = withPayload(token, payload -> payload.replace("\"viewer\"", "\"supervisor\""));
        assertThat(forged).isNotEqualTo(token);
        assertThat(system.adminApi("GET", "/v1/admin/me", forged, null).statusCode()).isEqualTo(401);

        page.script("const s = JSON.parse(sessionStorage.getItem('damagedesk.session'));"
                + "s.accessToken = arguments[0]; sessionStorage.setItem('damagedesk.session', JSON.stringify(s));", forged);
        page.open("queue").driver().navigate().refresh();

        page.awaitSignInScreen();
        assertThat(page.signInMessage()).contains("refused");
        assertThat(page.script("return sessionStorage.getItem('damagedesk.session')")).isNull();
    }

    @Test
    void anExpiredTokenIsRefusedByTheApiAndThePageReturnsToSignIn() {
        StaffSystem.Staff reviewer = system.staff("reviewer");
        page.open(null).signIn(reviewer);
        String token = (String) page.script("return JSON.parse(sessionStorage.getItem('damagedesk.session')).accessToken");
        // The same token, validly signed with the pool's own key, but expired a minute ago.
        StaffTokens tokens = system.tokens();
        String expired = StaffTokens.resign(token, claims -> claims
                .issueTime(Date.from(Instant.now().minus(Duration.ofHours(2))))
                .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(1)))), tokens.cognitoLocalKey());
        assertThat(system.adminApi("GET", "/v1/admin/reports", expired, null).statusCode()).isEqualTo(401);

        // A page that still believes in it sends it, is refused, and goes back to sign-in.
        page.script("const s = JSON.parse(sessionStorage.getItem('damagedesk.session'));"
                + "s.accessToken = arguments[0]; sessionStorage.setItem('damagedesk.session', JSON.stringify(s));", expired);
        page.driver().navigate().refresh();
        page.awaitSignInScreen();
        assertThat(page.signInMessage()).contains("refused");
    }

    @Test
    void aSessionPastItsExpiryReturnsToSignInWithoutCallingTheApi() {
        StaffSystem.Staff reviewer = system.staff("reviewer");
        page.open(null).signIn(reviewer);
        page.script("const s = JSON.parse(sessionStorage.getItem('damagedesk.session'));"
                + "s.expiresAt = Date.now() - 1000; sessionStorage.setItem('damagedesk.session', JSON.stringify(s));");
        page.navigate("dashboard");
        page.awaitSignInScreen();
        assertThat(page.signInMessage()).contains("expired");
        assertThat(page.script("return sessionStorage.getItem('damagedesk.session')")).isNull();
    }

    private static String withPayload(String jwt, java.util.function.UnaryOperator<String> change) {
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String changed = change.apply(payload);
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }
}

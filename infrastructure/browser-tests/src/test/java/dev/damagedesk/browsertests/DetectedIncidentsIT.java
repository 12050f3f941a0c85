package dev.damagedesk.browsertests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.domain.detection.DetectedIncident;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The detected incidents on the incidents screen: a supervisor sees the draft with its services, first minute and
 * counts per minute and confirms it (the API then says it is confirmed with an active policy, the operations trail
 * lists the decision); a viewer sees the
 * draft on the dashboard and the incidents screen, without the buttons.
 */
@Timeout(180)
class DetectedIncidentsIT extends AdminPageTest {

    private static By row(DetectedIncident draft) {
        return By.cssSelector("#detected-table tr[data-incident-id='" + draft.id() + "']");
    }

    @Test
    void aSupervisorConfirmsTheDraftAndItsPolicyBecomesActive() {
        DetectedIncident draft = system.detectedDraft("webtoon", 5);
        StaffSystem.Staff supervisor = system.staff("supervisor");
        page.open(null).signIn(supervisor);
        page.driver().findElement(By.id("nav-incidents")).click();

        WebElement shown = page.awaitVisible(row(draft));
        assertThat(shown.getAttribute("data-state")).isEqualTo("DRAFT");
        assertThat(shown.getText()).contains("webtoon").contains("webtoon 42").contains("webtoon 57");
        shown.findElement(By.cssSelector(".detected-confirm")).click();

        page.await(driver -> driver.findElement(By.id("detected-message")).getText().contains(draft.id()));
        assertThat(page.driver().findElement(By.id("detected-message")).getText()).contains(draft.id() + "/v1");
        page.await(driver -> "CONFIRMED".equals(driver.findElement(row(draft)).getAttribute("data-state")));
        assertThat(page.driver().findElement(row(draft)).findElements(By.cssSelector(".detected-confirm"))).isEmpty();
        List<Map<String, Object>> listed = StaffSystem.list(StaffSystem.json(system.adminApi("GET",
                "/v1/admin/detected-incidents", system.accessToken(supervisor), null).body()).get("items"));
        assertThat(listed).filteredOn(item -> draft.id().equals(item.get("incidentId"))).singleElement()
                .satisfies(item -> assertThat(item).containsEntry("state", "CONFIRMED"));
        Map<String, Object> incident = StaffSystem.json(system.adminApi("GET", "/v1/admin/incidents/" + draft.id(),
                system.accessToken(supervisor), null).body());
        assertThat(incident).containsEntry("status", "ACTIVE");

        // the screen, shown again after the decision, lists it in the operations trail, by the supervisor, chained
        By confirmations = By.cssSelector("#operations-table tr[data-action='DETECTED_INCIDENT_CONFIRMED']");
        page.await(driver -> driver.findElements(confirmations).stream()
                .anyMatch(entry -> entry.getText().contains("detected-incident:" + draft.id())));
        WebElement confirmation = page.driver().findElements(confirmations).stream()
                .filter(entry -> entry.getText().contains("detected-incident:" + draft.id())).findFirst().orElseThrow();
        assertThat(confirmation.getText()).contains("detected incident confirmed").contains("services webtoon");
        assertThat(page.driver().findElement(By.id("operations-chain")).getAttribute("data-intact")).isEqualTo("true");
        List<Map<String, Object>> trail = StaffSystem.list(StaffSystem.json(system.adminApi("GET",
                "/v1/admin/operations", system.accessToken(supervisor), null).body()).get("entries"));
        assertThat(trail).filteredOn(entry -> ("detected-incident:" + draft.id()).equals(entry.get("subject")))
                .singleElement().satisfies(entry -> assertThat(entry.get("actor"))
                        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                        .containsEntry("kind", "STAFF").containsEntry("role", "supervisor"));
    }

    @Test
    void aViewerSeesTheDraftOnTheDashboardAndOnTheIncidentsScreenWithoutButtons() {
        DetectedIncident draft = system.detectedDraft("music", 8);
        page.open(null).signIn(system.staff("viewer"));
        page.driver().findElement(By.id("nav-dashboard")).click();
        WebElement banner = page.awaitVisible(By.id("dashboard-detected"));
        assertThat(banner.getAttribute("data-incident-id")).isEqualTo(draft.id());
        assertThat(banner.getText()).contains("music");
        page.driver().findElement(By.id("dashboard-detected-link")).click();

        WebElement shown = page.awaitVisible(row(draft));
        assertThat(shown.getText()).contains("music");
        assertThat(shown.findElements(By.cssSelector("button"))).isEmpty();
    }
}

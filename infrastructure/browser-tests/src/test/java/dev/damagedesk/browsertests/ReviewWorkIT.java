package dev.damagedesk.browsertests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.localaws.mailbox.LocalMailbox.SentEmail;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A report from the queue to a decision: filter, open, decide, the audit entry, the email; and who may not. */
@Timeout(150)
class ReviewWorkIT extends AdminPageTest {

    @Test
    void aReviewerFiltersOpensAndApprovesAnAdjustedAmountAndTheReporterIsEmailed() {
        StaffSystem.FiledReport report = system.fileReportForReview("박서연", "음악 앱이 주말 내내 재생되지 않았습니다.");
        assertThat(report.status()).isEqualTo("NEEDS_REVIEW");
        StaffSystem.Staff reviewer = system.staff("reviewer");

        page.open(null).signIn(reviewer);
        page.filter(Map.of("status", "NEEDS_REVIEW", "service", "navigation", "reason", "manual-review"));
        assertThat(page.driver().getCurrentUrl()).contains("service=navigation").contains("reason=manual-review");
        assertThat(page.queueReportIds()).contains(report.reportId());

        page.openFromQueue(report.reportId());
        assertThat(page.driver().findElement(By.id("reporter-name")).getText()).isEqualTo("박서연");
        // A manual-review decision awards nothing by itself: the reviewer approves an amount (adjust), with a reason.
        assertThat(page.actionButtons()).contains("adjust", "reject", "request-documents").doesNotContain("approve");
        assertThat(page.driver().findElement(By.id("shortcuts")).getText()).contains("j — adjust amount");
        long version = page.reportVersion();
        int auditBefore = page.auditRows().size();
        // The reporter's acknowledgement of filing comes first; the decision's email is the next one.
        int acknowledgements = Waits.until("the acknowledgement", StaffSystem.LIMIT, () ->
                java.util.Optional.of(system.mailbox().sentTo(report.email()).size()).filter(count -> count > 0));

        page.decideByShortcut("j", Map.of("amountKrw", "9900", "reason", "The subscription fee of the outage month"))
                .awaitVersionAfter(version);

        assertThat(page.reportStatus()).isEqualTo("APPROVED");
        assertThat(page.awaitVisible(By.id("last-result")).getText()).contains("Adjust");
        List<WebElement> audit = page.auditRows();
        assertThat(audit).hasSizeGreaterThan(auditBefore);
        WebElement last = audit.get(audit.size() - 1);
        assertThat(last.getAttribute("data-action")).isEqualTo("AMOUNT_ADJUSTED");
        // The entry names the reviewer as the API knows them: the token's user name (the pool's id for the user).
        Object apiName = page.script("const t = JSON.parse(sessionStorage.getItem('damagedesk.session')).accessToken;"
                + "return JSON.parse(atob(t.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).username");
        assertThat(last.getText()).contains(String.valueOf(apiName)).contains("reviewer");

        SentEmail decision = Waits.until("the decision email, after the acknowledgement", StaffSystem.LIMIT, () -> {
            List<SentEmail> emails = system.mailbox().sentTo(report.email());
            return emails.size() > acknowledgements ? java.util.Optional.of(emails.get(emails.size() - 1)) : java.util.Optional.empty();
        });
        assertThat(decision.subject() + decision.text()).contains(report.reportId());
    }

    @Test
    void aStaleVersionIsShownAsAConflictAndReloadingShowsTheNewVersion() {
        StaffSystem.FiledReport report = system.fileReportForReview("Kim Minji", "Navigation stopped.");
        StaffSystem.Staff reviewer = system.staff("reviewer");
        page.open(null).signIn(reviewer);
        page.openReport(report.reportId());
        long shown = page.reportVersion();

        // Someone else decides first, through the API, while this page still shows the old version.
        StaffSystem.Staff colleague = system.staff("reviewer");
        HttpResponse<String> first = system.adminApi("POST", "/v1/admin/reports/" + report.reportId() + "/decisions",
                system.accessToken(colleague),
                "{\"action\":\"request-documents\",\"version\":" + shown + ",\"reason\":\"Receipt of the subscription\","
                        + "\"deadline\":\"" + java.time.Instant.now().plus(java.time.Duration.ofDays(30)) + "\"}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);

        page.decideByShortcut("r", Map.of("reason", "Not a paid service"));
        WebElement conflict = page.awaitVisible(By.id("conflict"));
        assertThat(conflict.getAttribute("data-code")).isEqualTo("stale-version");
        assertThat(conflict.getText()).contains("Someone else changed this report");

        page.driver().findElement(By.id("conflict-reload")).click();
        page.awaitVersionAfter(shown);
        assertThat(page.reportStatus()).isEqualTo("NEEDS_DOCUMENTS");
    }

    @Test
    void aViewerSeesNoDecisionActionsAndTheApiRefusesItsDecision() {
        StaffSystem.FiledReport report = system.fileReportForReview("Viewer Case", "Checked by a viewer.");
        StaffSystem.Staff viewer = system.staff("viewer");
        page.open(null).signIn(viewer);
        page.openReport(report.reportId());

        assertThat(page.awaitVisible(By.id("no-actions")).getText()).contains("no action");
        assertThat(page.driver().findElements(By.cssSelector("#actions button[data-action]"))).isEmpty();
        long version = page.reportVersion();
        page.driver().findElement(By.tagName("body")).sendKeys("a");
        assertThat(page.driver().findElements(By.id("decision-form"))).isEmpty();

        HttpResponse<String> refused = system.adminApi("POST", "/v1/admin/reports/" + report.reportId() + "/decisions",
                system.accessToken(viewer), "{\"action\":\"approve\",\"version\":" + version + "}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("forbidden");
        page.openReport(report.reportId());
        assertThat(page.reportVersion()).isEqualTo(version);
        assertThat(page.reportStatus()).isEqualTo("NEEDS_REVIEW");
    }
}

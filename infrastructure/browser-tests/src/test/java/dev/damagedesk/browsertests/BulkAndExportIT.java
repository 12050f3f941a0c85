package dev.damagedesk.browsertests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** A bulk decision (dry run, confirmation, progress) and a CSV export downloaded by the browser and read back. */
@Timeout(180)
class BulkAndExportIT extends AdminPageTest {

    @Test
    void aBulkRejectionShowsItsDryRunThenRunsAsAJobAfterTheConfirmation() {
        // Paid subscriptions to navigation are not offered: a person reviews them (this test's own service).
        List<StaffSystem.FiledReport> reports = List.of(
                system.fileReport("Bulk One", StaffSystem.unique("bulk") + "@example.com", "navigation", "paid-subscription", 4900, "one"),
                system.fileReport("Bulk Two", StaffSystem.unique("bulk") + "@example.com", "navigation", "paid-subscription", 5900, "two"));
        assertThat(reports).extracting(StaffSystem.FiledReport::status).containsOnly("NEEDS_REVIEW");
        StaffSystem.Staff supervisor = system.staff("supervisor");
        page.open(null).signIn(supervisor);
        page.driver().findElement(By.id("nav-bulk")).click();

        page.type(By.id("filter-service"), "navigation");
        new Select(page.driver().findElement(By.id("filter-reason"))).selectByValue("manual-review");
        new Select(page.driver().findElement(By.id("bulk-action"))).selectByValue("reject");
        page.type(By.id("bulk-reason"), "The service has no paid subscription");
        page.driver().findElement(By.id("bulk-filter-submit")).click();

        WebElement dryRun = page.awaitVisible(By.id("bulk-dry-run"));
        assertThat(dryRun.getAttribute("data-reports")).isEqualTo("2");
        assertThat(dryRun.getText()).contains("2 reports");
        // Nothing has changed before the confirmation.
        for (StaffSystem.FiledReport report : reports) {
            assertThat(statusOf(report, supervisor)).isEqualTo("NEEDS_REVIEW");
        }

        page.driver().findElement(By.id("bulk-confirm")).click();
        page.await(driver -> "DONE".equals(driver.findElement(By.id("job")).getAttribute("data-status")));
        assertThat(page.driver().findElement(By.id("job-text")).getText()).contains("2 of 2 processed, 0 failed");
        for (StaffSystem.FiledReport report : reports) {
            assertThat(statusOf(report, supervisor)).isEqualTo("REJECTED");
        }
    }

    @Test
    void anExportIsDownloadedAsUtf8CsvWithBomAndKoreanTextIntact() throws IOException {
        // A paid subscription to mail is not offered either: NEEDS_REVIEW, and the only report of its service.
        String name = "김민수, \"민수\"";
        String description = "메일이 하루 종일 열리지 않았습니다.\n두 번째 줄";
        StaffSystem.FiledReport report = system.fileReport(name, StaffSystem.unique("export") + "@example.com",
                "mail", "paid-subscription", 3300, description);
        StaffSystem.Staff supervisor = system.staff("supervisor");
        page.open(null).signIn(supervisor);
        page.driver().findElement(By.id("nav-exports")).click();

        page.type(By.id("filter-service"), "mail");
        page.driver().findElement(By.id("export-personal")).click();
        page.driver().findElement(By.id("export-filter-submit")).click();
        WebElement download = page.awaitVisible(By.id("export-download"));
        download.click();

        Path csv = Waits.until("the CSV in the browser's download folder", StaffSystem.LIMIT, () -> downloaded(chromium.downloads()));
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<List<String>> rows = Csv.parse(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
        assertThat(rows.get(0)).contains("reportId");
        List<String> row = rows.stream().filter(cells -> cells.contains(report.reportId())).findFirst().orElseThrow(
                () -> new AssertionError("The export has no row for " + report.reportId() + ": " + rows));
        List<String> header = rows.get(0);
        // Korean text, commas, quotes and a line break come back exactly as the reporter typed them.
        assertThat(row.get(header.indexOf("name"))).isEqualTo(name);
        assertThat(row.get(header.indexOf("description"))).isEqualTo(description);
        assertThat(row.get(header.indexOf("email"))).isEqualTo(report.email());
        assertThat(row.get(header.indexOf("status"))).isEqualTo("NEEDS_REVIEW");
        assertThat(rows).as("the header and this test's one report of its service").hasSize(2);
    }

    private String statusOf(StaffSystem.FiledReport report, StaffSystem.Staff staff) {
        return (String) StaffSystem.json(system.adminApi("GET", "/v1/admin/reports/" + report.reportId(),
                system.accessToken(staff), null).body()).get("status");
    }

    private static Optional<Path> downloaded(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> !file.getFileName().toString().endsWith(".crdownload"))
                    .filter(file -> !file.getFileName().toString().startsWith(".")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

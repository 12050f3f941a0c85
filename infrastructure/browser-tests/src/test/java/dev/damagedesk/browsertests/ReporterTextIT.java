package dev.damagedesk.browsertests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;

/** Whatever a reporter typed is shown as text: markup in a name or a description runs nothing and adds nothing. */
@Timeout(120)
class ReporterTextIT extends AdminPageTest {

    static final String NAME = "<img src=x onerror=\"window.__injected='name';alert('name')\"><b>Bold</b>";
    static final String DESCRIPTION = String.join("\n",
            "<script>window.__injected='script';alert('script')</script>",
            "<svg onload=\"window.__injected='svg';alert('svg')\"></svg>",
            "<a href=\"javascript:window.__injected='link';alert('link')\">click me</a> javascript:alert(1)",
            "\"><iframe src=\"javascript:alert('iframe')\"></iframe><style>body{display:none}</style>",
            "{{constructor.constructor('alert(1)')()}} ${alert(1)} &lt;escaped&gt; &amp;");

    @Test
    void scriptAndHtmlPayloadsRenderAsTheirTextAndRunNothing() {
        StaffSystem.FiledReport report = system.fileReportForReview(NAME, DESCRIPTION);
        StaffSystem.Staff reviewer = system.staff("reviewer");
        page.open(null).signIn(reviewer);
        page.filter(java.util.Map.of("service", "navigation"));
        page.openFromQueue(report.reportId());

        // The text is there, verbatim (textContent: exactly what was typed, line breaks included)...
        assertThat(page.script("return document.getElementById('reporter-name').textContent")).isEqualTo(NAME);
        assertThat(page.script("return document.getElementById('report-description').textContent")).isEqualTo(DESCRIPTION);
        assertThat(page.driver().findElement(By.id("report-description")).getText()).contains("<script>", "javascript:");
        // ...as one text node each, with no element made from it anywhere on the page...
        assertThat(page.driver().findElements(By.cssSelector("#reporter-name *, #report-description *"))).isEmpty();
        assertThat(page.driver().findElements(By.cssSelector("main img, main svg:not(.chart):not(.swatch), main iframe, main script, main style, main a[href^='javascript']")))
                .isEmpty();
        // ...and nothing ran: no dialog, no global set by a payload, the page still visible.
        assertThat(page.alertIsOpen()).isFalse();
        assertThat(page.script("return typeof window.__injected")).isEqualTo("undefined");
        assertThat(page.driver().findElement(By.id("report-title")).isDisplayed()).isTrue();

        // The same holds where the page shows the report among others: the reporter's search results.
        page.navigate("queue");
        page.awaitQueue();
        assertThat(page.alertIsOpen()).isFalse();
        assertThat(page.script("return typeof window.__injected")).isEqualTo("undefined");
    }
}

package dev.damagedesk.browsertests;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The admin page as a staff member uses it: every step waits explicitly for what the page shows next. */
final class AdminPage {

    static final Duration WAIT = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final URI url;
    private final WebDriverWait wait;

    AdminPage(WebDriver driver, URI url) {
        this.driver = driver;
        this.url = url;
        // The page redraws a screen as a whole: an element read during a redraw is simply read again.
        this.wait = new WebDriverWait(driver, WAIT);
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    WebDriver driver() {
        return driver;
    }

    AdminPage open(String route) {
        driver.get(url + (route == null ? "" : "#/" + route));
        return this;
    }

    AdminPage awaitSignInScreen() {
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-screen", "sign-in"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-form")));
        return this;
    }

    /** Signs in on the sign-in screen and waits for the queue's first page (or its empty notice). */
    AdminPage signIn(StaffSystem.Staff staff) {
        awaitSignInScreen();
        type(By.id("username"), staff.username());
        type(By.id("password"), StaffSystem.PASSWORD);
        driver.findElement(By.id("sign-in")).click();
        return awaitQueue();
    }

    AdminPage awaitQueue() {
        try {
            wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-screen", "queue"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue-shown")));
        } catch (TimeoutException e) {
            throw new TimeoutException("The queue did not appear. " + whatThePageSays(), e);
        }
        return this;
    }

    /** For a failing wait: the screen, the messages on it and the browser console (CSP reports, script errors). */
    String whatThePageSays() {
        StringBuilder text = new StringBuilder("Screen: ")
                .append(driver.findElement(By.tagName("body")).getAttribute("data-screen"));
        for (WebElement message : driver.findElements(By.cssSelector("#sign-in-message, .error, .notice"))) {
            text.append("; message: ").append(message.getText());
        }
        try {
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                text.append("\n  console ").append(entry.getLevel()).append(' ').append(entry.getMessage());
            }
        } catch (RuntimeException unavailable) {
            text.append(" (no console log)");
        }
        return text.toString();
    }

    String signedInRole() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("who"))).getAttribute("data-role");
    }

    String signInMessage() {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-message"))).getText();
    }

    /** Sets the queue's filter fields (by name: status, service, reason, ...) and applies them. */
    AdminPage filter(Map<String, String> fields) {
        String before = driver.getCurrentUrl();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            WebElement control = driver.findElement(By.id("filter-" + field.getKey()));
            if ("select".equals(control.getTagName())) {
                new Select(control).selectByValue(field.getValue());
            } else {
                control.clear();
                control.sendKeys(field.getValue());
            }
        }
        driver.findElement(By.id("filter-form-submit")).click();
        wait.until(driver -> !driver.getCurrentUrl().equals(before));
        return awaitQueue();
    }

    List<String> queueReportIds() {
        return driver.findElements(By.cssSelector("#queue-table tbody tr")).stream()
                .map(row -> row.getAttribute("data-report-id")).toList();
    }

    /** Opens a report from the queue's table and waits for its detail. */
    AdminPage openFromQueue(String reportId) {
        driver.findElement(By.cssSelector("#queue-table tr[data-report-id='" + reportId + "'] a")).click();
        return awaitDetail(reportId);
    }

    AdminPage openReport(String reportId) {
        String target = url + "#/reports/" + reportId;
        if (driver.getCurrentUrl().equals(target)) {
            driver.navigate().refresh(); // the same address again: load it anew
        } else {
            driver.get(target);
        }
        return awaitDetail(reportId);
    }

    AdminPage awaitDetail(String reportId) {
        wait.until(ExpectedConditions.attributeToBe(By.id("report-title"), "data-report-id", reportId));
        return this;
    }

    String reportStatus() {
        return driver.findElement(By.id("report-title")).getAttribute("data-status");
    }

    long reportVersion() {
        return Long.parseLong(driver.findElement(By.id("report-title")).getAttribute("data-version"));
    }

    List<String> actionButtons() {
        return driver.findElements(By.cssSelector("#actions button[data-action]")).stream()
                .map(button -> button.getAttribute("data-action")).toList();
    }

    /** Opens an action's form by its keyboard shortcut, fills it and confirms it. */
    AdminPage decideByShortcut(String key, Map<String, String> fields) {
        driver.findElement(By.tagName("body")).sendKeys(key);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("decision-form")));
        fields.forEach((name, value) -> type(By.id("form-" + name), value));
        driver.findElement(By.id("decision-submit")).click();
        return this;
    }

    /** Waits for the detail to show the report after a decision (a new version). */
    AdminPage awaitVersionAfter(long version) {
        wait.until(driver -> {
            List<WebElement> title = driver.findElements(By.id("report-title"));
            return !title.isEmpty() && Long.parseLong(title.get(0).getAttribute("data-version")) > version;
        });
        return this;
    }

    List<WebElement> auditRows() {
        return driver.findElements(By.cssSelector("#audit-table tbody tr"));
    }

    WebElement awaitVisible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement awaitPresent(By by) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(by));
    }

    <T> T await(java.util.function.Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    void navigate(String route) {
        ((JavascriptExecutor) driver).executeScript("location.hash = arguments[0]", "#/" + route);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** True when a JavaScript dialog (alert, confirm, prompt) is open: something ran that should not. */
    boolean alertIsOpen() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException none) {
            return false;
        }
    }

    void type(By by, String text) {
        WebElement field = awaitVisible(by);
        field.clear();
        field.sendKeys(text);
    }
}

package dev.damagedesk.browsertests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through its own chromedriver (never a downloaded browser: Selenium Manager is not
 * used because both paths are given), with a fresh profile and download folder per browser, removed on close.
 */
final class Chromium implements AutoCloseable {

    private final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;

    private Chromium(ChromeDriver driver, Path profile, Path downloads) {
        this.driver = driver;
        this.profile = profile;
        this.downloads = downloads;
    }

    static Chromium start() {
        try {
            Path profile = Files.createTempDirectory("damagedesk-chromium-profile");
            Path downloads = Files.createTempDirectory("damagedesk-chromium-downloads");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                            "--window-size=1400,1000", "--lang=en-US", "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of(
                            "download.default_directory", downloads.toString(),
                            "download.prompt_for_download", false,
                            "intl.accept_languages", "en-US,en"));
            // An alert must stay open so that a test can see it (and fail), not be dismissed silently.
            options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
            // The page's console (CSP violations, script errors) for a failing test's diagnosis.
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver")).toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
            return new Chromium(driver, profile, downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    Path downloads() {
        return downloads;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
            delete(downloads);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}

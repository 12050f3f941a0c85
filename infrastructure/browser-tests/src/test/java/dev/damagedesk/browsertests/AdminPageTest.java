package dev.damagedesk.browsertests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every browser test class shares: the whole local runtime, started once for the class (its own emulators,
 * its own staff users), and a fresh headless Chromium with a fresh profile for each test.
 */
abstract class AdminPageTest {

    static StaffSystem system;
    Chromium chromium;
    AdminPage page;

    @BeforeAll
    static void startSystem() {
        system = StaffSystem.start();
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        chromium = Chromium.start();
        page = new AdminPage(chromium.driver(), system.adminPage());
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }
}

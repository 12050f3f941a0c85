package dev.damagedesk.browsertests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/**
 * The main screens photographed (sign-in, queue, detail, dashboard) and the page's load time measured, against
 * the whole local runtime. Screenshots go to {@code -Dscreenshots.dir} (default target/screenshots; the README's
 * command points it at docs/screenshots). The load time is the browser's own Performance timing: from the start
 * of the navigation to the {@code queue-rendered} mark the queue screen sets once its first page is on screen.
 */
@Timeout(240)
class AdminPageTourIT {

    private static final int LOADS = 9;
    private static StaffSystem system;
    private static Chromium chromium;

    @BeforeAll
    static void start() {
        system = StaffSystem.start();
        chromium = Chromium.start();
    }

    @AfterAll
    static void stop() {
        try {
            chromium.close();
        } finally {
            system.close();
        }
    }

    @Test
    void photographsTheMainScreensAndMeasuresTheQueueLoad() throws IOException {
        Path folder = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(folder);
        StaffSystem.FiledReport report = system.fileReportForReview("이서준",
                "내비게이션 정기 구독이 10월 15일 오후부터 다음 날 오후까지 전혀 작동하지 않았습니다.");
        system.fileReportForReview("Jung Hana", "Turn-by-turn navigation was down for the whole drive home.");
        system.fileReport("최유진", StaffSystem.unique("tour") + "@example.com", "music", "paid-subscription", 10900, "음악 재생 불가");
        StaffSystem.Staff reviewer = system.staff("reviewer");
        AdminPage page = new AdminPage(chromium.driver(), system.adminPage());

        page.open(null).awaitSignInScreen();
        page.type(By.id("username"), reviewer.username());
        shoot(page, folder.resolve("sign-in.png"));
        page.type(By.id("password"), StaffSystem.PASSWORD);
        page.driver().findElement(By.id("sign-in")).click();
        page.awaitQueue();
        page.filter(Map.of("service", "navigation"));
        assertThat(page.queueReportIds()).contains(report.reportId());
        shoot(page, folder.resolve("queue.png"));

        page.openFromQueue(report.reportId());
        shoot(page, folder.resolve("detail.png"));

        page.driver().findElement(By.id("nav-dashboard")).click();
        page.awaitPresent(By.id("chart-per-minute"));
        shoot(page, folder.resolve("dashboard.png"));

        List<Double> loads = new ArrayList<>();
        for (int i = 0; i < LOADS; i++) {
            page.driver().get("about:blank");
            page.driver().get(system.adminPage() + "#/queue");
            page.awaitQueue();
            Object mark = page.await(driver -> page.script(
                    "const m = performance.getEntriesByName('queue-rendered'); return m.length ? m[m.length - 1].startTime : null"));
            loads.add(((Number) mark).doubleValue());
        }
        double[] sorted = loads.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted[sorted.length / 2];
        String summary = String.format("Admin page, navigation to the queue rendered: median %.0f ms over %d loads"
                + " (first %.0f ms, min %.0f ms, max %.0f ms)%n", median, LOADS, loads.get(0), sorted[0], sorted[sorted.length - 1]);
        System.out.print(summary);
        Files.writeString(folder.resolve("load-time.txt"), summary);
        assertThat(loads).hasSize(LOADS).allMatch(value -> value > 0);
    }

    private static void shoot(AdminPage page, Path file) throws IOException {
        byte[] png = ((TakesScreenshot) page.driver()).getScreenshotAs(OutputType.BYTES);
        assertThat(Arrays.copyOf(png, 4)).containsExactly(0x89, 'P', 'N', 'G');
        Files.write(file, png);
    }
}

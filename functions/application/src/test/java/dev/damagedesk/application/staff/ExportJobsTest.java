package dev.damagedesk.application.staff;

import static dev.damagedesk.application.staff.StaffFixtures.REVIEWER;
import static dev.damagedesk.application.staff.StaffFixtures.SUPERVISOR;
import static dev.damagedesk.application.staff.StaffFixtures.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.application.memory.InMemoryExportFiles;
import dev.damagedesk.application.memory.InMemoryStaffJobQueue;
import dev.damagedesk.application.memory.InMemoryStaffJobs;
import dev.damagedesk.domain.report.ReportStatus;
import dev.damagedesk.domain.staff.StaffNotAllowedException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportJobsTest {

    private final StaffFixtures fixtures = new StaffFixtures();
    private final InMemoryStaffJobs jobs = new InMemoryStaffJobs();
    private final InMemoryStaffJobQueue queue = new InMemoryStaffJobQueue();
    private final InMemoryExportFiles files = new InMemoryExportFiles();
    // 4 KiB parts instead of S3's 5 MiB, so that 250 rows make several parts
    private final ExportJobs exports = new ExportJobs(fixtures.store, jobs, queue, files, Clock.systemUTC(), 4096);
    private final ReportFilter needsReview = new ReportFilter(ReportStatus.NEEDS_REVIEW, null, null, null, null, null, null, null);

    @Test
    void anExportIsWrittenPartByPartIntoOneCsvWithBomHeaderAndEveryRowOnce() {
        for (int i = 0; i < 250; i++) {
            fixtures.needsReview(i, 1_000 + i);
        }

        exports.start("export-1", VIEWER, needsReview, false);
        int parts = drain();

        StaffJob job = jobs.find("export-1").orElseThrow();
        assertThat(job.status()).isEqualTo(StaffJob.Status.DONE);
        assertThat(parts).isGreaterThan(1).isEqualTo(job.partEtags().size());
        byte[] csv = files.object(job.exportKey()).orElseThrow();
        assertThat(Arrays.copyOf(csv, 3)).isEqualTo(ExportCsv.BOM);
        List<String> lines = List.of(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines).hasSize(251);
        assertThat(lines.get(0)).startsWith("reportId,status,receivedAt").doesNotContain("email");
        assertThat(lines.subList(1, 251).stream().map(line -> line.split(",")[0])).doesNotHaveDuplicates();
        assertThat(job.processed()).isEqualTo(250);
        assertThat(exports.downloadUrl(job)).isPresent();
    }

    @Test
    void aPartDeliveredTwiceIsWrittenOnce() {
        for (int i = 0; i < 120; i++) {
            fixtures.needsReview(i, 1_000);
        }
        exports.start("export-2", VIEWER, needsReview, false);
        JobPage first = queue.poll().orElseThrow();

        exports.runPage(first);
        exports.runPage(first);
        drain();

        StaffJob job = jobs.find("export-2").orElseThrow();
        byte[] csv = files.object(job.exportKey()).orElseThrow();
        assertThat(new String(csv, StandardCharsets.UTF_8).split("\r\n")).hasSize(121);
        assertThat(job.processed()).isEqualTo(120);
    }

    @Test
    void personalDataColumnsOnlyForSupervisorsAndTypedTextIsNeutralised() {
        fixtures.stored(0, ReportStatus.NEEDS_REVIEW, 1_000, "=cmd@example.com", "+82 10 1234 5678",
                "=HYPERLINK(\"http://evil\",\"click\"), 그리고\n줄바꿈", null);

        assertThatThrownBy(() -> exports.start("export-3", REVIEWER, needsReview, true))
                .isInstanceOf(StaffNotAllowedException.class);
        exports.start("export-4", SUPERVISOR, needsReview, true);
        drain();

        String csv = new String(files.object("exports/export-4.csv").orElseThrow(), StandardCharsets.UTF_8);
        assertThat(csv).contains(",email,phone,accountRef,description\r\n")
                .contains(",'=cmd@example.com,'+82 10 1234 5678,,\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\"), 그리고\n줄바꿈\"\r\n");
    }

    @Test
    void anEmptyFilterGivesAHeaderOnly() {
        exports.start("export-5", VIEWER, needsReview, false);
        drain();

        String csv = new String(files.object("exports/export-5.csv").orElseThrow(), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("\uFEFF" + ExportCsv.header(false));
    }

    private int drain() {
        int pages = 0;
        while (true) {
            var page = queue.poll();
            if (page.isEmpty()) {
                return pages;
            }
            exports.runPage(page.get());
            pages++;
        }
    }
}

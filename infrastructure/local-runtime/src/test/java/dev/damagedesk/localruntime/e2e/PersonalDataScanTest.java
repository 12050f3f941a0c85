package dev.damagedesk.localruntime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The scanner of {@link NoPersonalDataInLogsIT}: it must find a leak in any form it claims to look for. */
class PersonalDataScanTest {

    private static final PersonalDataScan SCAN = PersonalDataScan.of(NoPersonalDataInLogsIT.NAME,
            NoPersonalDataInLogsIT.EMAIL, NoPersonalDataInLogsIT.PHONE, NoPersonalDataInLogsIT.ACCOUNT,
            NoPersonalDataInLogsIT.WORDS);

    @Test
    void aLineWithTheValueAsTypedOrNormalisedIsFoundAndNamed() {
        List<String> leaks = List.of(
                "{\"level\":\"INFO\",\"message\":\"stored report for Quenby Zarvantis\"}",
                "[ProcessorFunction] sending to quenby.zarvantis@privacy-e2e.example",   // normalised: no +tag, lower case
                "GET /v1/admin/reports/search?email=Quenby.Zarvantis%2BOutage%40Privacy-E2E.example",
                "phone key input +821073912846",
                "called 01073912846",
                "account acct-zv-558201",
                "{\"message\":\"\\ud669\\ubcf4 wrote\"}",                               // the Korean name JSON-escaped
                "황보 wrote");
        for (String leak : leaks) {
            assertThat(SCAN.findings(List.of(new PersonalDataScan.Line("test", leak)))).as(leak).isNotEmpty()
                    .allSatisfy(finding -> assertThat(finding.toString()).startsWith("test carries the reporter's ")
                            .endsWith(leak));
        }
        assertThat(SCAN.findings(List.of(new PersonalDataScan.Line("stdout", "mail to QUENBY.ZARVANTIS+OUTAGE@privacy-e2e.example"))))
                .extracting(PersonalDataScan.Finding::what).containsExactly("name", "email"); // the local part is the name
    }

    @Test
    void linesWithIdsOnlyAreClean() {
        List<PersonalDataScan.Line> clean = List.of(
                new PersonalDataScan.Line("stdout", "{\"level\":\"INFO\",\"reportId\":\"01KBZ3Q9Y7M2N4P6R8T0V2X4Z6\",\"message\":\"stored\"}"),
                new PersonalDataScan.Line("stderr", "[IntakeFunction] REPORT RequestId: 3f2a9c1e-0b7d-4f3a-8c6e-2d1b0a9f8e7d\tDuration: 47.17 ms"),
                new PersonalDataScan.Line("stderr", "Provisioned 8 queues, 2 tables, 2 secrets in 240 ms"));

        assertThat(SCAN.findings(clean)).isEmpty();
    }

    @Test
    void everyValueHasItsNormalisedForms() {
        assertThat(SCAN.forms().get("email")).contains("quenby.zarvantis+outage@privacy-e2e.example",
                "quenby.zarvantis@privacy-e2e.example", "quenby.zarvantis%2boutage%40privacy-e2e.example");
        assertThat(SCAN.forms().get("phone")).contains("010-7391-2846", "+821073912846", "01073912846", "73912846");
        assertThat(SCAN.forms().get("account reference")).contains("acct-zv-558201");
        assertThat(SCAN.forms().get("name")).contains("quenby", "zarvantis", "황보", "\\ud669\\ubcf4");
    }
}

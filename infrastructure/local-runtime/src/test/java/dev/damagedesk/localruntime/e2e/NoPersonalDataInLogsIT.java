package dev.damagedesk.localruntime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.localaws.auth.StaffTokens;
import dev.damagedesk.localaws.lambda.OutputLines;
import dev.damagedesk.localaws.mailbox.LocalMailbox.SentEmail;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import dev.damagedesk.localruntime.RuntimeOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No personal data in any log line, end to end: a reporter with a distinctive name, email, phone number and account
 * reference goes through the whole local runtime, once with the functions in this JVM and once with each instance its
 * own process from the function's artifact: the report is submitted, stored, acknowledged
 * by email and looked up with its token; staff then find it on the admin API by the reporter's email and phone and open
 * it. Every line written to this JVM's standard output and standard error from before the runtime starts until the
 * journey is over is captured (the runtime's own log, the gateway's, ElasticMQ's, every function's JSON log lines and
 * metric documents, the platform's START/END/REPORT lines), and none may carry any form of those values
 * ({@link PersonalDataScan}); a failure names the line. The node emulators' own log files are not ours and not read.
 * In this JVM the functions log through the runtime's SLF4J binding (plain text on standard error); as processes, through
 * their artifacts' JSON layout, which the runtime prints with the function's name in front.
 */
class NoPersonalDataInLogsIT {

    static final String NAME = "Quenby Zarvantis-황보";
    static final String EMAIL = "Quenby.Zarvantis+Outage@Privacy-E2E.example";
    static final String PHONE = "010-7391-2846";
    static final String ACCOUNT = "ACCT-ZV-558201";
    static final List<String> WORDS = List.of("Zarvantis household", "glockenspiel");
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private static final List<PersonalDataScan.Line> LINES = new CopyOnWriteArrayList<>();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private LocalRuntimeUnderTest runtime;
    private PublicApiClient api;

    /** Captures everything from before the runtime starts: its start-up lines are scanned too. */
    private void captureEverythingThenStart(RuntimeOptions.FunctionHosting hosting) {
        LINES.clear();
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(capturing(originalOut, "stdout"));
        System.setErr(capturing(originalErr, "stderr"));
        runtime = LocalRuntimeUnderTest.start(hosting);
        api = new PublicApiClient(runtime.apiBaseUri());
    }

    @AfterEach
    void stop() {
        try {
            if (runtime != null) {
                runtime.close();
            }
        } finally {
            if (originalOut != null) {
                System.setOut(originalOut);
                System.setErr(originalErr);
            }
        }
    }

    /** The functions in this JVM: they log through the runtime's SLF4J binding, from their container threads. */
    @Test
    void inProcessTheJourneyAndTheStaffLookUpLeaveNoPersonalDataInAnyLogLine() throws Exception {
        captureEverythingThenStart(RuntimeOptions.FunctionHosting.IN_PROCESS);

        List<PersonalDataScan.Line> lines = journeyAndStaffLookUp();

        assertThat(lines).as("what the functions' own threads logged")
                .anySatisfy(line -> assertThat(line.source()).endsWith(" lambda-ProcessorFunction-1"))
                .anySatisfy(line -> assertThat(line.source()).endsWith(" lambda-NotifierFunction-1"));
        assertNoPersonalData(lines);
    }

    /**
     * Every function instance its own JVM from its deployment artifact, as {@code ./run-local} runs them: their
     * lines are the artifacts' JSON log lines and metric documents, as CloudWatch Logs would receive them.
     */
    @Test
    void asProcessesFromTheirArtifactsTheJourneyAndTheStaffLookUpLeaveNoPersonalDataInAnyLogLine() throws Exception {
        captureEverythingThenStart(RuntimeOptions.FunctionHosting.PROCESSES);

        List<PersonalDataScan.Line> lines = journeyAndStaffLookUp();

        assertThat(lines).as("the functions' JSON log lines")
                .anySatisfy(line -> assertThat(line.text()).startsWith("[ProcessorFunction] {").contains("\"level\""))
                .anySatisfy(line -> assertThat(line.text()).startsWith("[NotifierFunction] {").contains("\"level\""))
                .anySatisfy(line -> assertThat(line.text()).startsWith("[AdminFunction] "));
        assertNoPersonalData(lines);
    }

    /** Submit, stored, acknowledged, status; then staff search by email and by phone and open it. */
    private List<PersonalDataScan.Line> journeyAndStaffLookUp() throws Exception {
        String report = """
                {"reporter":{"name":"%s","email":"%s","phone":"%s","accountRef":"%s"},
                 "locale":"en","service":"music","category":"paid-subscription",
                 "occurredFrom":"2022-10-15T15:30:00+09:00","occurredTo":"2022-10-16T15:00:00+09:00",
                 "amountClaimedKrw":10900,"description":"The %s glockenspiel lessons stopped all weekend.",
                 "privacyConsent":true}""".formatted(NAME, EMAIL, PHONE, ACCOUNT, WORDS.get(0));
        PublicApiClient.Reply accepted = api.submit(report, "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String reportId = (String) accepted.json().get("reportId");
        String token = (String) accepted.json().get("trackingToken");

        Eventually.await("the report to be scored", LIMIT, () -> {
            Map<String, Object> status = api.status(reportId, token).json();
            return "RECEIVED".equals(status.get("status")) ? Optional.empty() : Optional.of(status);
        });
        // SES compares addresses without regard to case; so does this look-up
        SentEmail acknowledgement = Eventually.await("the acknowledgement email", LIMIT,
                () -> runtime.cloud().aws().mailbox().all().stream().filter(email -> email.subject().contains(reportId))
                        .findFirst());
        assertThat(acknowledgement.to()).singleElement().asString().isEqualToIgnoringCase(EMAIL);
        ReportJourneyIT.waitUntilQueuesAreIdle(runtime, "IntakeQueue", "NotificationQueue");
        assertThat(api.status(reportId, token).status()).isEqualTo(200);

        // Staff find it by the reporter's email (as typed, tag and capitals included) and phone, and open it: the
        // processor's and the admin function's identity keys agree (the same secret).
        URI admin = runtime.running().apiBaseUris().get("AdminApi");
        String staff = StaffTokens.of(runtime.cloud()).accessToken("reviewer");
        for (String query : List.of("email=" + URLEncoder.encode(EMAIL, StandardCharsets.UTF_8),
                "phone=" + URLEncoder.encode(PHONE, StandardCharsets.UTF_8))) {
            PublicApiClient.Reply found = api.send(HttpRequest.newBuilder(admin.resolve("/v1/admin/reports/search?" + query))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + staff).GET().build());
            assertThat(found.status()).as(found.body()).isEqualTo(200);
            assertThat(found.body()).as(query).contains(reportId);
        }
        PublicApiClient.Reply detail = api.send(HttpRequest.newBuilder(admin.resolve("/v1/admin/reports/" + reportId))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + staff).GET().build());
        assertThat(detail.status()).as(detail.body()).isEqualTo(200);
        assertThat(detail.body()).as("staff see the contact; the logs must not").contains("010-7391-2846");

        System.out.flush();
        System.err.flush();
        List<PersonalDataScan.Line> lines = new ArrayList<>(LINES);
        assertThat(lines).as("lines captured").hasSizeGreaterThan(20)
                .anySatisfy(line -> assertThat(line.text()).contains(reportId))
                .anySatisfy(line -> assertThat(line.text()).startsWith("[AdminApi] GET /v1/admin/reports/search"));
        return lines;
    }

    private static void assertNoPersonalData(List<PersonalDataScan.Line> lines) {
        assertThat(PersonalDataScan.of(NAME, EMAIL, PHONE, ACCOUNT, WORDS).findings(lines))
                .as("log lines that carry the reporter's personal data (of " + lines.size() + " lines)").isEmpty();
    }

    /** A tee of the stream that also keeps each complete line, cut per writing thread so that lines never mix. */
    private static PrintStream capturing(PrintStream original, String stream) {
        ThreadLocal<OutputLines> splitters = ThreadLocal.withInitial(() -> {
            String source = stream + " " + Thread.currentThread().getName();
            return new OutputLines(line -> LINES.add(new PersonalDataScan.Line(source, line)));
        });
        return OutputLines.tee(original, (bytes, offset, length) -> splitters.get().write(bytes, offset, length));
    }
}

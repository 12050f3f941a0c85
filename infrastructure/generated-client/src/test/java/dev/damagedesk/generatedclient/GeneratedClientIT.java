package dev.damagedesk.generatedclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.damagedesk.adapters.repository.DynamoDbReportStore;
import dev.damagedesk.application.port.StoredReport;
import dev.damagedesk.domain.report.ReportId;
import dev.damagedesk.generatedclient.api.ReportsApi;
import dev.damagedesk.generatedclient.model.Category;
import dev.damagedesk.generatedclient.model.Error;
import dev.damagedesk.generatedclient.model.ErrorCode;
import dev.damagedesk.generatedclient.model.ErrorResponse;
import dev.damagedesk.generatedclient.model.Locale;
import dev.damagedesk.generatedclient.model.ReportStatus;
import dev.damagedesk.generatedclient.model.ReportStatusCode;
import dev.damagedesk.generatedclient.model.ReportSubmission;
import dev.damagedesk.generatedclient.model.Reporter;
import dev.damagedesk.generatedclient.model.Service;
import dev.damagedesk.generatedclient.model.SubmissionAccepted;
import dev.damagedesk.localaws.RepositoryRoot;
import dev.damagedesk.localruntime.LocalRuntime;
import dev.damagedesk.localruntime.RunningRuntime;
import dev.damagedesk.localruntime.RuntimeOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reporter's journey through the client openapi-generator makes of {@code docs/openapi.yaml} (library
 * {@code native}), as a mobile team would use it, against the whole local runtime with its functions in-process:
 * submit, read the status with the token, a refused report's field errors, and a description of 4,000 emoji that
 * the client's JSON library writes as escaped surrogate pairs. A change of the spec that generated clients cannot use
 * (a type too small for the server's numbers, a timestamp they cannot parse, a required field the server leaves out)
 * fails here.
 */
class GeneratedClientIT {

    private static RunningRuntime runtime;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start(RuntimeOptions.defaults()
                .withRepositoryRoot(RepositoryRoot.find())
                .withPort(0)
                .withFailedMessageVisibilitySeconds(1)
                .withFunctionHosting(RuntimeOptions.FunctionHosting.IN_PROCESS));
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    private static ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(runtime.apiBaseUri().toString().replaceAll("/$", ""));
        client.setReadTimeout(Duration.ofSeconds(30));
        return client;
    }

    private static ReportSubmission musicReport(String description) {
        return new ReportSubmission()
                .reporter(new Reporter().name("김민지").email("minji-" + UUID.randomUUID() + "@example.com").phone("010-1234-5678"))
                .locale(Locale.KO)
                .service(Service.MUSIC)
                .category(Category.PAID_SUBSCRIPTION)
                .occurredFrom(OffsetDateTime.parse("2022-10-15T15:30:00+09:00"))
                .occurredTo(OffsetDateTime.parse("2022-10-16T15:00:00+09:00"))
                .amountClaimedKrw(10_900L)
                .description(description)
                .privacyConsent(true);
    }

    @Test
    void aReportIsSubmittedItsStatusReadWithTheTokenAndAnIdempotentRetryGetsTheSameAnswer() throws Exception {
        ReportsApi reports = new ReportsApi(client());
        ReportSubmission report = musicReport("음악 이용권이 주말 내내 재생되지 않았습니다.");
        String key = "generated-" + UUID.randomUUID();

        SubmissionAccepted accepted = reports.submitReport(report, key, "ko");
        SubmissionAccepted again = reports.submitReport(report, key, "ko");

        assertThat(accepted.getStatus()).isEqualTo(SubmissionAccepted.StatusEnum.RECEIVED);
        assertThat(accepted.getStatusUrl()).isEqualTo("/v1/reports/" + accepted.getReportId());
        assertThat(accepted.getExpectedProcessingSeconds()).isGreaterThanOrEqualTo(60);
        assertThat(accepted.getReceivedAt()).as("a timestamp the generated type parses").isNotNull();
        assertThat(again.getReportId()).isEqualTo(accepted.getReportId());
        assertThat(again.getTrackingToken()).isEqualTo(accepted.getTrackingToken());

        ReportStatus status = awaitDecided(reports, accepted);
        assertThat(status.getReportId()).isEqualTo(accepted.getReportId());
        assertThat(status.getService()).isEqualTo(Service.MUSIC);
        assertThat(status.getCategory()).isEqualTo(Category.PAID_SUBSCRIPTION);
        assertThat(status.getDecision()).isNotNull();
        assertThat(status.getDecision().getExplanation()).isNotBlank();
        assertThat(status.getExpectedDecisionBy()).isNotNull();

        assertThatThrownBy(() -> reports.getReport(accepted.getReportId(), "not-the-token", null))
                .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.getCode()).isEqualTo(404));
    }

    @Test
    void anInvalidReportIsRefusedWith400AndFieldErrorsTheClientCanRead() {
        ApiClient client = client();
        ReportsApi reports = new ReportsApi(client);
        ReportSubmission invalid = musicReport("재생 안 됨").privacyConsent(false);
        invalid.getReporter().email("not-an-address");

        assertThatThrownBy(() -> reports.submitReport(invalid, null, "en"))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.getCode()).isEqualTo(400);
                    assertThat(fieldErrors(client, refused)).containsExactlyInAnyOrder(
                            "reporter.email invalid_format", "privacyConsent must_be_true");
                    assertThat(errorsOf(client, refused).getErrors()).allSatisfy(error ->
                            assertThat(error.getMessage()).as("in the report's language").containsPattern("[가-힣]"));
                });
    }

    @Test
    void aPerCategoryRuleTheGeneratorDropsIsStillTheServersA400() {
        ApiClient client = client();
        ReportsApi reports = new ReportsApi(client);
        // the spec's if/then: business-loss needs reporterType and an amount; the generated model cannot say so
        ReportSubmission businessLoss = musicReport("매출이 줄었습니다.").category(Category.BUSINESS_LOSS).amountClaimedKrw(null);

        assertThatThrownBy(() -> reports.submitReport(businessLoss, null, null))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.getCode()).isEqualTo(400);
                    assertThat(fieldErrors(client, refused)).contains("reporterType required", "amountClaimedKrw required");
                });
    }

    @Test
    void aDescriptionOf4000EmojiWrittenAsEscapedSurrogatePairsIsAcceptedAndStoredAsSent() throws Exception {
        ApiClient client = client();
        // as some JSON libraries write it: every non-ASCII character as \\uXXXX, an emoji as two (12 bytes)
        client.getObjectMapper().enable(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());
        ReportsApi reports = new ReportsApi(client);
        StringBuilder description = new StringBuilder();
        String[] emoji = {"😡", "📵", "🚕", "💸", "🎵", "👍🏽"};
        while (description.codePointCount(0, description.length()) < 4_000) {
            String next = emoji[description.length() % emoji.length];
            if (description.codePointCount(0, description.length()) + next.codePointCount(0, next.length()) > 4_000) {
                next = "😡";
            }
            description.append(next);
        }
        ReportSubmission report = musicReport(description.toString());
        byte[] body = client.getObjectMapper().writeValueAsBytes(report);
        assertThat(new String(body, StandardCharsets.US_ASCII)).contains("\\uD83D\\uDE21");
        assertThat(body.length).as("the escaped body: over 32 KiB, under the documented 64 KiB").isBetween(40_000, 65_536);

        SubmissionAccepted accepted = reports.submitReport(report, "emoji-" + UUID.randomUUID(), null);

        awaitDecided(reports, accepted);
        Optional<StoredReport> stored = DynamoDbReportStore.readOnly(runtime.cloud().aws().dynamoDb(),
                runtime.cloud().resources().tableName("ReportsTable")).find(ReportId.parse(accepted.getReportId()).orElseThrow());
        assertThat(stored).isPresent();
        assertThat(stored.get().report().submission().description()).isEqualTo(description.toString());
    }

    private static ReportStatus awaitDecided(ReportsApi reports, SubmissionAccepted accepted) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        ReportStatus status = reports.getReport(accepted.getReportId(), accepted.getTrackingToken(), null);
        while (status.getStatus() == ReportStatusCode.RECEIVED && Instant.now().isBefore(giveUp)) {
            Thread.sleep(200);
            status = reports.getReport(accepted.getReportId(), accepted.getTrackingToken(), null);
        }
        assertThat(status.getStatus()).as("scored within a minute").isNotEqualTo(ReportStatusCode.RECEIVED);
        return status;
    }

    private static ErrorResponse errorsOf(ApiClient client, ApiException refused) {
        try {
            return client.getObjectMapper().readValue(refused.getResponseBody(), ErrorResponse.class);
        } catch (Exception e) {
            throw new AssertionError("not an ErrorResponse: " + refused.getResponseBody(), e);
        }
    }

    private static List<String> fieldErrors(ApiClient client, ApiException refused) {
        return errorsOf(client, refused).getErrors().stream()
                .map((Error error) -> error.getField() + " " + codeOf(error.getCode())).toList();
    }

    private static String codeOf(ErrorCode code) {
        return code.getValue();
    }
}

package dev.damagedesk.localruntime.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.localaws.RepositoryRoot;
import dev.damagedesk.localaws.provision.ProvisionedResources;
import dev.damagedesk.localaws.template.SamTemplate;
import dev.damagedesk.localaws.template.TemplateException;
import dev.damagedesk.localaws.template.TemplateValues;
import dev.damagedesk.localaws.template.TemplateYaml;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The route throttles of template.yaml's HTTP APIs, on a clock the test moves. */
class RouteThrottlesTest {

    private static final String SUBMIT = "POST /v1/reports";
    private static final String STATUS = "GET /v1/reports/{reportId}";
    private static final ProvisionedResources NO_RESOURCES =
            new ProvisionedResources(Map.of(), Map.of(), Map.of(), Map.of(), List.of());
    private static final SamTemplate TEMPLATE = SamTemplate.load(RepositoryRoot.find().resolve("template.yaml"));

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private RouteThrottles publicApi(Map<String, String> overrides) {
        return RouteThrottles.of(TEMPLATE.httpApi("PublicApi"), new TemplateValues(TEMPLATE, overrides, NO_RESOURCES),
                nanos::get);
    }

    private void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
    }

    @Test
    void aBurstIsAdmittedThenRefusedUntilTheRateRefillsATokenWithTheSecondsToWait() {
        RouteThrottles throttles = publicApi(Map.of("PublicSubmitRateLimit", "2", "PublicSubmitBurstLimit", "3"));

        for (int i = 0; i < 3; i++) {
            assertThat(throttles.admit(SUBMIT)).as("request %d of the burst", i).isEmpty();
        }
        assertThat(throttles.admit(SUBMIT)).hasValue(1);
        advanceMillis(499);
        assertThat(throttles.admit(SUBMIT)).as("half a token short of one").isPresent();
        advanceMillis(2);
        assertThat(throttles.admit(SUBMIT)).as("a token refilled after 0.5 s at 2 per second").isEmpty();
        assertThat(throttles.admit(SUBMIT)).isPresent();
    }

    @Test
    void requestsBelowTheRateAreNeverRefused() {
        RouteThrottles throttles = publicApi(Map.of("PublicSubmitRateLimit", "5", "PublicSubmitBurstLimit", "1"));

        for (int i = 0; i < 200; i++) {
            assertThat(throttles.admit(SUBMIT)).as("request %d at 4 per second", i).isEmpty();
            advanceMillis(250);
        }
    }

    @Test
    void aSlowRateAsksForSeveralSecondsAndEachRouteHasItsOwnBucket() {
        RouteThrottles throttles = publicApi(Map.of("PublicSubmitRateLimit", "0.25", "PublicSubmitBurstLimit", "1",
                "PublicStatusRateLimit", "1", "PublicStatusBurstLimit", "1"));

        assertThat(throttles.admit(SUBMIT)).isEmpty();
        assertThat(throttles.admit(SUBMIT)).hasValue(4);
        assertThat(throttles.admit(STATUS)).as("the status route's bucket is still full").isEmpty();
        assertThat(throttles.admit(STATUS)).hasValue(1);
    }

    @Test
    void theDefaultsAreWhatTheCapacityPlanSizesAndAZeroBurstRefusesEverything() {
        RouteThrottles defaults = publicApi(Map.of());
        for (int i = 0; i < 5_000; i++) {
            assertThat(defaults.admit(SUBMIT)).isEmpty();
        }
        assertThat(defaults.admit(SUBMIT)).as("request 5,001 in the same instant: past the burst of 5,000").isPresent();

        RouteThrottles closed = publicApi(Map.of("PublicSubmitBurstLimit", "0"));
        advanceMillis(10_000);
        assertThat(closed.admit(SUBMIT)).isEqualTo(OptionalLong.of(1));
    }

    @Test
    void anUnroutedKeyFallsBackToTheApisDefaultRouteSettings() {
        RouteThrottles throttles = publicApi(Map.of("PublicStatusRateLimit", "1", "PublicStatusBurstLimit", "2"));

        assertThat(throttles.admit("GET /v1/other")).isEmpty();
        assertThat(throttles.admit("GET /v1/other")).isEmpty();
        assertThat(throttles.admit("GET /v1/other")).isPresent();
    }

    @Test
    void aLimitThatIsNoNumberStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> publicApi(Map.of("PublicSubmitRateLimit", "fast")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("PublicApi.RouteSettings.POST /v1/reports.ThrottlingRateLimit")
                .hasMessageContaining("fast");
    }

    @Test
    void routeSettingsTheGatewayCannotHonourOrThatNameNoRouteStopTheStart() {
        String api = """
                Resources:
                  Api:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      RouteSettings:
                        'GET /a': %s
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handleRequest
                      Events:
                        A: {Type: HttpApi, Properties: {ApiId: !Ref Api, Method: GET, Path: /a}}
                Parameters: {}
                Globals: {Function: {}}
                """;
        assertThat(SamTemplate.of(TemplateYaml.parse(api.formatted("{ThrottlingRateLimit: 1, DetailedMetricsEnabled: true}"),
                "t")).httpApi("Api").routeThrottles()).containsOnlyKeys("GET /a");
        assertThatThrownBy(() -> SamTemplate.of(TemplateYaml.parse(api.formatted("{ThrottlingRateLimit: 1, Quota: 5}"), "t")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("Api.RouteSettings.GET /a: [Quota]");
        assertThatThrownBy(() -> SamTemplate.of(TemplateYaml.parse(
                api.replace("'GET /a'", "'GET /b'").formatted("{ThrottlingRateLimit: 1}"), "t")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("names route 'GET /b'");
    }
}

package dev.damagedesk.localruntime.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.damagedesk.localaws.template.TemplateException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** EventBridge schedule expressions: the next firing time, and what is refused. */
class ScheduleExpressionTest {

    @Test
    void ratesFireEveryPeriod() {
        Instant start = Instant.parse("2026-12-03T10:00:00Z");
        assertThat(ScheduleExpression.parse("rate(1 minute)").nextAfter(start)).contains(start.plus(Duration.ofMinutes(1)));
        assertThat(ScheduleExpression.parse("rate(15 minutes)").nextAfter(start)).contains(start.plus(Duration.ofMinutes(15)));
        assertThat(ScheduleExpression.parse("rate(2 hours)").nextAfter(start)).contains(start.plus(Duration.ofHours(2)));
        assertThat(ScheduleExpression.parse("rate(1 day)").nextAfter(start)).contains(start.plus(Duration.ofDays(1)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cron(0 9 * * ? *)        | 2026-12-03T08:59:30Z | 2026-12-03T09:00:00Z",
            "cron(0 9 * * ? *)        | 2026-12-03T09:00:00Z | 2026-12-04T09:00:00Z",
            "cron(*/15 * * * ? *)     | 2026-12-03T10:07:00Z | 2026-12-03T10:15:00Z",
            "cron(0/5 8-17 ? * MON-FRI *) | 2026-12-04T17:58:00Z | 2026-12-07T08:00:00Z",
            "cron(30 1 1 JAN,JUL ? *) | 2026-12-03T00:00:00Z | 2027-01-01T01:30:00Z",
            "cron(0 0 ? * 1 *)        | 2026-12-03T00:00:00Z | 2026-12-06T00:00:00Z",
            "cron(0 12 29 2 ? *)      | 2026-03-01T00:00:00Z | 2028-02-29T12:00:00Z",
            "cron(0 0 1 1 ? 2030)     | 2026-12-03T00:00:00Z | 2030-01-01T00:00:00Z"})
    void cronsFireAtTheirNextMatchingMinuteInUtc(String expression, String after, String next) {
        assertThat(ScheduleExpression.parse(expression).nextAfter(Instant.parse(after))).contains(Instant.parse(next));
    }

    @Test
    void aCronWhoseYearsArePastNeverFiresAgain() {
        assertThat(ScheduleExpression.parse("cron(0 0 1 1 ? 2020)").nextAfter(Instant.parse("2026-12-03T00:00:00Z")))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rate(1 minutes)", "rate(5 minute)", "rate(0 minutes)", "rate(5 seconds)", "every 5 minutes",
            "cron(0 9 * * *)", "cron(0 9 * * MON *)", "cron(0 9 ? * ? *)", "cron(0 9 L * ? *)", "cron(0 9 15W * ? *)",
            "cron(0 9 ? * 6#3 *)", "cron(0 9 ? * 6L *)", "cron(61 9 * * ? *)", "cron(0 24 * * ? *)", "cron(0 9 * 13 ? *)",
            "cron(0 9 * FOO ? *)"})
    void expressionsItCannotHonourAreRefused(String expression) {
        assertThatThrownBy(() -> ScheduleExpression.parse(expression)).isInstanceOf(TemplateException.class)
                .hasMessageContaining(expression);
    }
}

package dev.damagedesk.replay;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Replay2022Test {

    @Test
    void defaultsToThe2022Channel() {
        assertThat(Replay2022.Options.parse()).isEqualTo(new Replay2022.Options(105_116, 2022, 19));
    }

    @Test
    void readsItsOptions() {
        assertThat(Replay2022.Options.parse("--reports", "20,000", "--seed", "-3", "--days", "5"))
                .isEqualTo(new Replay2022.Options(20_000, -3, 5));
    }

    @Test
    void refusesWhatItCannotRun() {
        assertThatThrownBy(() -> Replay2022.Options.parse("--reports")).hasMessageContaining("--reports needs a value");
        assertThatThrownBy(() -> Replay2022.Options.parse("--reports", "many")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> Replay2022.Options.parse("--days", "0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Replay2022.Options.parse("--speed", "3")).hasMessageContaining("unknown option --speed");
    }

    @Test
    void printsTheTableOfASmallRun() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Replay2022.run(new Replay2022.Options(1_000, 1, 19), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .startsWith("DamageDesk 2022 replay: incident 2022-10-15, 1,000 reports over 19 days, seed 1")
                .contains("Decisions by rule (policy 2022-10-15/v1)")
                .contains("Triage")
                .contains("Duplicates:")
                .contains("Risk flags:")
                .contains("Scoring: 1,000 reports in");
    }
}

package dev.damagedesk.adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapStartPrimingTest {

    private final List<String> ran = new ArrayList<>();

    @Test
    void theWarmUpRunsBeforeTheCheckpointAndTheRenewalAfterTheRestore() {
        SnapStartPriming priming = new SnapStartPriming("intake", () -> ran.add("warm-up"), () -> ran.add("renew"));

        priming.beforeCheckpoint(null);
        assertThat(ran).containsExactly("warm-up");
        priming.afterRestore(null);
        assertThat(ran).containsExactly("warm-up", "renew");
    }

    @Test
    void aFailedWarmUpIsLoggedAndDoesNotStopTheSnapshot() {
        SnapStartPriming priming = new SnapStartPriming("processor", () -> {
            throw new IllegalStateException("table ReportsTable unavailable");
        }, () -> { });

        String logged = stdoutOf(() -> assertThatCode(() -> priming.beforeCheckpoint(null)).doesNotThrowAnyException());

        assertThat(logged).contains("SnapStart priming of processor failed")
                .contains("IllegalStateException: table ReportsTable unavailable");
    }

    @Test
    void registeringOutsideACheckpointingJvmRunsNothing() {
        SnapStartPriming.register("notifier", () -> ran.add("warm-up"), () -> ran.add("renew"));

        assertThat(ran).isEmpty();
    }

    private static String stdoutOf(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}

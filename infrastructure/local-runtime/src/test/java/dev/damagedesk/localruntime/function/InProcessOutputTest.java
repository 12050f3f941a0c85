package dev.damagedesk.localruntime.function;

import static org.assertj.core.api.Assertions.assertThat;

import dev.damagedesk.localruntime.fixtures.PrintingHandler;
import dev.damagedesk.localruntime.fixtures.Specs;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Today's in-process functions: their standard output lines reach the listeners, named by function. */
class InProcessOutputTest {

    @Test
    void theLinesAFunctionsContainerWritesReachTheListenerByItsLogicalIdAndOthersDoNot() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        try (InProcessOutput output = InProcessOutput.install((function, line) -> received.add(function + " | " + line));
             LocalFunction function = new LocalFunction(Specs.function("PrinterFunction", PrintingHandler.class, 5), 1)) {
            System.out.println("the runtime's own line");
            function.invoke("{}");
        }
        System.out.println("after close");

        assertThat(received).containsExactly("PrinterFunction | first part, then the rest",
                "PrinterFunction | " + PrintingHandler.LINE);
    }

    @Test
    void containerThreadsAreNamedAfterTheFunction() {
        assertThat(InProcessOutput.functionOf("lambda-ProcessorFunction-12")).contains("ProcessorFunction");
        assertThat(InProcessOutput.functionOf("main")).isEmpty();
        assertThat(InProcessOutput.functionOf("lambda-")).isEmpty();
    }
}

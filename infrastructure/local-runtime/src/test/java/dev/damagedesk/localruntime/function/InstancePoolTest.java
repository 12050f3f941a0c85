package dev.damagedesk.localruntime.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The environments of a function: answers go back at once, an environment is reused once it is ready again. */
class InstancePoolTest {

    /** An environment that is ready for its next event only when the test says so. */
    private static final class SlowToReturn implements InstancePool.Instance {
        final int number;
        final CountDownLatch ready = new CountDownLatch(1);
        volatile boolean destroyed;

        SlowToReturn(int number) {
            this.number = number;
        }

        @Override
        public boolean reusable() {
            try {
                return ready.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public void destroy() {
            destroyed = true;
        }
    }

    private final List<SlowToReturn> started = new CopyOnWriteArrayList<>();
    private final InstancePool<SlowToReturn> pool = new InstancePool<>("Fn", 2, Duration.ofSeconds(5), number -> {
        SlowToReturn instance = new SlowToReturn(number);
        started.add(instance);
        return instance;
    });

    @Test
    void theAnswerReturnsBeforeTheEnvironmentIsReadyAndTheNextInvocationWaitsForItInsteadOfStartingAnother()
            throws Exception {
        String first = pool.invoke(instance -> "first on " + instance.number);
        assertThat(first).isEqualTo("first on 1");
        // the first environment has not asked for its next event yet: the second invocation waits for it
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> {
            try {
                return pool.invoke(instance -> "second on " + instance.number);
            } catch (FunctionInvocationException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertThat(second).isNotDone();

        started.get(0).ready.countDown();

        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("second on 1");
        assertThat(pool.coldStarts()).isEqualTo(1);
        pool.close();
    }

    @Test
    void anEnvironmentThatReturnsAfterThePoolClosedIsDestroyedNotKept() throws Exception {
        Integer number = pool.invoke(instance -> instance.number);
        assertThat(number).isEqualTo(1);
        pool.close();

        started.get(0).ready.countDown();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!started.get(0).destroyed && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(started.get(0).destroyed).isTrue();
    }
}

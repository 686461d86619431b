package dev.mlops4j.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/** Runs tasks on several threads released at the same instant, to make races likely, and collects outcomes. */
final class Concurrently {
    /** Generous bound that only a deadlocked or hung store reaches; it is not a performance assertion. */
    private static final long HANG_SECONDS = 120;

    private Concurrently() {
    }

    /**
     * What one task did: returned a value or threw.
     *
     * @param value the result, or {@code null}
     * @param failure what it threw, or {@code null}
     * @param <T> the result type
     */
    record Outcome<T>(T value, Throwable failure) {
        boolean succeeded() {
            return failure == null;
        }
    }

    /**
     * @param threads how many threads
     * @param task the task of thread {@code i}
     * @param <T> result type
     * @return the outcome of each thread, by index
     */
    static <T> List<Outcome<T>> run(int threads, IntFunction<Callable<T>> task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<T> body = task.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return body.call();
                }));
            }
            ready.await();
            go.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    outcomes.add(new Outcome<>(f.get(HANG_SECONDS, TimeUnit.SECONDS), null));
                } catch (ExecutionException e) {
                    outcomes.add(new Outcome<>(null, e.getCause()));
                } catch (TimeoutException e) {
                    throw new AssertionError("a thread did not finish within " + HANG_SECONDS + " s; the store may be"
                            + " deadlocked", e);
                }
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for threads", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Throws the first failure, so that unexpected exceptions show with their stack trace. */
    static <T> List<T> values(List<Outcome<T>> outcomes) {
        List<T> values = new ArrayList<>();
        for (Outcome<T> o : outcomes) {
            if (!o.succeeded()) {
                throw new AssertionError("a thread failed: " + o.failure(), o.failure());
            }
            values.add(o.value());
        }
        return values;
    }
}

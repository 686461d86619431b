package dev.mlops4j.store.jdbc;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Keeps a writer busy with a request of its own, so that the requests submitted meanwhile queue up and then run as
 * one group, in the order they were submitted.
 */
final class HeldWriter {
    private final GroupCommitWriter writer;
    private final ExecutorService callers;
    private final CountDownLatch release = new CountDownLatch(1);
    private final Future<Object> blocker;
    private int queued;

    private HeldWriter(GroupCommitWriter writer, ExecutorService callers, GroupCommitWriter.Work<Object> work)
            throws InterruptedException {
        this.writer = writer;
        this.callers = callers;
        CountDownLatch running = new CountDownLatch(1);
        this.blocker = callers.submit(() -> writer.submit("block", tx -> {
            running.countDown();
            awaitUninterruptibly(release);
            return work.execute(tx);
        }));
        running.await();
    }

    /**
     * @param writer the writer to hold
     * @param callers threads for the blocking request and the queued ones
     * @param work what the blocking request writes once released
     * @return the writer, held until {@link #release()}
     * @throws InterruptedException if interrupted while the writer takes the blocking request
     */
    static HeldWriter hold(GroupCommitWriter writer, ExecutorService callers, GroupCommitWriter.Work<Object> work)
            throws InterruptedException {
        return new HeldWriter(writer, callers, work);
    }

    /**
     * Submits a call from another thread and returns once the writer has its request queued.
     *
     * @param call a call that submits one request to the writer
     * @param <T> its result
     * @return the call's future
     * @throws InterruptedException if interrupted while waiting
     */
    <T> Future<T> queue(Callable<T> call) throws InterruptedException {
        Future<T> future = callers.submit(call);
        queued++;
        while (writer.pendingCount() < queued) {
            Thread.sleep(1);
        }
        return future;
    }

    /**
     * Lets the blocking request finish, after which the queued ones run as one group.
     *
     * @return the blocking request's result
     * @throws InterruptedException if interrupted while waiting for it
     * @throws ExecutionException if it failed
     */
    Object release() throws InterruptedException, ExecutionException {
        release.countDown();
        return blocker.get();
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                // keep waiting: the test releases the latch
            }
        }
    }
}

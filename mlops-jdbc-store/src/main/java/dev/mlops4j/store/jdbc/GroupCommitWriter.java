package dev.mlops4j.store.jdbc;

import dev.mlops4j.MlopsException;
import dev.mlops4j.StoreException;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: one thread applies every write, many callers' writes per transaction.
 *
 * <p>A caller hands its write to {@link #submit} and blocks. The writer thread takes every pending
 * request, runs each under its own savepoint (a failing request is rolled back to its savepoint and
 * gets its own exception; the others are unaffected), commits once, and then releases the callers.
 * A call therefore returns only after its data is committed, and one commit, the expensive part of a
 * durable write, is shared by all requests that arrived while the previous one was being written.
 *
 * <p>A request may name a {@link TxLock} it needs, which the writer takes before running it, once per transaction.
 * Where rollbacks can lose other transactions' writes ({@link SqlDialect#rollbackMayOverwriteOtherWrites()}, H2), a
 * lock is never undone: a request that fails after taking it is rolled back to a savepoint set after the lock, and a
 * transaction that holds a lock always ends with a commit, even when every request in it failed (all that commit
 * then writes is the lock). Only a lost connection or a failed commit ends such a transaction with a rollback. The
 * reason is a flaw in H2's MVStore (2.3.232): a rollback (to a savepoint or complete) restores each undone row in a
 * step that H2 repeats when another session commits at the same moment, and the repeat writes the old value again,
 * over whatever a second transaction wrote to the row after the first step had released it. Undoing a lock row thus
 * lost a second writer's update of it: two writers took the same registry audit sequence number, and a run ended by
 * one store went back to RUNNING when a write of another store to it failed. Rows written under a held lock are
 * safe from this: no other transaction can write them between the two steps. Elsewhere (PostgreSQL) the lock is
 * taken inside the request's savepoint and released with it, which costs no extra savepoint.
 *
 * <p>{@link #close()} stops accepting requests, finishes every request already submitted, and closes
 * the connection.
 */
final class GroupCommitWriter implements AutoCloseable {
    /** A unit of work run on the writer's connection inside the group's transaction. */
    @FunctionalInterface
    interface Work<T> {
        T execute(WriteTx tx) throws SQLException;
    }

    /**
     * A lock that serialises a kind of write with other transactions (of this or other processes), taken by the
     * writer before it runs the write, at most once per transaction, and held until the transaction ends (see the
     * class comment for when it is released earlier). It must write nothing but the lock; locks are told apart by
     * {@code equals}.
     */
    @FunctionalInterface
    interface TxLock {
        void acquire(WriteTx tx) throws SQLException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
    /** Bounds one transaction so that a flood of requests still commits regularly. */
    private static final int MAX_GROUP = 256;
    /** Runs of a request that keeps losing deadlocks or serialization conflicts before its failure is reported. */
    private static final int MAX_ATTEMPTS = 5;

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final String store;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<Request<?>> pending = new ArrayDeque<>();
    private final Thread thread;
    private boolean closed;
    /** Groups and requests the writer has taken; written by the writer thread only, logged at close. */
    private long groups;
    private long requests;
    private WriteTx tx;

    /**
     * Opens the writer's connection and starts its thread.
     *
     * @param dataSource where the connection comes from
     * @param dialect the database's dialect
     * @param store the store's description, for messages and the thread name
     * @throws SQLException if the connection cannot be opened
     */
    GroupCommitWriter(DataSource dataSource, SqlDialect dialect, String store) throws SQLException {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.store = store;
        this.tx = new WriteTx(dataSource.getConnection(), dialect);
        this.thread = new Thread(this::loop, "mlops4j-writer " + store);
        // A forgotten close() must not keep the JVM alive; H2 closes the database at exit anyway.
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Runs a write and returns once it is committed.
     *
     * @param operation what the write is, for messages (e.g. {@code "logBatch"})
     * @param work the write
     * @param <T> its result
     * @return the work's result
     * @throws MlopsException what the work threw, or a {@link StoreException} if the database failed
     */
    <T> T submit(String operation, Work<T> work) {
        return submit(operation, null, work);
    }

    /**
     * Runs a write that needs a lock (see the class comment) and returns once it is committed.
     *
     * @param operation what the write is, for messages
     * @param txLock the lock the write needs, or null for none
     * @param work the write, run while the transaction holds {@code txLock}
     * @param <T> its result
     * @return the work's result
     * @throws MlopsException what the work threw, or a {@link StoreException} if the database failed
     */
    <T> T submit(String operation, TxLock txLock, Work<T> work) {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("a write must not submit another write");
        }
        Request<T> request = new Request<>(operation, txLock, work, Thread.currentThread());
        lock.lock();
        try {
            if (closed) {
                throw new StoreException(store + " is closed; " + operation + " was not written. Open the store again.");
            }
            pending.add(request);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
        return request.await();
    }

    /** @return how many requests wait for the writer (for tests that need a known group) */
    int pendingCount() {
        lock.lock();
        try {
            return pending.size();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        List<Request<?>> group = new ArrayList<>();
        while (true) {
            lock.lock();
            try {
                while (pending.isEmpty() && !closed) {
                    notEmpty.awaitUninterruptibly();
                }
                if (pending.isEmpty()) {
                    return;
                }
                while (!pending.isEmpty() && group.size() < MAX_GROUP) {
                    group.add(pending.poll());
                }
            } finally {
                lock.unlock();
            }
            groups++;
            requests += group.size();
            try {
                execute(group);
            } catch (RuntimeException | Error e) {
                // Never leave callers blocked, and never let a later commit carry writes reported as failed.
                LOG.error("{}: writer failed unexpectedly", store, e);
                rollbackQuietly();
                for (Request<?> r : group) {
                    r.failIfOpen(e);
                }
            } finally {
                for (Request<?> r : group) {
                    r.complete();
                }
                group.clear();
            }
        }
    }

    private void execute(List<Request<?>> group) {
        List<Request<?>> again = executeOnce(group, true);
        // A request the database chose as the victim of a deadlock (or of a serialization conflict) was rolled back
        // to its savepoint and written nothing; it runs again in a transaction of its own, after the rest of its
        // group committed and released the locks the other transaction was waiting for.
        for (int attempt = 1; !again.isEmpty(); attempt++) {
            List<Request<?>> retry = again;
            again = new ArrayList<>();
            for (Request<?> r : retry) {
                again.addAll(executeOnce(List.of(r), attempt < MAX_ATTEMPTS));
            }
        }
    }

    /**
     * Runs a group in one transaction and commits it.
     *
     * @return the requests that failed transiently and were rolled back, to run again (only if {@code mayRetry})
     */
    private List<Request<?>> executeOnce(List<Request<?>> group, boolean mayRetry) {
        try {
            ensureConnection();
        } catch (SQLException e) {
            StoreException failure = new StoreException(store + ": cannot reconnect to the database: " + e.getMessage(), e);
            group.forEach(r -> r.fail(failure));
            return List.of();
        }
        boolean single = group.size() == 1;
        int succeeded = 0;
        List<Request<?>> retry = new ArrayList<>();
        boolean protectLocks = dialect.rollbackMayOverwriteOtherWrites();
        for (Request<?> r : group) {
            Savepoint savepoint = null;
            boolean lockedHere = false;
            try {
                if (!single) {
                    savepoint = tx.connection().setSavepoint();
                }
                if (r.txLock != null) {
                    lockedHere = tx.acquire(r.txLock);
                    if (protectLocks) {
                        // From here on a failure is undone back to this point, never beyond: the lock stays.
                        savepoint = tx.connection().setSavepoint();
                    }
                }
                r.run(tx);
                succeeded++;
            } catch (SQLException | RuntimeException | Error e) {
                if (mayRetry && e instanceof SQLException sql && dialect.isTransientConflict(sql)) {
                    retry.add(r);
                } else {
                    r.fail(translate(r.operation, e));
                }
                try {
                    if (savepoint != null) {
                        tx.connection().rollback(savepoint);
                        if (lockedHere && !protectLocks) {
                            tx.released(r.txLock); // taken after the savepoint, so released with it
                        }
                    } else {
                        tx.rollback();
                    }
                } catch (SQLException rollbackFailure) {
                    // The transaction is in an unknown state: nothing of this group may be acknowledged.
                    abort(group, rollbackFailure);
                    return List.of();
                }
            }
        }
        if (succeeded == 0 && !tx.holdsLocks()) {
            // Everything was rolled back to its savepoint; end the transaction, which holds nothing.
            try {
                tx.rollback();
            } catch (SQLException e) {
                abort(group, e);
                return List.of();
            }
            return retry;
        }
        try {
            tx.commit();
        } catch (SQLException e) {
            if (dialect.isConnectionLoss(e)) {
                // The commit may have reached the server before the connection broke: its outcome is unknown.
                inDoubt(group, e);
            } else {
                abort(group, e);
            }
            return List.of();
        }
        return retry;
    }

    private void abort(List<Request<?>> group, SQLException cause) {
        try {
            tx.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
        for (Request<?> r : group) {
            r.failIfOpen(new StoreException(store + ": " + r.operation + " failed: the transaction could not be"
                    + " committed (" + cause.getMessage() + "); nothing of it was written", cause));
        }
    }

    private void inDoubt(List<Request<?>> group, SQLException cause) {
        for (Request<?> r : group) {
            r.failIfOpen(new StoreException(store + ": " + r.operation + " failed: the connection to the database was"
                    + " lost while committing (" + cause.getMessage() + "), so the database may or may not have written"
                    + " it, completely or not at all; check before repeating it", cause));
        }
    }

    private void rollbackQuietly() {
        try {
            if (tx != null) {
                tx.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            // The connection is unusable; ensureConnection replaces it before the next group.
            LOG.debug("{}: rollback after a writer failure failed too", store, e);
        }
    }

    private void ensureConnection() throws SQLException {
        if (tx != null && !tx.connection().isClosed()) {
            return;
        }
        if (tx != null) {
            tx.close();
            tx = null;
        }
        LOG.warn("{}: writer connection was lost; reconnecting", store);
        tx = new WriteTx(dataSource.getConnection(), dialect);
    }

    private RuntimeException translate(String operation, Throwable e) {
        if (e instanceof MlopsException m) {
            return m;
        }
        if (e instanceof SQLException s) {
            return JdbcErrors.writeFailure(store, operation, s);
        }
        if (e instanceof RuntimeException r) {
            return r;
        }
        return new ErrorCarrier((Error) e);
    }

    /** Stops accepting writes, finishes the submitted ones and closes the connection. Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
        if (Thread.currentThread() != thread) {
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true; // finish closing first: the pending writes must be answered
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (tx != null) {
            tx.close();
            tx = null;
        }
        if (groups > 0) {
            // After the join, so the writer's counts are visible; tells how well commits were shared.
            LOG.debug("{}: {} writes in {} groups (mean {} per commit)", store, requests, groups,
                    String.format(java.util.Locale.ROOT, "%.2f", (double) requests / groups));
        }
    }

    /** Carries an Error from the writer thread to the caller, where it is rethrown as itself. */
    private static final class ErrorCarrier extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ErrorCarrier(Error error) {
            super(error);
        }
    }

    /** One caller's write and its outcome. */
    private static final class Request<T> {
        private final String operation;
        private final TxLock txLock;
        private final Work<T> work;
        private final Thread caller;
        private T result;
        private RuntimeException failure;
        private volatile boolean done;

        Request(String operation, TxLock txLock, Work<T> work, Thread caller) {
            this.operation = operation;
            this.txLock = txLock;
            this.work = work;
            this.caller = caller;
        }

        void run(WriteTx tx) throws SQLException {
            result = work.execute(tx);
        }

        void fail(RuntimeException e) {
            failure = e;
        }

        void failIfOpen(Throwable e) {
            if (failure == null) {
                failure = e instanceof RuntimeException r ? r : new ErrorCarrier((Error) e);
            }
        }

        void complete() {
            done = true;
            LockSupport.unpark(caller);
        }

        T await() {
            boolean interrupted = false;
            // Uninterruptible on purpose: the write may already be committed, and the caller must learn
            // its outcome; the interrupt is restored afterwards.
            while (!done) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (failure instanceof ErrorCarrier carrier) {
                throw (Error) carrier.getCause();
            }
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}

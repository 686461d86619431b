package dev.mlops4j.store.jdbc;

import dev.mlops4j.NotFoundException;
import dev.mlops4j.StoreException;
import java.sql.SQLException;

/** Turns database failures into the mlops4j exception hierarchy, naming the store and the operation. */
final class JdbcErrors {
    private JdbcErrors() {
    }

    /**
     * @param store the store's description
     * @param operation the write that failed
     * @param e the failure
     * @return a StoreException that says where and what
     */
    static StoreException writeFailure(String store, String operation, SQLException e) {
        return new StoreException(store + ": " + operation + " failed: " + firstLine(e) + ". Nothing of this call"
                + " was written; check that the database is reachable and its disk is not full.", e);
    }

    /**
     * @param store the store's description
     * @param operation the read that failed
     * @param e the failure
     * @return a StoreException that says where and what
     */
    static StoreException readFailure(String store, String operation, SQLException e) {
        return new StoreException(store + ": " + operation + " failed: " + firstLine(e)
                + ". Check that the database is reachable.", e);
    }

    static NotFoundException runNotFound(String store, String runId) {
        return new NotFoundException("run '" + runId + "' does not exist in " + store
                + "; check the run id (use the id of a run started in this store)");
    }

    static NotFoundException experimentNotFound(String store, String experimentId) {
        return new NotFoundException("experiment with id '" + experimentId + "' does not exist in " + store
                + "; experiments are created by name with Mlops.experiment(name)");
    }

    private static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        // H2 appends the whole SQL statement to its messages; the first line is what matters to a user.
        int newline = message.indexOf('\n');
        if (newline > 0) {
            message = message.substring(0, newline);
        }
        return message + " (SQLState " + e.getSQLState() + ")";
    }
}

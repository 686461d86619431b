package dev.mlops4j.validation.data;

/**
 * Reads a {@link Table}'s rows one at a time into a reusable {@link Row}, so memory does not grow with the
 * number of rows. Not thread-safe: one cursor per reading thread. Close it to release files.
 */
public interface RowCursor extends AutoCloseable {

    /**
     * Reads the next row into {@code row}, overwriting every cell. A row that could not be read at all (a
     * malformed CSV line) is returned with {@link Row#isMalformed()} true rather than thrown, so one bad line
     * never stops validation.
     *
     * @param row the buffer to fill; its width is the table's column count
     * @return false when there are no more rows ({@code row} is then unspecified)
     * @throws dev.mlops4j.validation.DataSourceException if the source cannot be read at all (e.g. an I/O error)
     */
    boolean next(Row row);

    /** Releases the resources of this cursor. Idempotent. */
    @Override
    void close();
}

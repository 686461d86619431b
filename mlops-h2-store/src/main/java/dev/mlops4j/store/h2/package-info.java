/**
 * The default metadata store of mlops4j: an embedded H2 database file.
 *
 * <p>{@code Mlops.open()} and {@code Mlops.open(home)} find it through {@link dev.mlops4j.store.h2.H2StoreProvider}
 * (registered for {@link java.util.ServiceLoader}) and keep the database in {@code <home>/mlops.mv.db}.
 * A JDBC URL starting with {@code jdbc:h2:} selects it too, for example {@code jdbc:h2:tcp://host/~/mlops} for an
 * H2 server.
 *
 * <p>Store properties ({@code Mlops.builder().storeProperty(key, value)}):
 * <table>
 * <caption>H2 store properties</caption>
 * <tr><th>key</th><th>meaning</th><th>default</th></tr>
 * <tr><td>{@code h2.autoServer}</td><td>{@code true} lets several JVMs on one machine open the same file
 *     store at once (H2's AUTO_SERVER mode: the first opens it and serves the others over a local socket)</td>
 *     <td>{@code false}: a second process gets a clear error</td></tr>
 * <tr><td>{@code h2.readConnections}</td><td>size of the pool of connections used for reads</td><td>8</td></tr>
 * <tr><td>{@code user}, {@code password}</td><td>database credentials</td><td>none</td></tr>
 * </table>
 *
 * <p>Durability: every write call returns only after its transaction is committed to the database file
 * ({@code WRITE_DELAY=0}), so it survives the process being killed (it is handed to the operating system, not
 * forced to the disk, so it does not survive a power failure). Writes from many threads share commits (group
 * commit), which keeps durable writes fast.
 *
 * <p>Settings added to the JDBC URL: {@code WRITE_DELAY=0} (a URL that sets another value is refused, since it
 * could lose acknowledged writes), {@code RETENTION_TIME=1000} (reuse freed file space after a second: H2's 45 s
 * default lets a busy store's file grow by gigabytes, and reuse at once left H2 2.3.232 unable to reopen some cleanly
 * closed files), {@code LOCK_TIMEOUT=10000} and {@code QUERY_CACHE_SIZE=0}
 * (every read is planned against the current table sizes). A URL may set the last three itself. Because
 * write-through switches off H2's background compaction, the store compacts the file itself between
 * commits. Against an H2 server ({@code jdbc:h2:tcp:}) these settings need an admin user, and only the server
 * process can compact.
 */
package dev.mlops4j.store.h2;

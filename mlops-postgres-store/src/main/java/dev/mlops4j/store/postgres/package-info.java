/**
 * The metadata store on a PostgreSQL server, for a team or several services sharing experiments and the model
 * registry: many processes on many hosts write to one database at once.
 *
 * <p>Selected by a JDBC URL: {@code Mlops.builder().jdbc("jdbc:postgresql://db.example.com:5432/mlops")
 * .storeProperty("user", "mlops").storeProperty("password", secret)} finds {@link
 * dev.mlops4j.store.postgres.PostgresStoreProvider} through {@link java.util.ServiceLoader} when this module is on the
 * class path. The store creates and migrates its tables on open (the same versioned migrations as the H2 store) in the
 * connection's current schema, so one database can hold several stores: add {@code currentSchema=name} to the URL
 * (the schema must exist). Every parameter of the PostgreSQL JDBC driver may be given in the URL (for example
 * {@code sslmode=verify-full}, {@code socketTimeout=60}).
 *
 * <p>Store properties ({@code Mlops.builder().storeProperty(key, value)}):
 * <table>
 * <caption>PostgreSQL store properties</caption>
 * <tr><th>key</th><th>meaning</th><th>default</th></tr>
 * <tr><td>{@code user}, {@code password}</td><td>database credentials (or {@code user=} and {@code password=} in the
 *     URL)</td><td>the driver's defaults</td></tr>
 * <tr><td>{@code postgres.readConnections}</td><td>size of the pool of connections used for reads</td><td>8</td></tr>
 * <tr><td>{@code postgres.connectionTimeoutMillis}</td><td>how long a call waits for a connection (for example while
 *     the server restarts) before it fails</td><td>10000</td></tr>
 * </table>
 *
 * <p>Connections: a HikariCP pool for reads and a small one for the writer. Each store writes through one
 * connection with group commit (many callers' writes share one transaction and one commit; see
 * {@link dev.mlops4j.store.jdbc}), so a process holds at most {@code readConnections + 1} connections once open.
 *
 * <p>Durability: a write call returns after PostgreSQL has committed its transaction, which with the server's defaults
 * ({@code fsync=on}, {@code synchronous_commit=on}) means it is on disk.
 *
 * <p>Concurrency between processes: writes to a run lock the run's row ({@code SELECT ... FOR UPDATE}) before they
 * check it, so a run ended by one process cannot be logged to by another. Every registry write locks one registry
 * state row for the rest of its transaction: registry writes from all processes are serialised, version numbers are
 * dense and unique, alias moves are compare-and-set, and audit sequence numbers follow commit order. Run locks are
 * {@code FOR NO KEY UPDATE}, so they do not block the foreign-key check of a registry write, which would deadlock. A
 * write that PostgreSQL still picks as the victim of a deadlock (or of a serialization failure) was rolled back
 * whole, so the writer runs it again in a new transaction, up to five times; the caller sees only the success. Text columns
 * use the binary collation {@code "C"} whatever the database's default, so ordering is {@link String#compareTo}, as
 * on every mlops4j store.
 *
 * <p>Connection loss (the server restarted, a network failure, a session terminated by an administrator): writes
 * <b>fail</b>, they are <b>not retried</b>; reads, which change nothing, are repeated on a fresh connection (up to
 * four tries) before they fail. A failed write throws a {@link dev.mlops4j.StoreException} naming the
 * store and the operation. Every call is one transaction, so nothing is ever half written: if the connection broke
 * before the commit, the message says that nothing of the call was written; if it broke while committing, it says
 * that the outcome is unknown (the server may have committed the whole call). The pools drop broken connections and
 * the next call opens a new one, waiting up to {@code postgres.connectionTimeoutMillis} for a restarting server.
 * Writes are not retried because repeating one whose commit went through would, for example, log a metric batch
 * twice; the caller, who knows whether its write is safe to repeat, decides. Reads are always safe to repeat.
 */
package dev.mlops4j.store.postgres;

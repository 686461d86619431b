/**
 * The database-independent core of mlops4j's JDBC metadata stores: schema migrations, the group-commit
 * writer, the translation of run searches into parameterized SQL, and {@link dev.mlops4j.store.jdbc.JdbcMetadataStore},
 * which implements {@link dev.mlops4j.spi.MetadataStore} on top of them.
 *
 * <p><b>Unstable:</b> this package is the shared implementation layer of mlops4j's own stores (H2 and
 * PostgreSQL); a store for a new database supplies a {@link dev.mlops4j.store.jdbc.SqlDialect} and
 * connections. Applications do not use it directly and its types may change in any release.
 *
 * <p>Concepts:
 * <ul>
 *   <li><b>Durable writes through group commit.</b> Every write is handed to one writer thread that owns
 *       one connection. It takes all pending requests, applies them in one transaction with a savepoint
 *       per request (so a failing request is rolled back alone and gets its own exception), commits once,
 *       and only then lets each caller return. One commit thus acknowledges many callers.</li>
 *   <li><b>Reads</b> run on other connections from a pool and see only committed data.</li>
 *   <li><b>Migrations</b> are versioned SQL resources applied in order on open, one transaction each,
 *       recorded with a SHA-256 checksum in {@code mlops_schema_history}; an edited migration or a
 *       schema newer than the code is refused.</li>
 *   <li><b>Search</b> becomes one SQL statement whose keys and values are all bind parameters.</li>
 *   <li><b>The model registry</b> ({@link dev.mlops4j.spi.RegistryStore}, schema version 2) is written through the
 *       same writer. Each registry write locks one state row for the rest of its transaction, which serialises
 *       registry writes across processes: version numbers stay dense, alias moves are compare-and-set, and audit
 *       entries, written in the same transaction as their change, get sequence numbers in commit order. On H2 the
 *       writer takes that lock (and a run's lock, while other writers share the database) before the request's
 *       savepoint and never rolls it back (a transaction holding it always commits), because undoing a row in H2
 *       can lose another writer's later update of it.</li>
 * </ul>
 */
package dev.mlops4j.store.jdbc;

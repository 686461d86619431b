package dev.mlops4j.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.search.Field;
import dev.mlops4j.search.Filter;
import dev.mlops4j.search.Operator;
import dev.mlops4j.search.OrderBy;
import dev.mlops4j.search.SearchRequest;
import dev.mlops4j.store.postgres.PostgresDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The plans PostgreSQL gives a search ordered by the metric it filters on, over 100,000 runs of the real schema with a
 * param that has a distinct value per run (a seed), as real runs have: the planner's estimate for an unknown param
 * value is then a handful of runs. Checked on the server's own plans: {@code EXPLAIN} for the plan of a search
 * planned with its values, and {@code pg_prepared_statements} for what repeated searches on one connection get. The
 * results of these searches are checked by the store TCK (ordering, paging); this checks how the server reads them.
 */
class PostgresSearchPlanTest {
    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();

    private static final Field ACC = Field.metric("acc");
    private static final Filter ACC_ABOVE_CART = new Filter.And(List.of(
            new Filter.Comparison(ACC, Operator.GT, 0.9),
            new Filter.Comparison(Field.param("model"), Operator.EQ, "cart")));
    /** Enough executions for pgjdbc to name the statement (5) and for the server to weigh a generic plan (5 more). */
    private static final int EXECUTIONS = 12;
    /** As many as the benchmark searches: on a few thousand runs sorting every match is the cheaper plan. */
    private static final int RUNS = 100_000;

    private static PGSimpleDataSource dataSource;
    private static long experiment;

    /** A connection of each test's own: the prepared statements the server lists are the session's. */
    private Connection keeper;

    @BeforeAll
    static void fill() throws SQLException {
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(PostgresDatabase.urlOf(DATABASE.newClassSchema()));
        new Migrations(Migrations.bundled(), PostgresDatabase.dialect(), "plan test").migrate(dataSource);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("INSERT INTO mlops_experiments (name, description, created_at)"
                    + " VALUES ('e', '', 0) RETURNING experiment_id")) {
                rs.next();
                experiment = rs.getLong(1);
            }
            s.execute("INSERT INTO mlops_runs (run_id, experiment_id, run_name, status, start_time, user_name, source)"
                    + " SELECT 'r' || i, " + experiment + ", 'run', 'FINISHED', 1700000000000 + i, 'u', 's'"
                    + " FROM generate_series(1, " + RUNS + ") i");
            s.execute("INSERT INTO mlops_params SELECT run_pk, 'model',"
                    + " (ARRAY['cart', 'logistic', 'svm', 'knn'])[1 + run_pk % 4] FROM mlops_runs");
            s.execute("INSERT INTO mlops_params SELECT run_pk, 'seed', run_pk::text FROM mlops_runs");
            s.execute("INSERT INTO mlops_latest_metrics SELECT run_pk, 'acc', (run_pk * 7919 % 1000) / 1000.0, 0, 0, 0"
                    + " FROM mlops_runs");
            s.execute("ANALYZE");
        }
    }

    @BeforeEach
    void connect() throws SQLException {
        keeper = dataSource.getConnection();
    }

    @AfterEach
    void close() throws SQLException {
        keeper.close();
    }

    @Test
    void build_filterOnTheMetricOrderedBy_walksTheMetricIndexInOrder() throws SQLException {
        for (boolean ascending : new boolean[] {true, false}) {
            SearchSql.Query query = SearchSql.build(PostgresDatabase.dialect(), List.of(experiment), ACC_ABOVE_CART,
                    List.of(new OrderBy(ACC, ascending)), 0, 101);
            String plan = explain(query);

            assertThat(plan).as("ascending %s:%n%s", ascending, plan)
                    .containsPattern("Index (Only )?Scan " + (ascending ? "" : "Backward ")
                            + "using mlops_latest_metrics_key_value")
                    .doesNotContainPattern("->  Sort ");
        }
    }

    @Test
    void search_repeatedOnOneConnection_isPlannedWithItsValuesEveryTime() throws SQLException {
        assertThat(genericPlansAfterRepeatedSearches(PostgresDatabase.dialect())).isZero();
    }

    /** Shows that the test above can fail: pgjdbc's and the server's defaults do switch this search to a generic plan. */
    @Test
    void search_repeatedWithoutTheDialectsHook_getsAGenericPlan() throws SQLException {
        SqlDialect postgres = PostgresDatabase.dialect();
        SqlDialect withoutHook = new SqlDialect() {
            @Override
            public String name() {
                return postgres.name();
            }

            @Override
            public String upsert(String table, List<String> keyColumns, List<String> valueColumns) {
                return postgres.upsert(table, keyColumns, valueColumns);
            }

            @Override
            public String lockTimeoutStatement(long timeoutMillis) {
                return postgres.lockTimeoutStatement(timeoutMillis);
            }
        };

        assertThat(genericPlansAfterRepeatedSearches(withoutHook)).isPositive();
    }

    /** Runs the search as the store does, {@link #EXECUTIONS} times on one connection; counts the generic plans. */
    private long genericPlansAfterRepeatedSearches(SqlDialect dialect) throws SQLException {
        RunSearch search = new RunSearch(new JdbcReads("plan test"), dialect);
        SearchRequest request = new SearchRequest(List.of(Long.toString(experiment)), ACC_ABOVE_CART,
                List.of(new OrderBy(ACC, false)), 100, null);
        for (int i = 0; i < EXECUTIONS; i++) {
            assertThat(search.search(keeper, request).runs()).hasSize(100);
        }
        try (Statement s = keeper.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(SUM(generic_plans), 0) FROM pg_prepared_statements"
                     + " WHERE statement LIKE '%FROM mlops_latest_metrics d JOIN mlops_runs r%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String explain(SearchSql.Query query) throws SQLException {
        try (PreparedStatement ps = keeper.prepareStatement("EXPLAIN " + query.sql())) {
            RunSearch.bind(ps, query.params());
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}

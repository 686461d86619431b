package dev.mlops4j.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.search.Field;
import dev.mlops4j.search.Filter;
import dev.mlops4j.search.Operator;
import dev.mlops4j.search.OrderBy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shapes of search SQL that let H2 read a page from an index in order instead of sorting every match, checked on
 * H2's own plans ({@code EXPLAIN}) over a few thousand runs of the real schema. The results of these shapes are
 * checked by the store TCK (ordering, paging); this checks that the database really walks the index.
 */
class SearchPlanTest {
    private static final Field ACC = Field.metric("acc");
    private static final Filter ACC_ABOVE = new Filter.Comparison(ACC, Operator.GT, 0.5);
    private static final Filter CART = new Filter.Comparison(Field.param("model"), Operator.EQ, "cart");

    private Connection keeper;
    private long experiment;

    @BeforeEach
    void fill() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:plan" + UUID.randomUUID());
        keeper = dataSource.getConnection();
        new Migrations(Migrations.bundled(), TestDialect.INSTANCE, "plan test").migrate(dataSource);
        try (Statement s = keeper.createStatement()) {
            s.execute("INSERT INTO mlops_experiments (name, description, created_at) VALUES ('e', '', 0)");
            try (ResultSet rs = s.executeQuery("SELECT experiment_id FROM mlops_experiments")) {
                rs.next();
                experiment = rs.getLong(1);
            }
            s.execute("INSERT INTO mlops_experiments (name, description, created_at) VALUES ('other', '', 0)");
            s.execute("INSERT INTO mlops_runs (run_id, experiment_id, run_name, status, start_time, user_name, source)"
                    + " SELECT 'r' || X, " + experiment + ", 'run', 'FINISHED', 1700000000000 + X, 'u', 's'"
                    + " FROM SYSTEM_RANGE(1, 2000)");
            s.execute("INSERT INTO mlops_params SELECT run_pk, 'model', CASE WHEN MOD(run_pk, 4) = 0 THEN 'cart'"
                    + " ELSE 'svm' END FROM mlops_runs");
            s.execute("INSERT INTO mlops_latest_metrics SELECT run_pk, 'acc', MOD(run_pk * 7919, 1000) / 1000.0, 0, 0, 0"
                    + " FROM mlops_runs");
            s.execute("ANALYZE");
        }
    }

    @AfterEach
    void close() throws SQLException {
        keeper.close();
    }

    private String plan(List<Long> experiments, Filter filter, List<OrderBy> orderBy) throws SQLException {
        SearchSql.Query query = SearchSql.build(TestDialect.INSTANCE, experiments, filter, orderBy, 0, 101);
        try (PreparedStatement ps = keeper.prepareStatement("EXPLAIN " + query.sql())) {
            RunSearch.bind(ps, query.params());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1).replaceAll("\\s+", " ");
            }
        }
    }

    @Test
    void build_oneExperimentDefaultOrder_readsTheStartTimeIndexSorted() throws SQLException {
        String plan = plan(List.of(experiment), null, List.of());

        assertThat(plan).contains("MLOPS_RUNS_EXPERIMENT_START").contains("/* index sorted */");
    }

    @Test
    void build_attributeFilterOnlyDefaultOrder_stillReadsTheIndexSorted() throws SQLException {
        Filter finished = new Filter.Comparison(Field.attribute(dev.mlops4j.search.Attribute.STATUS), Operator.EQ,
                "FINISHED");

        assertThat(plan(List.of(experiment), finished, List.of())).contains("/* index sorted */");
    }

    @Test
    void build_filterOnTheMetricOrderedBy_walksTheMetricIndexInOrder() throws SQLException {
        for (boolean ascending : new boolean[] {true, false}) {
            String plan = plan(List.of(experiment), new Filter.And(List.of(ACC_ABOVE, CART)),
                    List.of(new OrderBy(ACC, ascending)));

            assertThat(plan).as("ascending %s", ascending).contains("MLOPS_LATEST_METRICS_KEY_VALUE")
                    .contains("index sorted: 2 of 4 columns");
        }
    }

    @Test
    void build_selectiveParamFirst_keepsTheParamAsDriverAndSorts() throws SQLException {
        String plan = plan(List.of(experiment), new Filter.And(List.of(CART, ACC_ABOVE)),
                List.of(new OrderBy(ACC, false)));

        assertThat(plan).contains("MLOPS_PARAMS_KEY_VALUE").doesNotContain("index sorted");
    }

    @Test
    void build_severalExperiments_cannotUseTheOneExperimentShape() throws SQLException {
        String plan = plan(List.of(experiment, experiment + 1), null, List.of());

        assertThat(plan).doesNotContain("USE INDEX").doesNotContain("index sorted");
    }
}

package dev.mlops4j.store.jdbc;

import dev.mlops4j.search.Attribute;
import dev.mlops4j.search.Field;
import dev.mlops4j.search.Filter;
import dev.mlops4j.search.Operator;
import dev.mlops4j.search.OrderBy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Translates a run search (filter tree, ordering, page) into one parameterized SQL query. Every key and
 * value from the request is a bind parameter; the SQL text contains only fixed table and column names.
 *
 * <p>Each filter term becomes a condition that is TRUE or FALSE, never NULL, so that {@code NOT} is plain
 * boolean negation as the search semantics require:
 * <ul>
 *   <li>a metric, param or tag term is {@code r.run_pk IN (SELECT run_pk FROM <table> WHERE key = ? AND
 *       <value condition>)}, false for a run without the key. The (key, value, run_pk) indexes answer the
 *       subquery from the index alone, and the database runs it once and probes its result per run;</li>
 *   <li>metrics compare as IEEE doubles: databases order NaN above every number, so {@code >} and
 *       {@code >=} get an upper bound of +Infinity, which excludes NaN;</li>
 *   <li>nullable attributes ({@code end_time}, {@code parent_run_id}) are guarded with IS NOT NULL;</li>
 *   <li>time attributes are BIGINT epoch milliseconds; a double bound is turned into the equivalent exact
 *       integer bound in Java rather than leaving the database to convert types.</li>
 * </ul>
 *
 * <p><b>Driving term.</b> In a filter that is a conjunction, the first term that requires a metric, param
 * or tag to be present (a comparison, {@code IN}, {@code IS NOT NULL}) drives the query: its index range
 * yields the candidate runs, the other such terms are checked per candidate by primary-key look-ups inside
 * the same subquery, and only the surviving candidates' run rows are read. The database's own planner picks
 * poorly among several {@code IN (subquery)} conditions (it cannot know which set is small), so the shape is
 * fixed here; a filter is fastest when its most selective condition comes first.
 *
 * <p><b>Reading in index order.</b> Two shapes let the database stop after the page instead of sorting every
 * match: when the driving term is a metric comparison on the metric the results are first ordered by, the
 * metric's row is joined as the driver and the (key, value) index is walked in the requested direction; and when
 * nothing narrows the runs of a single experiment and the order is the default one, the runs are read from the
 * (experiment_id, start_time DESC, run_id) index ({@link SqlDialect#runsInStartOrderHint()}).
 *
 * <p>Ordering puts missing values and NaN last in both directions, then breaks ties by start time
 * (newest first) and run id.
 */
final class SearchSql {
    private static final String TRUE = "1 = 1";
    private static final String FALSE = "1 = 0";
    /** Alias of the latest-metrics row that drives a search ordered by its metric. */
    private static final String DRIVER = "d";
    /** Bound of IEEE ranges: +Infinity is the greatest number, NaN lies above it in database order. */
    private static final double MAX = Double.POSITIVE_INFINITY;
    /** Beyond this magnitude a double bound on a millisecond time is treated as unbounded. */
    private static final double TIME_LIMIT = 0x1p62;

    /**
     * A SQL text and its bind parameters in order.
     *
     * @param sql the statement
     * @param params Long, Integer, Double or String values
     */
    record Query(String sql, List<Object> params) {
    }

    private final Part joins = new Part();
    private final Part where = new Part();
    private final Part order = new Part();
    /** Numbers subquery aliases so that nested subqueries never shadow each other. */
    private int aliases;

    private SearchSql() {
    }

    /**
     * @param experimentKeys database keys of the experiments searched (at least one)
     * @param filter the filter, or null
     * @param orderBy ordering keys
     * @param offset rows to skip
     * @param limit rows to return
     * @return the query; its columns are run_pk followed by {@link Rows#RUN_COLUMNS}
     */
    static Query build(SqlDialect dialect, List<Long> experimentKeys, Filter filter, List<OrderBy> orderBy,
                       long offset, int limit) {
        return new SearchSql().query(dialect, experimentKeys, filter, orderBy, offset, limit);
    }

    private Query query(SqlDialect dialect, List<Long> experimentKeys, Filter filter, List<OrderBy> orderBy,
                        long offset, int limit) {
        List<Filter> terms = filter == null ? List.of()
                : filter instanceof Filter.And and ? and.terms() : List.of(filter);
        Optional<SetTerm> ordered = orderedDriver(terms, orderBy);
        for (int i = 0; i < orderBy.size(); i++) {
            if (i == 0 && ordered.isPresent()) {
                // Every candidate has the key with a number (not NaN): the index order is the order asked for.
                String direction = orderBy.get(0).ascending() ? " ASC, " : " DESC, ";
                order.sql.append(DRIVER).append(".metric_key").append(direction).append(DRIVER).append(".metric_value")
                        .append(direction);
            } else {
                orderKey(orderBy.get(i), "o" + i);
            }
        }
        boolean oneExperiment = experimentKeys.size() == 1;
        if (oneExperiment) {
            where.sql.append("r.experiment_id = ?");
        } else {
            where.sql.append("r.experiment_id IN (");
            for (int i = 0; i < experimentKeys.size(); i++) {
                where.sql.append(i == 0 ? "?" : ", ?");
            }
            where.sql.append(')');
        }
        where.params.addAll(experimentKeys);
        boolean narrowed = false;
        if (ordered.isPresent()) {
            filterConditions(terms, ordered.get());
        } else if (!terms.isEmpty()) {
            narrowed = filterConditions(terms, null);
        }
        StringBuilder sql = new StringBuilder("SELECT r.run_pk, ").append(Rows.RUN_COLUMNS);
        boolean startOrder = orderBy.isEmpty() && oneExperiment && !narrowed;
        if (ordered.isPresent()) {
            sql.append(" FROM mlops_latest_metrics ").append(DRIVER).append(" JOIN mlops_runs r ON r.run_pk = ")
                    .append(DRIVER).append(".run_pk");
        } else {
            sql.append(" FROM mlops_runs r").append(startOrder ? dialect.runsInStartOrderHint() : "");
        }
        // With one experiment, its id leads the order so that the index (experiment_id, start_time DESC, run_id)
        // delivers the rows sorted; it is the same for every row, so the order is unchanged.
        sql.append(joins.sql).append(" WHERE ").append(where.sql).append(" ORDER BY ").append(order.sql)
                .append(startOrder ? "r.experiment_id ASC, " : "")
                .append("r.start_time DESC, r.run_id ASC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        List<Object> params = new ArrayList<>(joins.params);
        params.addAll(where.params);
        params.addAll(order.params);
        params.add(offset);
        params.add(limit);
        return new Query(sql.toString(), params);
    }

    /**
     * Picks the driving term that can also deliver the order: a metric comparison ({@code = < <= > >=}, which no
     * NaN and no missing value satisfies) on the metric the results are first ordered by. The search then walks that
     * metric's (key, value) index in the requested direction and stops once the page is full, instead of collecting
     * every match and sorting it: the difference between reading a page and reading every run above a threshold.
     * Only the first term that needs a key can be it, so that the candidates stay those of the plain driving term
     * (the filter's first, ideally most selective, condition) and the ordered plan is never the slower one.
     */
    private static Optional<SetTerm> orderedDriver(List<Filter> terms, List<OrderBy> orderBy) {
        if (orderBy.isEmpty() || orderBy.get(0).field().kind() != Field.Kind.METRIC) {
            return Optional.empty();
        }
        String key = orderBy.get(0).field().key();
        for (Filter term : terms) {
            Optional<SetTerm> set = setTerm(term);
            if (set.isEmpty()) {
                continue;
            }
            boolean ordering = term instanceof Filter.Comparison c && c.field().kind() == Field.Kind.METRIC
                    && c.field().key().equals(key) && c.op() != Operator.NE && !Double.isNaN((Double) c.value());
            return ordering ? set : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Appends the filter's terms (a conjunction's terms, or the one term) to {@link #where}, with a driving term
     * when there is one (see class doc).
     *
     * @param ordered the driving term already chosen to deliver the order (its table is joined as {@link #DRIVER}),
     *                or null to take the first set term
     * @return true if a driving term narrows the runs
     */
    private boolean filterConditions(List<Filter> terms, SetTerm ordered) {
        List<SetTerm> sets = new ArrayList<>();
        List<Filter> residual = new ArrayList<>();
        boolean orderedSeen = false;
        for (Filter term : terms) {
            Optional<SetTerm> set = setTerm(term);
            if (set.isPresent()) {
                if (!orderedSeen && set.get().equals(ordered)) {
                    orderedSeen = true; // the driver itself, a condition on the joined row
                } else {
                    sets.add(set.get());
                }
            } else {
                residual.add(term);
            }
        }
        if (ordered != null) {
            where.sql.append(" AND ");
            ordered.appendCondition(DRIVER, where);
            for (SetTerm other : sets) {
                exists(other, DRIVER + ".run_pk");
            }
        } else if (!sets.isEmpty()) {
            SetTerm driver = sets.get(0);
            String d = alias();
            where.sql.append(" AND r.run_pk IN (SELECT ").append(d).append(".run_pk FROM ").append(driver.table.name)
                    .append(' ').append(d).append(" WHERE ");
            driver.appendCondition(d, where);
            for (SetTerm other : sets.subList(1, sets.size())) {
                exists(other, d + ".run_pk");
            }
            where.sql.append(')');
        }
        for (Filter term : residual) {
            where.sql.append(" AND ");
            term(term, where);
        }
        return ordered != null || !sets.isEmpty();
    }

    /** Appends {@code AND EXISTS (...)}: the run {@code runPk} has a row satisfying the set term. */
    private void exists(SetTerm term, String runPk) {
        String x = alias();
        where.sql.append(" AND EXISTS (SELECT 1 FROM ").append(term.table.name).append(' ').append(x)
                .append(" WHERE ").append(x).append(".run_pk = ").append(runPk).append(" AND ");
        term.appendCondition(x, where);
        where.sql.append(')');
    }

    // ---------------------------------------------------------------- filter terms

    private void term(Filter filter, Part out) {
        Optional<SetTerm> set = setTerm(filter);
        if (set.isPresent()) {
            String a = alias();
            out.sql.append("r.run_pk IN (SELECT ").append(a).append(".run_pk FROM ").append(set.get().table.name)
                    .append(' ').append(a).append(" WHERE ");
            set.get().appendCondition(a, out);
            out.sql.append(')');
        } else if (filter instanceof Filter.And and) {
            junction(and.terms(), " AND ", TRUE, out);
        } else if (filter instanceof Filter.Or or) {
            junction(or.terms(), " OR ", FALSE, out);
        } else if (filter instanceof Filter.Not not) {
            out.sql.append("NOT (");
            term(not.term(), out);
            out.sql.append(')');
        } else if (filter instanceof Filter.Comparison c) {
            // Only attributes and NaN metric comparisons are left: metric, param and tag terms are set terms.
            if (c.field().kind() == Field.Kind.ATTRIBUTE) {
                attributeComparison(c, out);
            } else {
                out.sql.append(FALSE); // a comparison with NaN other than != holds for no value
            }
        } else if (filter instanceof Filter.In in) {
            attributeIn(in, out);
        } else if (filter instanceof Filter.IsNull isNull) {
            isNull(isNull, out);
        } else {
            throw new IllegalArgumentException("unknown filter term " + filter);
        }
    }

    private void junction(List<Filter> terms, String operator, String empty, Part out) {
        if (terms.isEmpty()) {
            out.sql.append(empty);
            return;
        }
        out.sql.append('(');
        for (int i = 0; i < terms.size(); i++) {
            if (i > 0) {
                out.sql.append(operator);
            }
            term(terms.get(i), out);
        }
        out.sql.append(')');
    }

    /**
     * A term that holds only for runs that have the key: a comparison, IN or IS NOT NULL on a metric, param or
     * tag. It is a condition on one row of the key's table.
     */
    private record SetTerm(Table table, String key, String operator, List<Object> values) {
        /** Appends {@code a.key = ? AND <value condition>} for the row alias {@code a}. */
        void appendCondition(String a, Part out) {
            out.sql.append(a).append('.').append(table.key).append(" = ?");
            out.params.add(key);
            if (operator.isEmpty()) {
                return;
            }
            out.sql.append(" AND ").append(operator.replace("$", a + "." + table.value));
            out.params.addAll(values);
        }
    }

    /** @return the filter as a set term, if it is one */
    private static Optional<SetTerm> setTerm(Filter filter) {
        if (filter instanceof Filter.Comparison c && c.field().kind() != Field.Kind.ATTRIBUTE) {
            Table t = table(c.field().kind());
            if (c.field().kind() == Field.Kind.METRIC) {
                return metricTerm(t, c.field().key(), c.op(), (Double) c.value());
            }
            String v = (String) c.value();
            // Filter.Comparison guarantees a string field has =, !=, LIKE or ILIKE.
            return Optional.of(switch (c.op()) {
                case EQ -> new SetTerm(t, c.field().key(), "$ = ?", List.of(v));
                case NE -> new SetTerm(t, c.field().key(), "$ <> ?", List.of(v));
                case LIKE -> new SetTerm(t, c.field().key(), "$ LIKE ? ESCAPE '\\'", List.of(LikePatterns.toSql(v)));
                // Lower-cased in Java with Locale.ROOT, as the in-memory store does; the database lower-cases the
                // column with the same locale-independent Unicode rules.
                case ILIKE -> new SetTerm(t, c.field().key(), "LOWER($) LIKE ? ESCAPE '\\'",
                        List.of(LikePatterns.toSql(v.toLowerCase(Locale.ROOT))));
                default -> throw new IllegalStateException(c.op().name());
            });
        }
        if (filter instanceof Filter.In in && in.field().kind() != Field.Kind.ATTRIBUTE) {
            // Filter.In guarantees a string field and at least one value.
            String list = "?" + ", ?".repeat(in.values().size() - 1);
            return Optional.of(new SetTerm(table(in.field().kind()), in.field().key(),
                    (in.negated() ? "$ NOT IN (" : "$ IN (") + list + ")", List.copyOf(in.values())));
        }
        if (filter instanceof Filter.IsNull n && n.negated() && n.field().kind() != Field.Kind.ATTRIBUTE) {
            return Optional.of(new SetTerm(table(n.field().kind()), n.field().key(), "", List.of()));
        }
        return Optional.empty();
    }

    private static Optional<SetTerm> metricTerm(Table t, String key, Operator op, double v) {
        if (Double.isNaN(v)) {
            // NaN equals nothing and differs from everything, including a stored NaN.
            return op == Operator.NE ? Optional.of(new SetTerm(t, key, "", List.of())) : Optional.empty();
        }
        return Optional.of(switch (op) {
            case EQ -> new SetTerm(t, key, "$ = ?", List.of(v));
            case NE -> new SetTerm(t, key, "$ <> ?", List.of(v));
            case LT -> new SetTerm(t, key, "$ < ?", List.of(v));
            case LE -> new SetTerm(t, key, "$ <= ?", List.of(v));
            case GT -> new SetTerm(t, key, "$ > ? AND $ <= ?", List.of(v, MAX));
            case GE -> new SetTerm(t, key, "$ >= ? AND $ <= ?", List.of(v, MAX));
            default -> throw new IllegalStateException(op.name());
        });
    }

    private static void attributeComparison(Filter.Comparison c, Part out) {
        Column col = column(c.field().attribute());
        if (c.field().isNumeric()) {
            timeComparison(col, c.op(), (Double) c.value(), out);
            return;
        }
        String v = (String) c.value();
        out.sql.append('(');
        if (col.nullable) {
            out.sql.append(col.sql).append(" IS NOT NULL AND ");
        }
        switch (c.op()) {
            case EQ -> out.sql.append(col.sql).append(" = ?");
            case NE -> out.sql.append(col.sql).append(" <> ?");
            case LIKE -> out.sql.append(col.sql).append(" LIKE ? ESCAPE '\\'");
            case ILIKE -> out.sql.append("LOWER(").append(col.sql).append(") LIKE ? ESCAPE '\\'");
            default -> throw new IllegalStateException(c.op().name());
        }
        out.sql.append(')');
        switch (c.op()) {
            case LIKE -> out.params.add(LikePatterns.toSql(v));
            case ILIKE -> out.params.add(LikePatterns.toSql(v.toLowerCase(Locale.ROOT)));
            default -> out.params.add(v);
        }
    }

    private static void timeComparison(Column col, Operator op, double v, Part out) {
        if (Double.isNaN(v)) {
            out.sql.append(op == Operator.NE ? presence(col) : FALSE);
            return;
        }
        if (v >= TIME_LIMIT || v <= -TIME_LIMIT) {
            boolean above = v > 0; // every stored time is below a huge bound, above a hugely negative one
            boolean holds = switch (op) {
                case EQ -> false;
                case NE -> true;
                case LT, LE -> above;
                case GT, GE -> !above;
                default -> throw new IllegalStateException(op.name());
            };
            out.sql.append(holds ? presence(col) : FALSE);
            return;
        }
        boolean integral = v == Math.rint(v);
        String sqlOp;
        long bound;
        switch (op) {
            case EQ, NE -> {
                if (!integral) {
                    out.sql.append(op == Operator.NE ? presence(col) : FALSE);
                    return;
                }
                sqlOp = op == Operator.EQ ? " = ?" : " <> ?";
                bound = (long) v;
            }
            case LT -> {
                sqlOp = integral ? " < ?" : " <= ?";
                bound = (long) Math.floor(v);
            }
            case LE -> {
                sqlOp = " <= ?";
                bound = (long) Math.floor(v);
            }
            case GT -> {
                sqlOp = integral ? " > ?" : " >= ?";
                bound = (long) Math.ceil(v);
            }
            case GE -> {
                sqlOp = " >= ?";
                bound = (long) Math.ceil(v);
            }
            default -> throw new IllegalStateException(op.name());
        }
        out.sql.append('(');
        if (col.nullable) {
            out.sql.append(col.sql).append(" IS NOT NULL AND ");
        }
        out.sql.append(col.sql).append(sqlOp).append(')');
        out.params.add(bound);
    }

    private static void attributeIn(Filter.In in, Part out) {
        Column col = column(in.field().attribute());
        out.sql.append('(');
        if (col.nullable) {
            out.sql.append(col.sql).append(" IS NOT NULL AND ");
        }
        out.sql.append(col.sql).append(in.negated() ? " NOT IN (" : " IN (").append("?")
                .append(", ?".repeat(in.values().size() - 1)).append("))");
        out.params.addAll(in.values());
    }

    private void isNull(Filter.IsNull isNull, Part out) {
        Field field = isNull.field();
        if (field.kind() == Field.Kind.ATTRIBUTE) {
            Column col = column(field.attribute());
            if (!col.nullable) {
                out.sql.append(isNull.negated() ? TRUE : FALSE);
            } else {
                out.sql.append(col.sql).append(isNull.negated() ? " IS NOT NULL" : " IS NULL");
            }
            return;
        }
        // IS NOT NULL on a key is a set term; only the absent case gets here.
        out.sql.append("NOT ");
        term(new Filter.IsNull(field, true), out);
    }

    private static String presence(Column col) {
        return col.nullable ? col.sql + " IS NOT NULL" : TRUE;
    }

    private String alias() {
        return "s" + (aliases++);
    }

    // ---------------------------------------------------------------- order

    private void orderKey(OrderBy orderBy, String alias) {
        Field field = orderBy.field();
        String direction = orderBy.ascending() ? " ASC, " : " DESC, ";
        if (field.kind() == Field.Kind.ATTRIBUTE) {
            Column col = column(field.attribute());
            if (col.nullable) {
                order.sql.append("CASE WHEN ").append(col.sql).append(" IS NULL THEN 1 ELSE 0 END, ");
            }
            order.sql.append(col.sql).append(direction);
            return;
        }
        Table t = table(field.kind());
        joins.sql.append(" LEFT JOIN ").append(t.name).append(' ').append(alias).append(" ON ").append(alias)
                .append(".run_pk = r.run_pk AND ").append(alias).append('.').append(t.key).append(" = ?");
        joins.params.add(field.key());
        String value = alias + "." + t.value;
        if (field.kind() == Field.Kind.METRIC) {
            // NaN joins the missing values: flagged last, and nulled so that it ties with them on this key.
            String nan = value + " = CAST('NaN' AS DOUBLE PRECISION)";
            order.sql.append("CASE WHEN ").append(value).append(" IS NULL OR ").append(nan)
                    .append(" THEN 1 ELSE 0 END, CASE WHEN ").append(nan).append(" THEN NULL ELSE ").append(value)
                    .append(" END").append(direction);
        } else {
            order.sql.append("CASE WHEN ").append(value).append(" IS NULL THEN 1 ELSE 0 END, ").append(value)
                    .append(direction);
        }
    }

    // ---------------------------------------------------------------- schema

    private record Table(String name, String key, String value) {
    }

    private record Column(String sql, boolean nullable) {
    }

    private static Table table(Field.Kind kind) {
        return switch (kind) {
            case METRIC -> new Table("mlops_latest_metrics", "metric_key", "metric_value");
            case PARAM -> new Table("mlops_params", "param_key", "param_value");
            case TAG -> new Table("mlops_tags", "tag_key", "tag_value");
            case ATTRIBUTE -> throw new IllegalArgumentException("attributes are columns of mlops_runs");
        };
    }

    private static Column column(Attribute attribute) {
        return switch (attribute) {
            case RUN_ID -> new Column("r.run_id", false);
            case RUN_NAME -> new Column("r.run_name", false);
            case STATUS -> new Column("r.status", false);
            case USER -> new Column("r.user_name", false);
            case START_TIME -> new Column("r.start_time", false);
            case END_TIME -> new Column("r.end_time", true);
            // Experiment ids are strings in the API and compare and sort as strings ("10" < "9").
            case EXPERIMENT_ID -> new Column("CAST(r.experiment_id AS VARCHAR(20))", false);
            case PARENT_RUN_ID -> new Column("r.parent_run_id", true);
        };
    }

    /** A piece of SQL with its parameters. */
    private static final class Part {
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> params = new ArrayList<>();
    }
}

package dev.mlops4j.tck;

import dev.mlops4j.search.Attribute;
import dev.mlops4j.search.Field;
import dev.mlops4j.search.Filter;
import dev.mlops4j.search.Operator;
import java.util.ArrayList;
import java.util.List;

/**
 * The table of search filters over the {@link SearchFixture}, each with the runs it must match (worked out by
 * hand from the fixture table, not computed) and, where the text form is unambiguous, the same filter as text
 * for {@link Filter#parse}.
 */
final class FilterCases {
    private static final long MINUTE = 60_000;

    private FilterCases() {
    }

    /**
     * One row of the table.
     *
     * @param description what the row checks
     * @param filter the filter tree
     * @param text the same filter in the search language, or {@code null} when the row has no text form
     * @param bothExperiments search both experiments instead of the main one
     * @param expected names of the matching runs, in any order
     */
    record FilterCase(String description, Filter filter, String text, boolean bothExperiments, List<String> expected) {
        @Override
        public String toString() {
            return description + ": " + filter;
        }
    }

    static List<FilterCase> all(SearchFixture f) {
        List<FilterCase> c = new ArrayList<>();
        // ---------------------------------------------------------------- metrics: latest value, IEEE semantics
        c.add(row("metric >", metric("acc", Operator.GT, 0.9), "metrics.acc > 0.9", "r01", "r05", "r11"));
        c.add(row("metric >=", metric("acc", Operator.GE, 0.9), "metrics.acc >= 0.9", "r01", "r02", "r05", "r08", "r11"));
        c.add(row("metric <", metric("acc", Operator.LT, 0.5), "metrics.acc < 0.5", "r06", "r09", "r10"));
        c.add(row("metric <=", metric("acc", Operator.LE, 0.5), "metrics.acc <= 0.5", "r03", "r06", "r09", "r10"));
        c.add(row("metric =", metric("acc", Operator.EQ, 0.9), "metrics.acc = 0.9", "r02", "r08"));
        c.add(row("metric != is true for NaN, false for missing", metric("acc", Operator.NE, 0.9), "metrics.acc != 0.9",
                "r01", "r03", "r04", "r05", "r06", "r09", "r10", "r11", "r12", "r14", "r15"));
        c.add(row("metric = +Infinity", metric("acc", Operator.EQ, Double.POSITIVE_INFINITY), null, "r05"));
        c.add(row("metric > huge matches +Infinity, not NaN", metric("acc", Operator.GT, 1e308), "metrics.acc > 1e308",
                "r05"));
        c.add(row("metric < -huge matches -Infinity", metric("acc", Operator.LT, -1e308), "metrics.acc < -1e308", "r06"));
        c.add(row("metric compares the latest point only", metric("acc", Operator.GE, 0.99), "metrics.acc >= 0.99",
                "r05"));
        c.add(row("metric NaN latest hides older number", metric("acc", Operator.LT, 0.35), "metrics.acc < 0.35",
                "r06", "r09", "r10"));
        c.add(row("NOT over a metric includes missing and NaN", not(metric("acc", Operator.GT, 0.9)),
                "NOT metrics.acc > 0.9", "r02", "r03", "r04", "r06", "r07", "r08", "r09", "r10", "r12", "r13", "r14",
                "r15"));
        c.add(row("metric IS NULL (NaN is present)", isNull(Field.metric("acc")), "metrics.acc IS NULL", "r07", "r13"));
        c.add(row("metric IS NOT NULL", notNull(Field.metric("acc")), "metrics.acc IS NOT NULL", "r01", "r02", "r03",
                "r04", "r05", "r06", "r08", "r09", "r10", "r11", "r12", "r14", "r15"));
        c.add(row("metric > 0 excludes NaN", metric("loss", Operator.GT, 0.0), "metrics.loss > 0", "r01", "r02", "r04",
                "r05", "r07", "r08", "r09", "r10", "r11"));
        c.add(row("metric != with NaN values", metric("loss", Operator.NE, 0.1), "metrics.loss != 0.1", "r02", "r03",
                "r04", "r05", "r07", "r08", "r09", "r10", "r15"));
        c.add(row("NOT metric < with NaN and missing", not(metric("loss", Operator.LT, 1.0)), "NOT metrics.loss < 1",
                "r03", "r06", "r10", "r12", "r13", "r14", "r15"));
        c.add(row("metric key with a slash", metric("val/acc", Operator.GT, 0.85), "metrics.`val/acc` > 0.85", "r01"));
        c.add(row("metric equal to a negative number", metric("acc", Operator.EQ, -0.5), "metrics.acc = -0.5", "r10"));
        // ---------------------------------------------------------------- params: strings, case-sensitive
        c.add(row("param =", param("model", Operator.EQ, "cart"), "params.model = 'cart'", "r01", "r02", "r11", "r14"));
        c.add(row("param != is false for missing", param("model", Operator.NE, "cart"), "params.model != 'cart'",
                "r03", "r04", "r05", "r06", "r08", "r09", "r10", "r12", "r15"));
        c.add(row("NOT param = includes missing", not(param("model", Operator.EQ, "cart")), "NOT params.model = 'cart'",
                "r03", "r04", "r05", "r06", "r07", "r08", "r09", "r10", "r12", "r13", "r15"));
        c.add(row("param LIKE prefix", param("model", Operator.LIKE, "cart%"), "params.model LIKE 'cart%'", "r01", "r02",
                "r06", "r11", "r14"));
        c.add(row("param LIKE escaped %", param("model", Operator.LIKE, "cart\\%"), null, "r06"));
        c.add(row("param ILIKE", param("model", Operator.ILIKE, "CART"), "params.model ILIKE 'CART'", "r01", "r02",
                "r05", "r11", "r14"));
        c.add(row("param ILIKE prefix", param("model", Operator.ILIKE, "c%"), "params.model ILIKE 'c%'", "r01", "r02",
                "r05", "r06", "r11", "r14"));
        c.add(row("param LIKE infix", param("model", Operator.LIKE, "%r%"), "params.model LIKE '%r%'", "r01", "r02",
                "r03", "r04", "r05", "r06", "r09", "r10", "r11", "r14", "r15"));
        c.add(row("param LIKE _", param("model", Operator.LIKE, "f_rest"), "params.model LIKE 'f_rest'", "r03", "r04",
                "r15"));
        c.add(row("param IN", in(Field.param("model"), false, "cart", "svm"), "params.model IN ('cart', 'svm')", "r01",
                "r02", "r08", "r11", "r14"));
        c.add(row("param NOT IN is false for missing", in(Field.param("model"), true, "cart", "forest"),
                "params.model NOT IN ('cart', 'forest')", "r05", "r06", "r08", "r09", "r10", "r12"));
        c.add(row("param IS NULL", isNull(Field.param("model")), "params.model IS NULL", "r07", "r13"));
        c.add(row("param IS NOT NULL", notNull(Field.param("model")), "params.model IS NOT NULL", "r01", "r02", "r03",
                "r04", "r05", "r06", "r08", "r09", "r10", "r11", "r12", "r14", "r15"));
        c.add(row("param value with a quote", param("model", Operator.EQ, "it's"), null, "r12"));
        c.add(row("param key with a space", param("learning rate", Operator.EQ, "0.1"), "params.`learning rate` = '0.1'",
                "r01"));
        c.add(row("param named like a metric", param("acc", Operator.EQ, "high"), "params.acc = 'high'", "r01"));
        c.add(row("param named like a tag matches params only", param("model", Operator.EQ, "tagged"),
                "params.model = 'tagged'"));
        c.add(row("param compares as a string", param("lr", Operator.EQ, "0.1"), "params.lr = '0.1'", "r01", "r03",
                "r07", "r09", "r11"));
        c.add(row("param is not numeric", param("lr", Operator.EQ, "0.10"), "params.lr = '0.10'"));
        // ---------------------------------------------------------------- tags
        c.add(row("tag = is exact", tag("team", Operator.EQ, "risk"), "tags.team = 'risk'", "r01", "r02", "r06", "r11",
                "r12"));
        c.add(row("tag ILIKE", tag("team", Operator.ILIKE, "risk"), "tags.team ILIKE 'risk'", "r01", "r02", "r04",
                "r06", "r11", "r12"));
        c.add(row("tag LIKE with trailing %", tag("team", Operator.LIKE, "risk%"), "tags.team LIKE 'risk%'", "r01",
                "r02", "r06", "r09", "r11", "r12"));
        c.add(row("tag !=", tag("team", Operator.NE, "risk"), "tags.team != 'risk'", "r03", "r04", "r08", "r09", "r10",
                "r15"));
        c.add(row("tag IS NULL", isNull(Field.tag("team")), "tags.team IS NULL", "r05", "r07", "r13", "r14"));
        c.add(row("NOT tag IN includes missing", not(in(Field.tag("team"), false, "risk", "growth")),
                "NOT tags.team IN ('risk', 'growth')", "r04", "r05", "r07", "r09", "r13", "r14"));
        c.add(row("tag NOT IN is false for missing", in(Field.tag("team"), true, "risk", "growth"),
                "tags.team NOT IN ('risk', 'growth')", "r04", "r09"));
        c.add(row("tag named like a param", tag("model", Operator.EQ, "tagged"), "tags.model = 'tagged'", "r03"));
        c.add(row("LIKE _ is one character, . is literal", tag("note", Operator.LIKE, "a_b"), null, "r04", "r05", "r06",
                "r08", "r09"));
        c.add(row("LIKE escaped _", tag("note", Operator.LIKE, "a\\_b"), null, "r04"));
        c.add(row("LIKE escaped %", tag("note", Operator.LIKE, "a\\%b"), null, "r08"));
        c.add(row("LIKE escaped backslash", tag("note", Operator.LIKE, "a\\\\b"), null, "r06"));
        c.add(row("LIKE . is not a wildcard", tag("note", Operator.LIKE, "a.b"), "tags.note LIKE 'a.b'", "r09"));
        c.add(row("ILIKE escaped _", tag("note", Operator.ILIKE, "a\\_b"), null, "r04", "r10"));
        c.add(row("LIKE suffix", tag("note", Operator.LIKE, "%run"), "tags.note LIKE '%run'", "r01", "r11"));
        c.add(row("LIKE is case-sensitive", tag("note", Operator.LIKE, "baseline%"), "tags.note LIKE 'baseline%'",
                "r01", "r11"));
        c.add(row("ILIKE prefix", tag("note", Operator.ILIKE, "baseline%"), "tags.note ILIKE 'baseline%'", "r01", "r02",
                "r11"));
        c.add(row("LIKE % matches the empty string", tag("note", Operator.LIKE, "%"), "tags.note LIKE '%'", "r01", "r02",
                "r03", "r04", "r05", "r06", "r08", "r09", "r10", "r11", "r12", "r15"));
        c.add(row("LIKE matches the whole string", tag("note", Operator.LIKE, "baseline"), "tags.note LIKE 'baseline'"));
        c.add(row("LIKE with escaped % and a wildcard", tag("note", Operator.LIKE, "100\\% %"), null, "r03"));
        c.add(row("empty tag value is present", tag("note", Operator.EQ, ""), "tags.note = ''", "r12"));
        c.add(row("ILIKE beyond ASCII", tag("note", Operator.ILIKE, "ÜNÏCODE"), "tags.note ILIKE 'ÜNÏCODE'", "r15"));
        // ---------------------------------------------------------------- attributes
        c.add(row("status =", attr(Attribute.STATUS, Operator.EQ, "FINISHED"), "attributes.status = 'FINISHED'", "r01",
                "r02", "r06", "r07", "r09", "r11", "r12", "r14"));
        c.add(row("status !=", attr(Attribute.STATUS, Operator.NE, "FINISHED"), "status != 'FINISHED'", "r03", "r04",
                "r05", "r08", "r10", "r13", "r15"));
        c.add(row("status IN", in(Field.attribute(Attribute.STATUS), false, "FAILED", "KILLED"),
                "status IN ('FAILED', 'KILLED')", "r03", "r05", "r10", "r15"));
        c.add(row("status NOT IN", in(Field.attribute(Attribute.STATUS), true, "RUNNING"), "status NOT IN ('RUNNING')",
                "r01", "r02", "r03", "r05", "r06", "r07", "r09", "r10", "r11", "r12", "r14", "r15"));
        c.add(row("run_name LIKE", attr(Attribute.RUN_NAME, Operator.LIKE, "r1%"), "run_name LIKE 'r1%'", "r10", "r11",
                "r12", "r13", "r14", "r15"));
        c.add(row("run_name =", attr(Attribute.RUN_NAME, Operator.EQ, "r07"), "attributes.run_name = 'r07'", "r07"));
        c.add(row("user =", attr(Attribute.USER, Operator.EQ, "carol"), "attributes.user = 'carol'", "r05"));
        c.add(row("user ILIKE", attr(Attribute.USER, Operator.ILIKE, "carol"), "attributes.user ILIKE 'carol'", "r05",
                "r06"));
        c.add(row("start_time >= (with a tie)", attr(Attribute.START_TIME, Operator.GE, (double) (T0() + 12 * MINUTE)),
                "attributes.start_time >= " + (T0() + 12 * MINUTE), "r12", "r13", "r14", "r15"));
        c.add(row("start_time <", attr(Attribute.START_TIME, Operator.LT, (double) (T0() + 3 * MINUTE)),
                "attributes.start_time < " + (T0() + 3 * MINUTE), "r01", "r02"));
        c.add(row("end_time IS NULL", isNull(Field.attribute(Attribute.END_TIME)), "attributes.end_time IS NULL", "r04",
                "r08", "r13"));
        c.add(row("end_time IS NOT NULL", notNull(Field.attribute(Attribute.END_TIME)),
                "attributes.end_time IS NOT NULL", "r01", "r02", "r03", "r05", "r06", "r07", "r09", "r10", "r11", "r12",
                "r14", "r15"));
        c.add(row("end_time > is false while running", attr(Attribute.END_TIME, Operator.GT, 0.0),
                "attributes.end_time > 0", "r01", "r02", "r03", "r05", "r06", "r07", "r09", "r10", "r11", "r12", "r14",
                "r15"));
        c.add(row("end_time != is false while running", attr(Attribute.END_TIME, Operator.NE, 0.0),
                "attributes.end_time != 0", "r01", "r02", "r03", "r05", "r06", "r07", "r09", "r10", "r11", "r12", "r14",
                "r15"));
        c.add(row("NOT end_time > includes running", not(attr(Attribute.END_TIME, Operator.GT, 0.0)),
                "NOT attributes.end_time > 0", "r04", "r08", "r13"));
        c.add(row("end_time <=", attr(Attribute.END_TIME, Operator.LE, (double) (T0() + 3 * MINUTE + 3_000)),
                "attributes.end_time <= " + (T0() + 3 * MINUTE + 3_000), "r01", "r02", "r03"));
        c.add(row("parent_run_id =", attr(Attribute.PARENT_RUN_ID, Operator.EQ, f.id("r01")),
                "attributes.parent_run_id = '" + f.id("r01") + "'", "r02", "r03"));
        c.add(row("parent_run_id IS NULL", isNull(Field.attribute(Attribute.PARENT_RUN_ID)),
                "attributes.parent_run_id IS NULL", "r01", "r04", "r05", "r06", "r07", "r08", "r09", "r11", "r12", "r13",
                "r14", "r15"));
        c.add(row("parent_run_id IS NOT NULL", notNull(Field.attribute(Attribute.PARENT_RUN_ID)),
                "attributes.parent_run_id IS NOT NULL", "r02", "r03", "r10"));
        c.add(row("parent_run_id != is false without parent", attr(Attribute.PARENT_RUN_ID, Operator.NE, f.id("r01")),
                "attributes.parent_run_id != '" + f.id("r01") + "'", "r10"));
        c.add(row("parent_run_id NOT IN is false without parent",
                in(Field.attribute(Attribute.PARENT_RUN_ID), true, f.id("r08")),
                "attributes.parent_run_id NOT IN ('" + f.id("r08") + "')", "r02", "r03"));
        c.add(row("run_id =", attr(Attribute.RUN_ID, Operator.EQ, f.id("r05")), "attributes.run_id = '" + f.id("r05") + "'",
                "r05"));
        c.add(row("run_id IN ignores runs of other experiments",
                in(Field.attribute(Attribute.RUN_ID), false, f.id("r05"), f.id("r06"), f.id("o1")),
                "attributes.run_id IN ('" + f.id("r05") + "', '" + f.id("r06") + "', '" + f.id("o1") + "')", "r05", "r06"));
        c.add(new FilterCase("experiment_id over two experiments", attr(Attribute.EXPERIMENT_ID, Operator.EQ,
                f.other.id()), "attributes.experiment_id = '" + f.other.id() + "'", true, List.of("o1", "o2")));
        c.add(new FilterCase("two experiments", param("model", Operator.EQ, "cart"), "params.model = 'cart'", true,
                List.of("o1", "r01", "r02", "r11", "r14")));
        // ---------------------------------------------------------------- AND, OR, NOT
        c.add(row("AND", and(metric("acc", Operator.GT, 0.8), param("model", Operator.EQ, "cart")),
                "metrics.acc > 0.8 AND params.model = 'cart'", "r01", "r02", "r11"));
        c.add(row("OR", or(param("model", Operator.EQ, "cart"), tag("team", Operator.EQ, "growth")),
                "params.model = 'cart' OR tags.team = 'growth'", "r01", "r02", "r03", "r08", "r10", "r11", "r14", "r15"));
        c.add(row("(OR) AND", and(or(metric("acc", Operator.GT, 0.9), isNull(Field.metric("acc"))),
                attr(Attribute.STATUS, Operator.EQ, "FINISHED")),
                "(metrics.acc > 0.9 OR metrics.acc IS NULL) AND status = 'FINISHED'", "r01", "r07", "r11"));
        c.add(row("NOT (OR)", not(or(param("model", Operator.EQ, "cart"), tag("team", Operator.EQ, "risk"))),
                "NOT (params.model = 'cart' OR tags.team = 'risk')", "r03", "r04", "r05", "r07", "r08", "r09", "r10",
                "r13", "r15"));
        c.add(row("AND NOT", and(attr(Attribute.STATUS, Operator.EQ, "FINISHED"), not(metric("acc", Operator.GE, 0.5))),
                "status = 'FINISHED' AND NOT metrics.acc >= 0.5", "r06", "r07", "r09"));
        c.add(row("AND (OR) with NaN", and(param("model", Operator.EQ, "forest"),
                or(metric("acc", Operator.GT, 0.4), metric("loss", Operator.GT, 0.3))),
                "params.model = 'forest' AND (metrics.acc > 0.4 OR metrics.loss > 0.3)", "r03", "r04"));
        c.add(row("NOT NOT", not(not(tag("team", Operator.EQ, "risk"))), "NOT (NOT tags.team = 'risk')", "r01", "r02",
                "r06", "r11", "r12"));
        c.add(row("three ANDs", and(tag("team", Operator.EQ, "risk"), attr(Attribute.USER, Operator.EQ, "alice"),
                notNull(Field.metric("val/acc"))),
                "tags.team = 'risk' AND attributes.user = 'alice' AND metrics.`val/acc` IS NOT NULL", "r01", "r02"));
        c.add(row("OR of ANDs", or(and(param("model", Operator.EQ, "tree"), metric("acc", Operator.LT, 0.0)),
                and(attr(Attribute.STATUS, Operator.EQ, "KILLED"), isNull(Field.tag("team")))),
                "(params.model = 'tree' AND metrics.acc < 0) OR (status = 'KILLED' AND tags.team IS NULL)", "r05", "r10"));
        return c;
    }

    private static long T0() {
        return SearchFixture.T0;
    }

    private static FilterCase row(String description, Filter filter, String text, String... expected) {
        return new FilterCase(description, filter, text, false, List.of(expected));
    }

    private static Filter metric(String key, Operator op, double value) {
        return new Filter.Comparison(Field.metric(key), op, value);
    }

    private static Filter param(String key, Operator op, String value) {
        return new Filter.Comparison(Field.param(key), op, value);
    }

    private static Filter tag(String key, Operator op, String value) {
        return new Filter.Comparison(Field.tag(key), op, value);
    }

    private static Filter attr(Attribute attribute, Operator op, Object value) {
        return new Filter.Comparison(Field.attribute(attribute), op, value);
    }

    private static Filter in(Field field, boolean negated, String... values) {
        return new Filter.In(field, List.of(values), negated);
    }

    private static Filter isNull(Field field) {
        return new Filter.IsNull(field, false);
    }

    private static Filter notNull(Field field) {
        return new Filter.IsNull(field, true);
    }

    private static Filter and(Filter... terms) {
        return new Filter.And(List.of(terms));
    }

    private static Filter or(Filter... terms) {
        return new Filter.Or(List.of(terms));
    }

    private static Filter not(Filter term) {
        return new Filter.Not(term);
    }
}

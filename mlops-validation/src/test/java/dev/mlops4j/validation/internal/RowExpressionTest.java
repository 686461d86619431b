package dev.mlops4j.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Row;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RowExpressionTest {
    private static final List<Column> COLUMNS = List.of(new Column("amount", ColumnType.FLOATING),
            new Column("limit", ColumnType.INTEGER), new Column("status", ColumnType.CATEGORICAL),
            new Column("paid", ColumnType.BOOLEAN), new Column("day", ColumnType.DATE),
            new Column("unit price", ColumnType.FLOATING));

    /** amount=600.5, limit=500, status='new', paid=false, day=2024-03-01, unit price missing. */
    private static Row row() {
        Row r = new Row(COLUMNS.size());
        r.setLineNumber(1);
        r.setDouble(0, 600.5);
        r.setLong(1, 500);
        r.setString(2, "new");
        r.setBoolean(3, false);
        r.setLong(4, LocalDate.of(2024, 3, 1).toEpochDay());
        r.setMissing(5);
        return r;
    }

    private static boolean eval(String expression) {
        return RowExpression.parse(expression).bind(COLUMNS).test(row());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '#', value = {
        "amount <= limit # false",
        "amount > limit # true",
        "amount <= limit * 1.25 # true",
        "amount - 100.5 = limit # true",
        "(amount + 0.5) / 2 == 300.5 # true",
        "-amount < 0 # true",
        "amount % 100 > 0.4 # true",
        "status = 'new' # true",
        "status <> 'new' # false",
        "status IN ('new', 'paid') # true",
        "status NOT IN ('new', 'paid') # false",
        "limit IN (100, 500) # true",
        "status < 'paid' # true",
        "paid = FALSE # true",
        "paid # false",
        "NOT paid # true",
        "!paid && amount > 0 # true",
        "paid OR status = 'new' # true",
        "paid || status = 'x' # false",
        "day >= '2024-01-01' AND day < '2024-04-01' # true",
        "day IN ('2024-03-01') # true",
        "`unit price` IS NULL # true",
        "`unit price` IS NOT NULL # false",
        "`unit price` > 0 # false",
        "NOT (`unit price` > 0) # true",
        "`unit price` * 2 < 1 OR amount > 1 # true",
        "status = 'new' and amount > 1e2 and not paid # true",
    })
    void test_expression_evaluatesOnTheRow(String expression, boolean expected) {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @Test
    void test_nanComparisons_followIeeeSemantics() {
        Row r = row();
        r.setDouble(0, Double.NaN);
        List<String> trueOnes = List.of("amount != 1");
        for (String e : List.of("amount = amount", "amount < 1", "amount >= 1", "amount != 1")) {
            assertThat(RowExpression.parse(e).bind(COLUMNS).test(r)).as(e).isEqualTo(trueOnes.contains(e));
        }
    }

    @Test
    void columns_listsReferencedColumnsInOrder() {
        assertThat(RowExpression.parse("amount <= limit OR `unit price` > amount").columns())
                .containsExactly("amount", "limit", "unit price");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', value = {
        "amount <= # position 10",
        "amount <= limit) # unexpected ')'",
        "status = 'open # unterminated string",
        "amount ; 1 # unexpected character ';'",
        "amount + 1 # not a condition",
        "status IN 'a' # expected '(' after IN",
        "amount IS 3 # expected NULL after IS",
        "and > 1 # unexpected keyword AND",
    })
    void parse_invalidExpression_throwsInvalidInputShowingWhere(String expression, String message) {
        assertThatThrownBy(() -> RowExpression.parse(expression)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', value = {
        "nope > 1 # unknown column 'nope'",
        "status > 1 # one is a string, the other a number",
        "amount # not a condition",
        "status IN (1, 2) # must hold strings",
        "day > 'yesterday' # ISO-8601",
        "status + 1 > 2 # categorical, not a number",
    })
    void bind_typeOrColumnProblem_throwsInvalidInput(String expression, String message) {
        RowExpression e = RowExpression.parse(expression);
        assertThatThrownBy(() -> e.bind(COLUMNS)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message);
    }
}

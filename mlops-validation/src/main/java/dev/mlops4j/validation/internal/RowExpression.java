package dev.mlops4j.validation.internal;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.Row;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A small, safe row-expression language for {@code satisfies} constraints: comparisons of columns with columns
 * or literals, arithmetic, {@code IN} lists, {@code IS [NOT] NULL}, combined with {@code AND}, {@code OR},
 * {@code NOT} and parentheses. It is parsed into a tree and evaluated directly; nothing is compiled or
 * executed, and nothing but the row's cells is reachable.
 *
 * <pre>
 * expr       := or
 * or         := and (("OR" | "||") and)*
 * and        := not (("AND" | "&amp;&amp;") not)*
 * not        := ("NOT" | "!") not | comparison
 * comparison := sum [ op sum | "IS" ["NOT"] "NULL" | ["NOT"] "IN" "(" literal ("," literal)* ")" ]
 * op         := "=" | "==" | "!=" | "&lt;&gt;" | "&lt;" | "&lt;=" | "&gt;" | "&gt;="
 * sum        := product (("+" | "-") product)*
 * product    := unary (("*" | "/" | "%") unary)*
 * unary      := "-" unary | primary
 * primary    := number | 'string' | TRUE | FALSE | column | `quoted column` | "(" expr ")"
 * </pre>
 *
 * <p>Keywords are case-insensitive; strings use single quotes ({@code ''} escapes one). Numeric, boolean,
 * date and timestamp columns are numbers (dates and timestamps compare with ISO-8601 string literals,
 * converted once); categorical columns are strings and compare with strings only. A comparison, arithmetic or
 * {@code IN} with a missing or wrong-typed cell is false; {@code NOT} is plain negation.
 */
public final class RowExpression {
    private final String text;
    private final ExpressionNodes.Node root;

    private RowExpression(String text, ExpressionNodes.Node root) {
        this.text = text;
        this.root = root;
    }

    /**
     * @param text the expression
     * @return the parsed expression
     * @throws InvalidInputException if the text is not a valid expression; the message shows where
     */
    public static RowExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("expression must not be blank");
        }
        ExpressionParser.Parser p = new ExpressionParser.Parser(text);
        ExpressionNodes.Node n = p.expr();
        if (p.peek().kind() != ExpressionParser.Kind.END) {
            throw p.error("unexpected '" + p.peek().text() + "'");
        }
        if (!n.isBoolean()) {
            throw new InvalidInputException("expression '" + text + "' is not a condition; compare values, e.g."
                    + " 'amount <= limit'");
        }
        return new RowExpression(text, n);
    }

    /** @return the expression text */
    public String text() {
        return text;
    }

    /** @return the column names the expression refers to, in order of appearance */
    public List<String> columns() {
        Set<String> names = new LinkedHashSet<>();
        root.collect(names);
        return List.copyOf(names);
    }

    /**
     * Binds the expression to a table's columns.
     *
     * @param columns the table's columns
     * @return a predicate over rows; not thread-safe (it keeps scratch state)
     * @throws InvalidInputException if a column is unknown or types do not fit
     */
    public BoolEval bind(List<Column> columns) {
        return root.bool(columns);
    }

    // ---- evaluation -----------------------------------------------------------------------------------

    /** A condition over a row. */
    public abstract static class BoolEval {
        /** @param row a row @return whether the condition holds */
        public abstract boolean test(Row row);
    }

    /** A number over a row; {@link #eval(Row)} says whether it exists and leaves it in {@link #value}. */
    abstract static class NumEval {
        double value;

        abstract boolean eval(Row row);
    }

    /** A string over a row, {@code null} when missing. */
    abstract static class StrEval {
        abstract String eval(Row row);
    }
}

package dev.mlops4j.validation.internal;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Row;
import dev.mlops4j.validation.internal.RowExpression.BoolEval;
import dev.mlops4j.validation.internal.RowExpression.NumEval;
import dev.mlops4j.validation.internal.RowExpression.StrEval;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * The syntax tree of a {@link RowExpression}: each node binds to a table's columns, checking types, and
 * returns an evaluator over rows.
 */
final class ExpressionNodes {
    private ExpressionNodes() {
    }

    abstract static class Node {
        boolean isBoolean() {
            return false;
        }

        BoolEval bool(List<Column> columns) {
            throw new InvalidInputException(describe() + " is not a condition");
        }

        /** @return the value type: null for boolean nodes, CATEGORICAL for strings, FLOATING for numbers */
        ColumnType valueType(List<Column> columns) {
            return null;
        }

        NumEval num(List<Column> columns) {
            throw new InvalidInputException(describe() + " is not a number");
        }

        StrEval str(List<Column> columns) {
            throw new InvalidInputException(describe() + " is not a string");
        }

        void collect(Set<String> names) {
        }

        abstract String describe();
    }

    static final class ColumnRef extends Node {
        final String name;

        ColumnRef(String name) {
            this.name = name;
        }

        int index(List<Column> columns) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(name)) {
                    return i;
                }
            }
            throw new InvalidInputException("unknown column '" + name + "'; the data has columns "
                    + columns.stream().map(Column::name).toList());
        }

        ColumnType type(List<Column> columns) {
            return columns.get(index(columns)).type();
        }

        @Override
        ColumnType valueType(List<Column> columns) {
            ColumnType t = type(columns);
            return t;
        }

        @Override
        NumEval num(List<Column> columns) {
            int c = index(columns);
            if (columns.get(c).type() == ColumnType.CATEGORICAL) {
                throw new InvalidInputException("column '" + name + "' is categorical, not a number");
            }
            return new NumEval() {
                @Override
                boolean eval(Row row) {
                    if (!row.isPresent(c)) {
                        return false;
                    }
                    value = row.doubleValue(c);
                    return true;
                }
            };
        }

        @Override
        StrEval str(List<Column> columns) {
            int c = index(columns);
            if (columns.get(c).type() != ColumnType.CATEGORICAL) {
                throw new InvalidInputException("column '" + name + "' is " + columns.get(c).type()
                        + ", not a string");
            }
            return new StrEval() {
                @Override
                String eval(Row row) {
                    return row.isPresent(c) ? row.stringValue(c) : null;
                }
            };
        }

        @Override
        boolean isBoolean() {
            return true; // a boolean column may be used as a condition; checked at binding
        }

        @Override
        BoolEval bool(List<Column> columns) {
            int c = index(columns);
            if (columns.get(c).type() != ColumnType.BOOLEAN) {
                throw new InvalidInputException("column '" + name + "' is " + columns.get(c).type()
                        + ", not a condition; compare it, e.g. '" + name + " > 0'");
            }
            return new BoolEval() {
                @Override
                public boolean test(Row row) {
                    return row.isPresent(c) && row.booleanValue(c);
                }
            };
        }

        @Override
        void collect(Set<String> names) {
            names.add(name);
        }

        @Override
        String describe() {
            return "column '" + name + "'";
        }
    }

    static final class NumLit extends Node {
        final double v;

        NumLit(double v) {
            this.v = v;
        }

        @Override
        ColumnType valueType(List<Column> columns) {
            return ColumnType.FLOATING;
        }

        @Override
        NumEval num(List<Column> columns) {
            NumEval e = new NumEval() {
                @Override
                boolean eval(Row row) {
                    return true;
                }
            };
            e.value = v;
            return e;
        }

        @Override
        String describe() {
            return "number " + v;
        }
    }

    static final class StrLit extends Node {
        final String v;

        StrLit(String v) {
            this.v = v;
        }

        @Override
        ColumnType valueType(List<Column> columns) {
            return ColumnType.CATEGORICAL;
        }

        @Override
        StrEval str(List<Column> columns) {
            return new StrEval() {
                @Override
                String eval(Row row) {
                    return v;
                }
            };
        }

        /** A string literal compared with a date or timestamp column is read as ISO-8601. */
        NumLit asTemporal(ColumnType type) {
            try {
                return new NumLit(type == ColumnType.DATE ? LocalDate.parse(v).toEpochDay()
                        : Instant.parse(v).toEpochMilli());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("'" + v + "' is not an ISO-8601 " + (type == ColumnType.DATE
                        ? "date (yyyy-MM-dd)" : "instant (2024-01-31T12:00:00Z)"), e);
            }
        }

        @Override
        String describe() {
            return "string '" + v + "'";
        }
    }

    static final class BoolLit extends Node {
        final boolean v;

        BoolLit(boolean v) {
            this.v = v;
        }

        @Override
        boolean isBoolean() {
            return true;
        }

        @Override
        ColumnType valueType(List<Column> columns) {
            return ColumnType.FLOATING;
        }

        @Override
        NumEval num(List<Column> columns) {
            return new NumLit(v ? 1 : 0).num(columns);
        }

        @Override
        BoolEval bool(List<Column> columns) {
            return new BoolEval() {
                @Override
                public boolean test(Row row) {
                    return v;
                }
            };
        }

        @Override
        String describe() {
            return Boolean.toString(v);
        }
    }

    static final class Negate extends Node {
        final Node inner;

        Negate(Node inner) {
            this.inner = inner;
        }

        @Override
        ColumnType valueType(List<Column> columns) {
            return ColumnType.FLOATING;
        }

        @Override
        NumEval num(List<Column> columns) {
            NumEval x = inner.num(columns);
            return new NumEval() {
                @Override
                boolean eval(Row row) {
                    if (!x.eval(row)) {
                        return false;
                    }
                    value = -x.value;
                    return true;
                }
            };
        }

        @Override
        void collect(Set<String> names) {
            inner.collect(names);
        }

        @Override
        String describe() {
            return "-" + inner.describe();
        }
    }

    static final class Arith extends Node {
        final char op;
        final Node left;
        final Node right;

        Arith(char op, Node left, Node right) {
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        ColumnType valueType(List<Column> columns) {
            return ColumnType.FLOATING;
        }

        @Override
        NumEval num(List<Column> columns) {
            NumEval l = left.num(columns);
            NumEval r = right.num(columns);
            char o = op;
            return new NumEval() {
                @Override
                boolean eval(Row row) {
                    if (!l.eval(row) || !r.eval(row)) {
                        return false;
                    }
                    switch (o) {
                        case '+':
                            value = l.value + r.value;
                            break;
                        case '-':
                            value = l.value - r.value;
                            break;
                        case '*':
                            value = l.value * r.value;
                            break;
                        case '/':
                            value = l.value / r.value;
                            break;
                        default:
                            value = l.value % r.value;
                            break;
                    }
                    return true;
                }
            };
        }

        @Override
        void collect(Set<String> names) {
            left.collect(names);
            right.collect(names);
        }

        @Override
        String describe() {
            return "(" + left.describe() + " " + op + " " + right.describe() + ")";
        }
    }

    static final class Compare extends Node {
        final String op;
        final Node left;
        final Node right;

        Compare(String op, Node left, Node right) {
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        boolean isBoolean() {
            return true;
        }

        private static ColumnType temporal(Node n, List<Column> columns) {
            if (n instanceof ColumnRef) {
                ColumnType t = ((ColumnRef) n).type(columns);
                if (t == ColumnType.DATE || t == ColumnType.TIMESTAMP) {
                    return t;
                }
            }
            return null;
        }

        @Override
        BoolEval bool(List<Column> columns) {
            Node l = left;
            Node r = right;
            ColumnType lt = temporal(l, columns);
            ColumnType rt = temporal(r, columns);
            if (lt != null && r instanceof StrLit) {
                r = ((StrLit) r).asTemporal(lt);
            }
            if (rt != null && l instanceof StrLit) {
                l = ((StrLit) l).asTemporal(rt);
            }
            boolean lStr = l.valueType(columns) == ColumnType.CATEGORICAL;
            boolean rStr = r.valueType(columns) == ColumnType.CATEGORICAL;
            if (lStr != rStr) {
                throw new InvalidInputException("cannot compare " + l.describe() + " with " + r.describe()
                        + ": one is a string, the other a number");
            }
            int cmp = opCode(op);
            if (lStr) {
                StrEval a = l.str(columns);
                StrEval b = r.str(columns);
                return new BoolEval() {
                    @Override
                    public boolean test(Row row) {
                        String x = a.eval(row);
                        String y = x == null ? null : b.eval(row);
                        return y != null && holds(cmp, x.compareTo(y), false);
                    }
                };
            }
            NumEval a = l.num(columns);
            NumEval b = r.num(columns);
            return new BoolEval() {
                @Override
                public boolean test(Row row) {
                    if (!a.eval(row) || !b.eval(row)) {
                        return false;
                    }
                    double x = a.value;
                    double y = b.value;
                    boolean unordered = Double.isNaN(x) || Double.isNaN(y);
                    return holds(cmp, Double.compare(x, y), unordered);
                }
            };
        }

        @Override
        void collect(Set<String> names) {
            left.collect(names);
            right.collect(names);
        }

        @Override
        String describe() {
            return left.describe() + " " + op + " " + right.describe();
        }
    }

    static int opCode(String op) {
        switch (op) {
            case "=":
            case "==":
                return 0;
            case "!=":
            case "<>":
                return 1;
            case "<":
                return 2;
            case "<=":
                return 3;
            case ">":
                return 4;
            default:
                return 5;
        }
    }

    /** IEEE semantics for NaN: every comparison is false except {@code !=}. */
    static boolean holds(int op, int c, boolean unordered) {
        if (unordered) {
            return op == 1;
        }
        switch (op) {
            case 0:
                return c == 0;
            case 1:
                return c != 0;
            case 2:
                return c < 0;
            case 3:
                return c <= 0;
            case 4:
                return c > 0;
            default:
                return c >= 0;
        }
    }

    static final class IsNull extends Node {
        final Node inner;
        final boolean negated;

        IsNull(Node inner, boolean negated) {
            this.inner = inner;
            this.negated = negated;
        }

        @Override
        boolean isBoolean() {
            return true;
        }

        @Override
        BoolEval bool(List<Column> columns) {
            boolean neg = negated;
            if (inner.valueType(columns) == ColumnType.CATEGORICAL) {
                StrEval s = inner.str(columns);
                return new BoolEval() {
                    @Override
                    public boolean test(Row row) {
                        return (s.eval(row) == null) != neg;
                    }
                };
            }
            NumEval n = inner.num(columns);
            return new BoolEval() {
                @Override
                public boolean test(Row row) {
                    return !n.eval(row) != neg;
                }
            };
        }

        @Override
        void collect(Set<String> names) {
            inner.collect(names);
        }

        @Override
        String describe() {
            return inner.describe() + (negated ? " IS NOT NULL" : " IS NULL");
        }
    }

    static final class In extends Node {
        final Node inner;
        final List<Node> values;
        final boolean negated;

        In(Node inner, List<Node> values, boolean negated) {
            this.inner = inner;
            this.values = values;
            this.negated = negated;
        }

        @Override
        boolean isBoolean() {
            return true;
        }

        @Override
        BoolEval bool(List<Column> columns) {
            boolean neg = negated;
            ColumnType temporal = Compare.temporal(inner, columns);
            if (inner.valueType(columns) == ColumnType.CATEGORICAL) {
                Set<String> set = new java.util.HashSet<>();
                for (Node v : values) {
                    if (!(v instanceof StrLit)) {
                        throw new InvalidInputException(inner.describe() + " is a string; its IN list must hold"
                                + " strings, found " + v.describe());
                    }
                    set.add(((StrLit) v).v);
                }
                StrEval s = inner.str(columns);
                return new BoolEval() {
                    @Override
                    public boolean test(Row row) {
                        String x = s.eval(row);
                        return x != null && set.contains(x) != neg;
                    }
                };
            }
            double[] nums = new double[values.size()];
            for (int i = 0; i < nums.length; i++) {
                Node v = values.get(i);
                if (temporal != null && v instanceof StrLit) {
                    v = ((StrLit) v).asTemporal(temporal);
                }
                if (v instanceof NumLit) {
                    nums[i] = ((NumLit) v).v;
                } else if (v instanceof BoolLit) {
                    nums[i] = ((BoolLit) v).v ? 1 : 0;
                } else {
                    throw new InvalidInputException(inner.describe() + " is a number; its IN list must hold"
                            + " numbers, found " + v.describe());
                }
            }
            NumEval n = inner.num(columns);
            return new BoolEval() {
                @Override
                public boolean test(Row row) {
                    if (!n.eval(row)) {
                        return false;
                    }
                    boolean found = false;
                    for (double d : nums) {
                        if (d == n.value) {
                            found = true;
                            break;
                        }
                    }
                    return found != neg;
                }
            };
        }

        @Override
        void collect(Set<String> names) {
            inner.collect(names);
        }

        @Override
        String describe() {
            return inner.describe() + (negated ? " NOT IN (...)" : " IN (...)");
        }
    }

    static final class Logic extends Node {
        final boolean and;
        final Node left;
        final Node right;

        Logic(boolean and, Node left, Node right) {
            this.and = and;
            this.left = left;
            this.right = right;
        }

        @Override
        boolean isBoolean() {
            return true;
        }

        @Override
        BoolEval bool(List<Column> columns) {
            BoolEval l = left.bool(columns);
            BoolEval r = right.bool(columns);
            if (and) {
                return new BoolEval() {
                    @Override
                    public boolean test(Row row) {
                        return l.test(row) && r.test(row);
                    }
                };
            }
            return new BoolEval() {
                @Override
                public boolean test(Row row) {
                    return l.test(row) || r.test(row);
                }
            };
        }

        @Override
        void collect(Set<String> names) {
            left.collect(names);
            right.collect(names);
        }

        @Override
        String describe() {
            return "(" + left.describe() + (and ? " AND " : " OR ") + right.describe() + ")";
        }
    }

    static final class Not extends Node {
        final Node inner;

        Not(Node inner) {
            this.inner = inner;
        }

        @Override
        boolean isBoolean() {
            return true;
        }

        @Override
        BoolEval bool(List<Column> columns) {
            BoolEval b = inner.bool(columns);
            return new BoolEval() {
                @Override
                public boolean test(Row row) {
                    return !b.test(row);
                }
            };
        }

        @Override
        void collect(Set<String> names) {
            inner.collect(names);
        }

        @Override
        String describe() {
            return "NOT " + inner.describe();
        }
    }
}

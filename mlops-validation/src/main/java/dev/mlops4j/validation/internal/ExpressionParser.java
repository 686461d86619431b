package dev.mlops4j.validation.internal;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.internal.ExpressionNodes.Arith;
import dev.mlops4j.validation.internal.ExpressionNodes.BoolLit;
import dev.mlops4j.validation.internal.ExpressionNodes.ColumnRef;
import dev.mlops4j.validation.internal.ExpressionNodes.Compare;
import dev.mlops4j.validation.internal.ExpressionNodes.In;
import dev.mlops4j.validation.internal.ExpressionNodes.IsNull;
import dev.mlops4j.validation.internal.ExpressionNodes.Logic;
import dev.mlops4j.validation.internal.ExpressionNodes.Negate;
import dev.mlops4j.validation.internal.ExpressionNodes.Node;
import dev.mlops4j.validation.internal.ExpressionNodes.Not;
import dev.mlops4j.validation.internal.ExpressionNodes.NumLit;
import dev.mlops4j.validation.internal.ExpressionNodes.StrLit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Tokenizer and recursive-descent parser of the {@link RowExpression} grammar. */
final class ExpressionParser {
    private ExpressionParser() {
    }

    enum Kind { IDENT, QUOTED_IDENT, NUMBER, STRING, OP, LPAREN, RPAREN, COMMA, END }

    record Token(Kind kind, String text, int pos) {
        boolean keyword(String k) {
            return kind == Kind.IDENT && text.equalsIgnoreCase(k);
        }

        boolean op(String o) {
            return kind == Kind.OP && text.equals(o);
        }
    }

    static final class Parser {
        private final String src;
        private final List<Token> tokens = new ArrayList<>();
        private int next;

        Parser(String src) {
            this.src = src;
            tokenize();
        }

        InvalidInputException error(String message) {
            int pos = peek().pos;
            return new InvalidInputException("invalid expression '" + src + "': " + message + " at position "
                    + (pos + 1) + "\n  " + src + "\n  " + " ".repeat(pos) + "^");
        }

        private void tokenize() {
            int i = 0;
            int n = src.length();
            while (i < n) {
                char c = src.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (Character.isLetter(c) || c == '_') {
                    int s = i;
                    while (i < n && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_'
                            || src.charAt(i) == '.')) {
                        i++;
                    }
                    tokens.add(new Token(Kind.IDENT, src.substring(s, i), s));
                } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(src.charAt(i + 1))) {
                    int s = i;
                    while (i < n && (Character.isDigit(src.charAt(i)) || src.charAt(i) == '.')) {
                        i++;
                    }
                    if (i < n && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
                        i++;
                        if (i < n && (src.charAt(i) == '+' || src.charAt(i) == '-')) {
                            i++;
                        }
                        while (i < n && Character.isDigit(src.charAt(i))) {
                            i++;
                        }
                    }
                    tokens.add(new Token(Kind.NUMBER, src.substring(s, i), s));
                } else if (c == '\'' || c == '`') {
                    int s = i;
                    StringBuilder sb = new StringBuilder();
                    i++;
                    boolean closed = false;
                    while (i < n) {
                        char d = src.charAt(i);
                        if (d == c) {
                            if (i + 1 < n && src.charAt(i + 1) == c) {
                                sb.append(c);
                                i += 2;
                                continue;
                            }
                            closed = true;
                            i++;
                            break;
                        }
                        sb.append(d);
                        i++;
                    }
                    if (!closed) {
                        tokens.add(new Token(Kind.END, "", s));
                        next = tokens.size() - 1;
                        throw error("unterminated " + (c == '\'' ? "string" : "quoted column name"));
                    }
                    tokens.add(new Token(c == '\'' ? Kind.STRING : Kind.QUOTED_IDENT, sb.toString(), s));
                } else if (c == '(') {
                    tokens.add(new Token(Kind.LPAREN, "(", i++));
                } else if (c == ')') {
                    tokens.add(new Token(Kind.RPAREN, ")", i++));
                } else if (c == ',') {
                    tokens.add(new Token(Kind.COMMA, ",", i++));
                } else {
                    String two = i + 1 < n ? src.substring(i, i + 2) : "";
                    if (List.of("==", "!=", "<>", "<=", ">=", "&&", "||").contains(two)) {
                        tokens.add(new Token(Kind.OP, two, i));
                        i += 2;
                    } else if ("=<>+-*/%!".indexOf(c) >= 0) {
                        tokens.add(new Token(Kind.OP, String.valueOf(c), i++));
                    } else {
                        tokens.add(new Token(Kind.END, "", i));
                        next = tokens.size() - 1;
                        throw error("unexpected character '" + c + "'");
                    }
                }
            }
            tokens.add(new Token(Kind.END, "end of expression", n));
        }

        Token peek() {
            return tokens.get(next);
        }

        Token take() {
            return tokens.get(next++);
        }

        Node expr() {
            Node n = and();
            while (peek().keyword("OR") || peek().op("||")) {
                take();
                n = new Logic(false, requireBool(n), requireBool(and()));
            }
            return n;
        }

        Node and() {
            Node n = not();
            while (peek().keyword("AND") || peek().op("&&")) {
                take();
                n = new Logic(true, requireBool(n), requireBool(not()));
            }
            return n;
        }

        Node not() {
            if (peek().keyword("NOT") || peek().op("!")) {
                take();
                return new Not(requireBool(not()));
            }
            return comparison();
        }

        private Node requireBool(Node n) {
            if (!n.isBoolean()) {
                throw error(n.describe() + " is not a condition");
            }
            return n;
        }

        Node comparison() {
            Node left = sum();
            Token t = peek();
            if (t.kind == Kind.OP && List.of("=", "==", "!=", "<>", "<", "<=", ">", ">=").contains(t.text)) {
                take();
                return new Compare(t.text, left, sum());
            }
            if (t.keyword("IS")) {
                take();
                boolean negated = false;
                if (peek().keyword("NOT")) {
                    take();
                    negated = true;
                }
                if (!peek().keyword("NULL")) {
                    throw error("expected NULL after IS");
                }
                take();
                return new IsNull(left, negated);
            }
            boolean negated = false;
            if (t.keyword("NOT") && next + 1 < tokens.size() && tokens.get(next + 1).keyword("IN")) {
                take();
                negated = true;
            }
            if (peek().keyword("IN")) {
                take();
                if (peek().kind != Kind.LPAREN) {
                    throw error("expected '(' after IN");
                }
                take();
                List<Node> values = new ArrayList<>();
                do {
                    values.add(literal());
                } while (peek().kind == Kind.COMMA && take() != null);
                if (peek().kind != Kind.RPAREN) {
                    throw error("expected ',' or ')' in the IN list");
                }
                take();
                return new In(left, values, negated);
            }
            return left;
        }

        private Node literal() {
            Token t = peek();
            boolean minus = false;
            if (t.op("-")) {
                take();
                minus = true;
                t = peek();
            }
            if (t.kind == Kind.NUMBER) {
                take();
                double v = number(t);
                return new NumLit(minus ? -v : v);
            }
            if (!minus && t.kind == Kind.STRING) {
                take();
                return new StrLit(t.text);
            }
            if (!minus && (t.keyword("TRUE") || t.keyword("FALSE"))) {
                take();
                return new BoolLit(t.keyword("TRUE"));
            }
            throw error("expected a literal (number, 'string', TRUE or FALSE)");
        }

        private double number(Token t) {
            try {
                return Double.parseDouble(t.text);
            } catch (NumberFormatException e) {
                throw error("'" + t.text + "' is not a number");
            }
        }

        Node sum() {
            Node n = product();
            while (peek().op("+") || peek().op("-")) {
                char op = take().text.charAt(0);
                n = new Arith(op, n, product());
            }
            return n;
        }

        Node product() {
            Node n = unary();
            while (peek().op("*") || peek().op("/") || peek().op("%")) {
                char op = take().text.charAt(0);
                n = new Arith(op, n, unary());
            }
            return n;
        }

        Node unary() {
            if (peek().op("-")) {
                take();
                return new Negate(unary());
            }
            return primary();
        }

        Node primary() {
            Token t = peek();
            switch (t.kind) {
                case NUMBER:
                    take();
                    return new NumLit(number(t));
                case STRING:
                    take();
                    return new StrLit(t.text);
                case QUOTED_IDENT:
                    take();
                    return new ColumnRef(t.text);
                case LPAREN: {
                    take();
                    Node n = expr();
                    if (peek().kind != Kind.RPAREN) {
                        throw error("expected ')'");
                    }
                    take();
                    return n;
                }
                case IDENT: {
                    String upper = t.text.toUpperCase(Locale.ROOT);
                    if (upper.equals("TRUE") || upper.equals("FALSE")) {
                        take();
                        return new BoolLit(upper.equals("TRUE"));
                    }
                    if (List.of("AND", "OR", "NOT", "IS", "NULL", "IN").contains(upper)) {
                        throw error("unexpected keyword " + upper + " (quote a column with this name as `"
                                + t.text + "`)");
                    }
                    take();
                    return new ColumnRef(t.text);
                }
                default:
                    throw error(t.kind == Kind.END ? "unexpected end of expression" : "unexpected '" + t.text + "'");
            }
        }
    }
}

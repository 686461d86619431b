package dev.mlops4j.search;

import dev.mlops4j.FilterSyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Hand-written recursive-descent parser of the run-search language.
 *
 * <p>Grammar (keywords case-insensitive, whitespace free between tokens):
 * <pre>
 * filter   := or EOF
 * or       := and ( OR and )*
 * and      := unary ( AND unary )*
 * unary    := NOT unary | '(' or ')' | term
 * term     := field ( cmp value | [NOT] IN '(' string (',' string)* ')' | IS [NOT] NULL )
 * cmp      := = | != | &lt;&gt; | &lt; | &lt;= | &gt; | &gt;= | LIKE | ILIKE
 * field    := prefix '.' key | attribute-name
 * prefix   := metrics | metric | params | param | parameters | parameter | tags | tag
 *           | attributes | attribute | attr | run
 * key      := [A-Za-z0-9_.:/-]+ | quoted
 * value    := number | quoted          (numbers for metrics and times, strings for the rest)
 * orderBy  := field [ ASC | DESC ] EOF
 * </pre>
 * The parser is scanner-less: each rule reads the characters it expects at the current position, so
 * that words are interpreted by context (a key may look like a number, a value may look like a key).
 *
 * <p>Quoted strings and keys use single quotes, double quotes or backticks. Inside them a backslash
 * followed by a quote character or another backslash stands for that character; any other backslash is
 * kept as written, so LIKE escapes read naturally ({@code '100\%'} is the pattern {@code 100\%}).
 *
 * <p>Every failure is a {@link FilterSyntaxException} carrying the 1-based column of the offending token.
 * Nesting of parentheses and {@code NOT} is bounded by {@link #MAX_DEPTH} so that no input can overflow
 * the stack, and every loop consumes input, so the parser terminates on any input.
 */
final class FilterParser {
    /** Deepest nesting of parentheses and NOT accepted; far beyond any hand-written filter. */
    static final int MAX_DEPTH = 100;

    private static final Pattern NUMBER_TEXT = Pattern.compile("\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*");
    private static final String OPERATORS = "(=, !=, <, <=, >, >=, LIKE, ILIKE, IN, IS)";
    private static final int SNIPPET = 30;

    private final String in;
    private final String what;
    private int pos;
    private int depth;

    private FilterParser(String in, String what) {
        this.in = in;
        this.what = what;
    }

    /**
     * @param text filter text
     * @return its syntax tree
     * @throws FilterSyntaxException if the text is null, blank or malformed
     */
    static Filter parseFilter(String text) {
        if (text == null) {
            throw new FilterSyntaxException("", 1, "the filter is null; pass a condition such as"
                    + " metrics.accuracy > 0.9, or no filter to match every run");
        }
        FilterParser p = new FilterParser(text, "filter");
        p.skipWs();
        if (p.atEnd()) {
            throw new FilterSyntaxException(text, 1, "the filter is empty; write a condition such as"
                    + " metrics.accuracy > 0.9, or pass no filter to match every run");
        }
        Filter f = p.parseOr();
        p.skipWs();
        if (!p.atEnd()) {
            throw p.error(p.pos, p.peek() == ')'
                    ? "found ')' without a matching '('"
                    : "expected AND, OR or the end of the filter but found " + p.found(p.pos));
        }
        return f;
    }

    /**
     * @param text one order-by clause, e.g. {@code metrics.accuracy DESC}
     * @return the ordering key
     * @throws FilterSyntaxException if the text is null, blank or malformed
     */
    static OrderBy parseOrderBy(String text) {
        if (text == null) {
            throw new FilterSyntaxException("", 1, "the order-by clause is null; write one such as metrics.accuracy DESC");
        }
        FilterParser p = new FilterParser(text, "order-by clause");
        p.skipWs();
        if (p.atEnd()) {
            throw new FilterSyntaxException(text, 1, "the order-by clause is empty; write one such as"
                    + " metrics.accuracy DESC or start_time");
        }
        int fieldStart = p.pos;
        Field field = p.parseField();
        String fieldText = text.substring(fieldStart, p.pos);
        p.skipWs();
        boolean ascending = true;
        if (p.atKeyword("ASC")) {
            p.pos += 3;
        } else if (p.atKeyword("DESC")) {
            ascending = false;
            p.pos += 4;
        } else if (!p.atEnd()) {
            throw p.error(p.pos, "expected ASC, DESC or the end of the order-by clause after " + fieldText
                    + " but found " + p.found(p.pos) + commaHint(p));
        }
        p.skipWs();
        if (!p.atEnd()) {
            throw p.error(p.pos, "expected the end of the order-by clause after " + (ascending ? "ASC" : "DESC")
                    + " but found " + p.found(p.pos) + commaHint(p));
        }
        return new OrderBy(field, ascending);
    }

    private static String commaHint(FilterParser p) {
        return p.peek() == ',' ? "; give each ordering key as its own clause, e.g. orderBy(\"metrics.a DESC\", \"params.b\")" : "";
    }

    // ---------------------------------------------------------------- boolean structure

    private Filter parseOr() {
        List<Filter> terms = new ArrayList<>();
        addFlattened(terms, parseAnd(), Filter.Or.class);
        while (true) {
            skipWs();
            if (!atKeyword("OR")) {
                break;
            }
            pos += 2;
            addFlattened(terms, parseAnd(), Filter.Or.class);
        }
        return terms.size() == 1 ? terms.get(0) : new Filter.Or(terms);
    }

    private Filter parseAnd() {
        List<Filter> terms = new ArrayList<>();
        addFlattened(terms, parseUnary(), Filter.And.class);
        while (true) {
            skipWs();
            if (!atKeyword("AND")) {
                break;
            }
            pos += 3;
            addFlattened(terms, parseUnary(), Filter.And.class);
        }
        return terms.size() == 1 ? terms.get(0) : new Filter.And(terms);
    }

    /** (a AND b) AND c is the same condition as a AND b AND c; one flat list keeps trees canonical. */
    private static void addFlattened(List<Filter> terms, Filter term, Class<? extends Filter> kind) {
        if (kind.isInstance(term)) {
            terms.addAll(term instanceof Filter.And a ? a.terms() : ((Filter.Or) term).terms());
        } else {
            terms.add(term);
        }
    }

    private Filter parseUnary() {
        skipWs();
        int start = pos;
        if (atKeyword("NOT")) {
            enter(start);
            pos += 3;
            skipWs();
            if (atEnd()) {
                throw error(pos, "expected a condition after NOT but found the end of the " + what);
            }
            Filter term = parseUnary();
            depth--;
            return new Filter.Not(term);
        }
        if (peek() == '(') {
            enter(start);
            pos++;
            Filter inner = parseOr();
            skipWs();
            if (peek() != ')') {
                throw error(pos, "expected ')' to close the '(' at column " + (start + 1) + " (or AND, OR)"
                        + " but found " + found(pos));
            }
            pos++;
            depth--;
            return inner;
        }
        if (atEnd()) {
            throw error(pos, "expected a condition (such as metrics.accuracy > 0.9), NOT or '(' but found the end"
                    + " of the " + what);
        }
        if (peek() == ')' || atKeyword("AND") || atKeyword("OR")) {
            throw error(pos, "expected a condition (such as metrics.accuracy > 0.9), NOT or '(' but found "
                    + found(pos));
        }
        return parseTerm();
    }

    private void enter(int at) {
        if (++depth > MAX_DEPTH) {
            throw error(at, "parentheses and NOT are nested more than " + MAX_DEPTH + " levels deep; simplify the"
                    + " filter");
        }
    }

    // ---------------------------------------------------------------- terms

    private Filter parseTerm() {
        int fieldStart = pos;
        Field field = parseField();
        String fieldText = in.substring(fieldStart, pos);
        skipWs();
        int opStart = pos;
        if (in.startsWith("==", pos)) {
            throw error(opStart, "found '==' after " + fieldText + "; write a single '=' for equality");
        }
        Operator op = symbolOperator();
        if (op != null) {
            checkOperator(field, fieldText, op, opStart);
            return new Filter.Comparison(field, op, parseValue(field, fieldText + " " + op.symbol(), op));
        }
        if (atKeyword("LIKE") || atKeyword("ILIKE")) {
            op = atKeyword("LIKE") ? Operator.LIKE : Operator.ILIKE;
            pos += op.symbol().length();
            checkOperator(field, fieldText, op, opStart);
            return new Filter.Comparison(field, op, parseValue(field, fieldText + " " + op.symbol(), op));
        }
        if (atKeyword("IN")) {
            pos += 2;
            return parseIn(field, fieldText, false, opStart);
        }
        if (atKeyword("NOT")) {
            pos += 3;
            skipWs();
            if (atKeyword("IN")) {
                pos += 2;
                return parseIn(field, fieldText, true, opStart);
            }
            if (atKeyword("LIKE") || atKeyword("ILIKE")) {
                throw error(opStart, "NOT LIKE is not supported; write NOT (" + fieldText + " LIKE '...'), which"
                        + " also matches runs without " + fieldText);
            }
            throw error(pos, "expected IN after " + fieldText + " NOT but found " + found(pos));
        }
        if (atKeyword("IS")) {
            pos += 2;
            skipWs();
            boolean negated = false;
            if (atKeyword("NOT")) {
                negated = true;
                pos += 3;
                skipWs();
            }
            if (!atKeyword("NULL")) {
                throw error(pos, "expected " + (negated ? "NULL" : "NULL or NOT NULL") + " after " + fieldText
                        + (negated ? " IS NOT" : " IS") + " but found " + found(pos));
            }
            pos += 4;
            return new Filter.IsNull(field, negated);
        }
        throw error(opStart, "expected a comparison operator " + OPERATORS + " after " + fieldText + " but found "
                + found(opStart));
    }

    private Operator symbolOperator() {
        String[] symbols = {"!=", "<>", "<=", ">=", "<", ">", "="};
        Operator[] ops = {Operator.NE, Operator.NE, Operator.LE, Operator.GE, Operator.LT, Operator.GT, Operator.EQ};
        for (int i = 0; i < symbols.length; i++) {
            if (in.startsWith(symbols[i], pos)) {
                pos += symbols[i].length();
                return ops[i];
            }
        }
        return null;
    }

    private void checkOperator(Field field, String fieldText, Operator op, int opStart) {
        boolean ordering = op == Operator.LT || op == Operator.LE || op == Operator.GT || op == Operator.GE;
        if (ordering && !field.isNumeric()) {
            throw error(opStart, "'" + op.symbol() + "' compares numbers and " + typeNote(field) + "; use =, !=,"
                    + " LIKE, ILIKE, IN or IS NULL on " + fieldText);
        }
        if (op.isPattern() && field.isNumeric()) {
            throw error(opStart, op.symbol() + " matches strings and " + typeNote(field) + "; use =, !=, <, <=, >"
                    + " or >= on " + fieldText);
        }
    }

    private Filter parseIn(Field field, String fieldText, boolean negated, int opStart) {
        String opText = negated ? "NOT IN" : "IN";
        if (field.isNumeric()) {
            throw error(opStart, opText + " works on strings and " + typeNote(field) + "; write " + fieldText
                    + " = 1 OR " + fieldText + " = 2 instead");
        }
        skipWs();
        if (peek() != '(') {
            throw error(pos, "expected '(' after " + fieldText + " " + opText + " but found " + found(pos)
                    + "; write " + fieldText + " " + opText + " ('a', 'b')");
        }
        int open = pos;
        pos++;
        List<String> values = new ArrayList<>();
        while (true) {
            skipWs();
            if (peek() == ')' && values.isEmpty()) {
                throw error(pos, opText + " needs at least one value; write " + fieldText + " " + opText + " ('a')");
            }
            values.add(parseString(field, fieldText + " " + opText + " (", false));
            skipWs();
            if (peek() == ',') {
                pos++;
            } else if (peek() == ')') {
                pos++;
                return new Filter.In(field, values, negated);
            } else {
                throw error(pos, "expected ',' or ')' in the " + opText + " list opened at column " + (open + 1)
                        + " but found " + found(pos));
            }
        }
    }

    // ---------------------------------------------------------------- values

    private Object parseValue(Field field, String context, Operator op) {
        skipWs();
        if (field.isNumeric()) {
            return parseNumber(field, context);
        }
        return parseString(field, context, op.isPattern());
    }

    private Double parseNumber(Field field, String context) {
        int start = pos;
        if (isQuote(peek())) {
            String s = readQuoted();
            String hint = NUMBER_TEXT.matcher(s).matches() ? context + " " + s.strip() : context + " 0.5";
            throw error(start, typeNote(field) + ": write the value without quotes, e.g. " + hint);
        }
        int p = pos;
        if (p < in.length() && (in.charAt(p) == '+' || in.charAt(p) == '-')) {
            p++;
        }
        String word = wordAt(p);
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.equals("nan") || lower.equals("infinity") || lower.equals("inf")) {
            pos = p + word.length();
            if (lower.equals("nan")) {
                return Double.NaN;
            }
            return in.charAt(start) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        int digits = 0;
        while (p < in.length() && isDigit(in.charAt(p))) {
            p++;
            digits++;
        }
        if (p < in.length() && in.charAt(p) == '.') {
            p++;
            while (p < in.length() && isDigit(in.charAt(p))) {
                p++;
                digits++;
            }
        }
        if (digits == 0) {
            throw error(start, "expected a number after " + context + " but found " + found(start) + "; "
                    + typeNote(field));
        }
        if (p < in.length() && (in.charAt(p) == 'e' || in.charAt(p) == 'E')) {
            p++;
            if (p < in.length() && (in.charAt(p) == '+' || in.charAt(p) == '-')) {
                p++;
            }
            int expDigits = 0;
            while (p < in.length() && isDigit(in.charAt(p))) {
                p++;
                expDigits++;
            }
            if (expDigits == 0) {
                throw error(start, "malformed number " + quote(in.substring(start, Math.min(p, start + SNIPPET)))
                        + ": an exponent needs digits, e.g. 1e-3");
            }
        }
        if (p < in.length() && (isWordChar(in.charAt(p)) || in.charAt(p) == '.')) {
            throw error(start, "malformed number " + quote(tokenText(start)) + " after " + context);
        }
        double value = Double.parseDouble(in.substring(start, p));
        if (Double.isInfinite(value)) {
            throw error(start, "number " + quote(abbreviate(in.substring(start, p))) + " is out of the range of a"
                    + " double; write Infinity or -Infinity if you mean it");
        }
        pos = p;
        return value;
    }

    private String parseString(Field field, String context, boolean pattern) {
        int start = pos;
        if (!isQuote(peek())) {
            if (atEnd()) {
                throw error(start, "expected a quoted string after " + context + " but found the end of the " + what);
            }
            String token = tokenText(start);
            String problem = "expected a quoted string after " + context + " but found " + quote(token);
            if (isKeyChar(token.charAt(0)) || token.charAt(0) == '+') {
                problem += "; " + typeNote(field) + ": quote the value, " + context
                        + (context.endsWith("(") ? "'" + token + "')" : " '" + token + "'");
            }
            throw error(start, problem);
        }
        String value = readQuoted();
        if (pattern && endsWithLoneEscape(value)) {
            throw error(start, "the pattern ends with the escape character '\\', which escapes nothing; to match a"
                    + " backslash write \\\\\\\\ inside the quotes (the string escape \\\\ gives one backslash,"
                    + " and LIKE needs two)");
        }
        return value;
    }

    private static boolean endsWithLoneEscape(String pattern) {
        boolean escaped = false;
        for (int i = 0; i < pattern.length(); i++) {
            escaped = !escaped && pattern.charAt(i) == '\\';
        }
        return escaped;
    }

    /** Reads a string quoted with ', " or ` at {@code pos}; see the class comment for escapes. */
    private String readQuoted() {
        int start = pos;
        char q = in.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (pos < in.length()) {
            char c = in.charAt(pos);
            if (c == '\\' && pos + 1 < in.length() && (in.charAt(pos + 1) == '\\' || isQuote(in.charAt(pos + 1)))) {
                sb.append(in.charAt(pos + 1));
                pos += 2;
            } else if (c == q) {
                pos++;
                return sb.toString();
            } else {
                sb.append(c);
                pos++;
            }
        }
        throw error(start, "unterminated " + (q == '`' ? "quoted key" : "string") + ": this " + q + " is never closed;"
                + " close it with " + q + " (write \\" + q + " for a " + q + " inside)");
    }

    // ---------------------------------------------------------------- fields

    private Field parseField() {
        skipWs();
        int start = pos;
        if (isQuote(peek())) {
            throw error(start, "expected a field but found a quoted string; quoted keys need a prefix, e.g."
                    + " params.`my key` or metrics.\"val loss\"");
        }
        String word = wordAt(pos);
        if (word.isEmpty()) {
            throw error(start, "expected a field (metrics.<key>, params.<key>, tags.<key> or an attribute such as"
                    + " status) but found " + found(start));
        }
        pos += word.length();
        if (peek() != '.') {
            Optional<Attribute> attribute = Attribute.byName(word);
            if (attribute.isEmpty() && prefixKind(word) != null) {
                throw error(pos, "expected '.' and a key after " + quote(word) + " but found " + found(pos)
                        + "; write e.g. " + word + "." + switch (prefixKind(word)) {
                            case METRIC -> "accuracy";
                            case PARAM -> "model";
                            case TAG -> "team";
                            case ATTRIBUTE -> "status";
                        });
            }
            if (attribute.isEmpty()) {
                throw error(start, "unknown field " + quote(word) + "; write metrics." + word + ", params." + word
                        + " or tags." + word + ", or use an attribute: " + attributeNames());
            }
            return Field.attribute(attribute.get());
        }
        Field.Kind kind = prefixKind(word);
        if (kind == null) {
            throw error(start, "unknown prefix " + quote(word + ".") + "; use metrics., params., tags. or attributes.");
        }
        pos++;
        int keyStart = pos;
        String key;
        if (isQuote(peek())) {
            key = readQuoted();
            if (key.isEmpty()) {
                throw error(keyStart, "the quoted key after " + quote(word + ".") + " is empty");
            }
        } else {
            while (pos < in.length() && isKeyChar(in.charAt(pos))) {
                pos++;
            }
            key = in.substring(keyStart, pos);
            if (key.isEmpty()) {
                throw error(keyStart, "expected a key after " + quote(word + ".") + " but found " + found(keyStart)
                        + "; quote keys with other characters, e.g. " + word + ".`my key`");
            }
        }
        return switch (kind) {
            case METRIC -> Field.metric(key);
            case PARAM -> Field.param(key);
            case TAG -> Field.tag(key);
            case ATTRIBUTE -> Field.attribute(Attribute.byName(key).orElseThrow(() -> error(keyStart,
                    "unknown attribute " + quote(key) + "; valid attributes are " + attributeNames())));
        };
    }

    private static Field.Kind prefixKind(String prefix) {
        return switch (prefix.toLowerCase(Locale.ROOT)) {
            case "metrics", "metric" -> Field.Kind.METRIC;
            case "params", "param", "parameters", "parameter" -> Field.Kind.PARAM;
            case "tags", "tag" -> Field.Kind.TAG;
            case "attributes", "attribute", "attr", "run" -> Field.Kind.ATTRIBUTE;
            default -> null;
        };
    }

    private static String attributeNames() {
        return Arrays.stream(Attribute.values()).map(a -> {
            List<String> names = a.names();
            return names.size() == 1 ? names.get(0)
                    : names.get(0) + " (or " + String.join(", ", names.subList(1, names.size())) + ")";
        }).collect(Collectors.joining(", "));
    }

    /** What kind of value the field holds, phrased for error messages. */
    private static String typeNote(Field field) {
        return switch (field.kind()) {
            case METRIC -> "metrics are numbers";
            case PARAM -> "params are strings";
            case TAG -> "tags are strings";
            case ATTRIBUTE -> field.attribute().isNumeric()
                    ? field.key() + " is a number (epoch milliseconds)"
                    : field.key() + " is a string";
        };
    }

    // ---------------------------------------------------------------- scanning helpers

    private void skipWs() {
        while (pos < in.length() && Character.isWhitespace(in.charAt(pos))) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= in.length();
    }

    private char peek() {
        return pos < in.length() ? in.charAt(pos) : '\0';
    }

    /** True if the keyword (case-insensitive) starts at pos and is not the start of a longer word. */
    private boolean atKeyword(String keyword) {
        return in.regionMatches(true, pos, keyword, 0, keyword.length())
                && (pos + keyword.length() >= in.length() || !isWordChar(in.charAt(pos + keyword.length())));
    }

    private String wordAt(int p) {
        int end = p;
        while (end < in.length() && isWordChar(in.charAt(end))) {
            end++;
        }
        return in.substring(p, end);
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_';
    }

    private static boolean isKeyChar(char c) {
        return isWordChar(c) || c == '.' || c == '-' || c == '/' || c == ':';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isQuote(char c) {
        return c == '\'' || c == '"' || c == '`';
    }

    /** The token starting at p, for messages: a word, an operator, a quoted string or one character. */
    private String tokenText(int p) {
        if (p >= in.length()) {
            return "";
        }
        char c = in.charAt(p);
        int end = p + 1;
        if (isKeyChar(c) || c == '+') {
            while (end < in.length() && (isKeyChar(in.charAt(end)) || in.charAt(end) == '+')) {
                end++;
            }
        } else if ("<>=!".indexOf(c) >= 0) {
            while (end < in.length() && "<>=!".indexOf(in.charAt(end)) >= 0) {
                end++;
            }
        } else if (isQuote(c)) {
            int close = in.indexOf(c, p + 1);
            end = close < 0 ? in.length() : close + 1;
        }
        return abbreviate(in.substring(p, end));
    }

    private String found(int p) {
        while (p < in.length() && Character.isWhitespace(in.charAt(p))) {
            p++;
        }
        return p >= in.length() ? "the end of the " + what : quote(tokenText(p));
    }

    private static String quote(String s) {
        return "'" + s + "'";
    }

    private static String abbreviate(String s) {
        return s.length() <= SNIPPET ? s : s.substring(0, SNIPPET - 3) + "...";
    }

    private FilterSyntaxException error(int at, String problem) {
        return new FilterSyntaxException(in, Math.min(at, in.length()) + 1, problem);
    }
}

package dev.mlops4j;

/**
 * A run-search filter or order-by clause could not be parsed. {@link #column()} is the 1-based
 * position in the input where parsing failed, and the message says what was expected there.
 */
public class FilterSyntaxException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    private final String input;
    private final int column;

    /**
     * @param input the text that failed to parse
     * @param column 1-based position of the problem
     * @param problem what was found and what was expected
     */
    public FilterSyntaxException(String input, int column, String problem) {
        super(problem + " at column " + column + ":\n  " + input + "\n  " + " ".repeat(Math.max(0, column - 1)) + "^");
        this.input = input;
        this.column = column;
    }

    /** @return the text that failed to parse */
    public String input() {
        return input;
    }

    /** @return the 1-based column where parsing failed */
    public int column() {
        return column;
    }
}

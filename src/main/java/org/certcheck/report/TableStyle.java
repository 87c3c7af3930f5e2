package org.certcheck.report;

/**
 * How {@link TableReporter} lays out its table.
 *
 * @param color   ANSI colors on the STATUS column; only for a terminal that asked for them
 * @param details an indented block of certificate, connection and chain facts under every row, and
 *                INFO findings among the reasons
 * @param width   the terminal width the REASONS column and the detail values wrap to; 0 for no limit
 * @param problemsOnly leave out the PASS rows (the header and the summary stay): {@code --quiet}
 */
public record TableStyle(boolean color, boolean details, int width, boolean problemsOnly) {
    public TableStyle {
        if (width < 0) {
            throw new IllegalArgumentException("width must be 0 (no limit) or a column count, got " + width);
        }
    }

    /** Every row. */
    public TableStyle(boolean color, boolean details, int width) {
        this(color, details, width, false);
    }

    /** No color, no details, no wrapping: what goes to a file or a pipe. */
    public static TableStyle plain() {
        return new TableStyle(false, false, 0);
    }
}

package org.certcheck.cli;

/** The report formats {@code --output} offers; each has a {@code Reporter} in the report package. */
enum OutputFormat {
    table, json, jsonl, junit, prometheus, csv, html;

    /** Every format but jsonl renders the whole run at once, after the last target. */
    boolean streams() {
        return this == jsonl;
    }
}

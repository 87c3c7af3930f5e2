package org.certcheck.cli;

/** The report formats {@code --output} offers; each has a {@code Reporter} in the report package. */
enum OutputFormat {
    table, json, jsonl, junit, prometheus, csv, html, ics
}

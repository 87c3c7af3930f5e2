/**
 * Turning judged targets into what a user reads: verdicts and statuses, certificate facts, and one
 * reporter per output format (table, JSON, JSON lines, CSV, HTML, JUnit, Prometheus, Nagios, iCalendar).
 * Uses {@code validate}, {@code revocation}, {@code clients}, {@code tls} records, {@code input} and
 * {@code finding}; never the network.
 */
package org.certcheck.report;

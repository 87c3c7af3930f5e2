/**
 * One network run over many targets: probe each with {@code tls} on its own thread, judge it with
 * {@code validate} and {@code revocation}, and hand the verdicts to {@code report} in input order.
 * Uses {@code tls}, {@code validate}, {@code revocation}, {@code report}, {@code input} and {@code finding}.
 */
package org.certcheck.run;

/**
 * Revocation: OCSP (stapled and fetched) and CRLs for every certificate on a trusted path, judged by
 * the run's mode, with one cache per run, and the CRL health of each issuing CA. Fetches only through
 * {@code net}; uses {@code validate}, {@code crypto}, {@code tls} records and {@code finding}.
 */
package org.certcheck.revocation;

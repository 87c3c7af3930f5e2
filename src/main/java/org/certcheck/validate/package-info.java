/**
 * The judge: every {@link org.certcheck.validate.Check} of the {@link org.certcheck.validate.CheckRegistry}
 * reads the facts a handshake (or a file) gave, builds and checks the path to the user's anchors, and
 * returns findings, never exceptions, for what it finds. Uses {@code tls} records, {@code clients},
 * {@code crypto}, {@code input} and {@code finding}; no network except through its issuer-fetcher seam.
 */
package org.certcheck.validate;

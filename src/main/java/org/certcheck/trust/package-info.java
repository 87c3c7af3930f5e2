/**
 * What a chain may end at: the corporate CA files, key stores and directories the user names, or the
 * JVM's trust store, plus client keys and the trust of https fetches. Uses {@code files},
 * {@code store}, {@code crypto}, {@code validate}, {@code tls} and {@code finding}.
 */
package org.certcheck.trust;

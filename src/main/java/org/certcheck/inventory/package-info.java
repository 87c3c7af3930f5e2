/**
 * {@code certcheck inventory}: walks directories for certificate files, reads each with {@code store}
 * and judges what it finds with {@code validate}'s checks, offline. Uses {@code files}, {@code store},
 * {@code validate}, {@code finding} and {@code report}; no network.
 */
package org.certcheck.inventory;

/**
 * Fetching a missing intermediate from the leaf's caIssuers URL (RFC 5280 4.2.2.1), once per URL per
 * run, within a time and size limit, through {@code net}. Uses {@code net} and {@code validate}'s
 * issuer-fetcher seam only.
 */
package org.certcheck.aia;

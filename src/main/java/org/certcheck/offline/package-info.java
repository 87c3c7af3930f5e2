/**
 * {@code certcheck verify --batch}: x509-limbo-shaped test cases in, one answer per line out, judged
 * by the same validator as a network check, with the case's CRLs as the only revocation source.
 * Uses {@code validate}, {@code revocation}, {@code store}, {@code input} and {@code finding}; fetches nothing.
 */
package org.certcheck.offline;

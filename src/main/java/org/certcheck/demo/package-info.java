/**
 * The built-in demo fleet: a throwaway PKI and one real TLS server on loopback per verdict, with its
 * own resolver and CRL server, so {@code certcheck demo} needs no network. Uses {@code pki},
 * {@code net}, {@code input}, {@code finding} and {@code report} (to show the verdicts it expects).
 */
package org.certcheck.demo;

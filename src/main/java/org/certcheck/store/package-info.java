/**
 * Reading certificates from the files servers and Java applications keep them in (PEM, DER, PKCS#12,
 * JKS, JCEKS), with errors that name the file. Uses {@code files} and {@code finding}.
 */
package org.certcheck.store;

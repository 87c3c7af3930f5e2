/**
 * What certcheck may fetch from the network on a certificate's say-so (OCSP, CRL, caIssuers URLs):
 * the fetch policy, its allow list, and the classification of addresses it judges by. Pure values,
 * no I/O; uses nothing of certcheck's but {@code input}'s IP-literal parser.
 */
package org.certcheck.net;

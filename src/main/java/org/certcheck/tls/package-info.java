/**
 * The handshake engine: {@link org.certcheck.tls.Prober} makes one connection per target (directly
 * or through a proxy's CONNECT tunnel, both made by {@code net}), optionally
 * speaks STARTTLS first, and runs the TLS handshake with a recording trust manager that captures the
 * chain and judges nothing; it also taps the key exchange and sends a legacy ClientHello where asked.
 * Its answer is facts, {@link org.certcheck.tls.Handshake}, or a classified
 * {@link org.certcheck.tls.ProbeFailure}; judging them is {@code validate}'s job.
 */
package org.certcheck.tls;

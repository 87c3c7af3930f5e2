/**
 * The network layer below {@code tls}, used by the probe and by revocation and AIA fetches: name
 * lookup within a time limit ({@link org.certcheck.net.Resolver}, {@link org.certcheck.net.AddressLookup},
 * {@link org.certcheck.net.AddressFamily}), connecting to a server directly or through an HTTP proxy's
 * CONNECT tunnel ({@link org.certcheck.net.DirectConnect}, {@link org.certcheck.net.ProxyTunnel}: an
 * {@link org.certcheck.net.OpenedConnection} or a {@link org.certcheck.net.ConnectFailure}), a budgeted
 * line and byte exchange with a peer ({@link org.certcheck.net.Conversation}, for STARTTLS and CONNECT),
 * socket plumbing ({@link org.certcheck.net.ConnectionLimits},
 * {@link org.certcheck.net.Sockets}, the {@link org.certcheck.net.Background} threads), which proxy a
 * target or URL goes through ({@link org.certcheck.net.HttpProxy}, {@link org.certcheck.net.NoProxy},
 * {@link org.certcheck.net.ProxyChoice}, {@link org.certcheck.net.FetchProxies}), and HTTP fetches
 * ({@link org.certcheck.net.HttpFetch} under the {@link org.certcheck.net.FetchPolicy} of what may be
 * fetched on a certificate's say-so, sharing a {@link org.certcheck.net.ByteBudget}). Uses nothing of
 * certcheck's but {@code input}'s IP-literal parser and {@code Target}; never {@code tls}.
 */
package org.certcheck.net;

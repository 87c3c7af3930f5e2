/**
 * Client compatibility (issue 15 item 3): would JDK 17, 21, 25, OpenSSL 3 at security level 1 or 2,
 * or a current browser connect to a target, and if not, why. Small immutable rule data
 * ({@link org.certcheck.clients.ClientProfile}, {@link org.certcheck.clients.ClientProfiles}) and one
 * judge ({@link org.certcheck.clients.Compatibility}) fed with facts the probe and the validator
 * already have ({@link org.certcheck.clients.ClientFacts}). Uses only {@code finding} and the
 * {@code tls} records; no I/O.
 */
package org.certcheck.clients;

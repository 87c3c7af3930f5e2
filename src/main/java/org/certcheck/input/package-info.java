/**
 * Host lists and targets: parsing a line or argument into a {@link org.certcheck.input.Target}
 * (host, port, scheme, STARTTLS protocol, address override), with problems named by file and line.
 * Never resolves a name. Uses nothing of certcheck's own.
 */
package org.certcheck.input;

/**
 * Faster cryptography for the whole process: Bouncy Castle's curve arithmetic for the JDK's TLS, and
 * signature checks on the native engine when it is loaded. Uses only the JDK and Bouncy Castle.
 */
package org.certcheck.crypto;

package org.certcheck.tls;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Puts Conscrypt's failures in the JDK's words, so that one {@link FailureClassifier} serves both
 * engines. Conscrypt reports BoringSSL's error queue, e.g. {@code Read error: ssl=0x7f..: Failure in
 * SSL library, usually a protocol error\nerror:10000410:SSL routines:OPENSSL_internal:
 * SSLV3_ALERT_HANDSHAKE_FAILURE (external/boringssl/src/ssl/tls_record.cc:592 ...)}; the reason
 * code is what a person can act on. A received alert (BoringSSL's {@code SSLV3_ALERT_*} and
 * {@code TLSV1_ALERT_*} reasons, the RFC 8446 section 6 alert names in capitals) becomes the JDK's
 * {@code Received fatal alert: handshake_failure} (its TLSV1_* reasons are all alerts received);
 * anything else keeps its reason in lower case.
 * The original exception stays the cause.
 */
final class BoringSslErrors {
    private static final Pattern REASON = Pattern.compile("OPENSSL_internal:([A-Z0-9_]+)");

    private BoringSslErrors() {
    }

    static IOException translate(IOException e) {
        Optional<String> reason = reason(e);
        if (reason.isEmpty()) {
            return e;
        }
        String code = reason.get();
        for (String prefix : new String[] {"SSLV3_ALERT_", "TLSV1_ALERT_", "TLSV1_"}) {
            if (code.startsWith(prefix)) {
                String alert = code.substring(prefix.length()).toLowerCase(Locale.ROOT);
                return (SSLException) new SSLHandshakeException("Received fatal alert: " + alert).initCause(e);
            }
        }
        String text = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        if (code.equals("WRONG_VERSION_NUMBER") || code.equals("HTTP_REQUEST") || code.equals("HTTPS_PROXY_REQUEST")) {
            // The JDK's words for a peer that does not speak TLS, which FailureClassifier knows.
            return (SSLException) new SSLException("Unsupported or unrecognized SSL message (BoringSSL: " + text
                    + ")").initCause(e);
        }
        return (SSLException) new SSLException("BoringSSL: " + text).initCause(e);
    }

    /** BoringSSL's reason code, from the first exception of the chain that carries one. */
    private static Optional<String> reason(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            Matcher matcher = REASON.matcher(String.valueOf(t.getMessage()));
            if (matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }
}

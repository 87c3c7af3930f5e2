package org.certcheck.tls;

import java.util.Locale;

/**
 * Which TLS implementation makes the probe's handshakes ({@code --tls-engine}).
 *
 * <ul>
 *   <li>{@link #CONSCRYPT}: Conscrypt (BoringSSL), for the probe's own {@code SSLContext} only; it
 *       offers the hybrid post-quantum group X25519MLKEM768 and costs a fraction of the CPU.</li>
 *   <li>{@link #JDK}: the JVM's own TLS (SunJSSE).</li>
 *   <li>{@link #AUTO}: Conscrypt where its native library loads, the JDK elsewhere.</li>
 * </ul>
 * Whatever runs first, a target whose handshake the other engine could complete gets the JDK's
 * second try (see {@code Prober}): the report says which engine read each target.
 */
public enum TlsEngine {
    AUTO, CONSCRYPT, JDK;

    /**
     * Tests and packagers may pick the default engine of probers made without one with
     * {@code -Dcertcheck.tlsEngine=jdk|conscrypt|auto}; the CLI's --tls-engine default reads it too.
     */
    public static final String PROPERTY = "certcheck.tlsEngine";

    /** {@code auto}, {@code conscrypt} or {@code jdk}; case does not matter. */
    public static TlsEngine parse(String text) {
        for (TlsEngine engine : values()) {
            if (engine.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return engine;
            }
        }
        throw new IllegalArgumentException("unknown TLS engine \"" + text + "\"; expected auto, conscrypt or jdk");
    }

    /** The engine named by {@value #PROPERTY}, or {@link #AUTO}. */
    public static TlsEngine configured() {
        return parse(System.getProperty(PROPERTY, "auto"));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The engine that runs: {@link #AUTO} becomes Conscrypt when its native library loads on this
     * machine; {@link #CONSCRYPT} asked for where it cannot load is the JDK (said by {@link #describe()}).
     */
    public TlsEngine resolved() {
        if (this == JDK) {
            return JDK;
        }
        return ConscryptProvider.available() ? CONSCRYPT : JDK;
    }

    /**
     * The file descriptors one handshake in flight holds: its socket, and with Conscrypt the pipe
     * (two descriptors) that its native SSL object keeps until the engine is closed.
     */
    public int descriptorsPerHandshake() {
        return resolved() == CONSCRYPT ? 3 : 1;
    }

    /** For {@code --version}, {@code -v} and the JSON report: {@code conscrypt 2.7.0 (BoringSSL)}. */
    public String describe() {
        TlsEngine running = resolved();
        if (running == CONSCRYPT) {
            return "conscrypt " + ConscryptProvider.version() + " (BoringSSL)";
        }
        String jdk = "jdk (SunJSSE, Java " + Runtime.version().feature() + ")";
        return this == JDK ? jdk : jdk + "; conscrypt unavailable: " + ConscryptProvider.unavailableReason();
    }
}

package org.certcheck.tls;

import java.util.Objects;
import java.util.Optional;

/**
 * Which TLS engine read a target, and why it was not the first one tried.
 *
 * @param engine   {@code conscrypt}, {@code jdk}, or {@code legacy} (certcheck's own legacy ClientHello)
 * @param fallback set when the engine of the run could not complete the handshake and this one
 *                 read the target instead: what the first engine reported
 */
public record EngineRun(String engine, Optional<String> fallback) {
    public static final EngineRun CONSCRYPT = new EngineRun("conscrypt", Optional.empty());
    public static final EngineRun JDK = new EngineRun("jdk", Optional.empty());
    /** certcheck's own legacy ClientHello, sent when the engines refused what the server speaks. */
    public static final EngineRun LEGACY = new EngineRun("legacy", Optional.empty());

    public EngineRun {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(fallback, "fallback");
    }

    static EngineRun of(TlsEngine resolved) {
        return resolved == TlsEngine.CONSCRYPT ? CONSCRYPT : JDK;
    }

    /** The JDK read the target after Conscrypt could not: {@code why} is Conscrypt's failure. */
    static EngineRun jdkAfterConscrypt(String why) {
        return new EngineRun("jdk", Optional.of("conscrypt could not complete the handshake (" + why + ")"));
    }

    /**
     * Whether the ClientHello that read the target offered X25519MLKEM768 first. True also for a
     * fallback from Conscrypt: the server refused the hello that offered it.
     */
    public boolean offeredPostQuantum() {
        return engine.equals("conscrypt") || fallback.isPresent();
    }

    /** {@code conscrypt}, or {@code jdk (conscrypt could not complete the handshake (...))}. */
    public String describe() {
        return engine + fallback.map(why -> " (" + why + ")").orElse("");
    }
}

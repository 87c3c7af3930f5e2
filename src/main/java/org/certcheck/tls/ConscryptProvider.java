package org.certcheck.tls;

import java.security.Provider;
import java.util.Optional;

import org.certcheck.crypto.SignatureChecks;
import org.conscrypt.Conscrypt;

/**
 * The one Conscrypt provider instance of the process, made when first needed and used only for
 * the probe's own {@code SSLContext}s: it is never installed in {@code java.security.Security}, so
 * nothing else in the JVM (revocation fetches, the user's trust store, Bouncy Castle) changes.
 *
 * <p>Its native library (BoringSSL) ships in the jar for Linux, macOS and Windows on x86_64 and
 * aarch64; where it cannot load (another platform, a {@code noexec} temporary directory, a libc
 * too old) {@link #available()} is false and the JDK's TLS does the probes.
 */
final class ConscryptProvider {
    private ConscryptProvider() {
    }

    private static final class Holder {
        private static final Provider PROVIDER;
        private static final String PROBLEM;

        static {
            Provider provider = null;
            String problem = "";
            try {
                if (Conscrypt.isAvailable()) {
                    provider = Conscrypt.newProvider();
                    // Loaded anyway for the handshakes: the chain's signatures are checked with it too.
                    SignatureChecks.useNative(provider);
                } else {
                    Throwable why = unavailability();
                    problem = why == null ? "its native library does not load on this platform"
                            : FailureClassifier.describe(why);
                }
            } catch (LinkageError | RuntimeException e) {
                problem = FailureClassifier.describe(e);
            }
            PROVIDER = provider;
            PROBLEM = problem;
        }

        private static Throwable unavailability() {
            try {
                Conscrypt.checkAvailability();
                return null;
            } catch (Throwable t) {
                return t;
            }
        }
    }

    static boolean available() {
        return Holder.PROVIDER != null;
    }

    /** The provider, or empty where the native library does not load. */
    static Optional<Provider> provider() {
        return Optional.ofNullable(Holder.PROVIDER);
    }

    static String unavailableReason() {
        return Holder.PROBLEM;
    }

    static String version() {
        Conscrypt.Version version = Conscrypt.version();
        return version == null ? "unknown"
                : version.major() + "." + version.minor() + "." + version.patch();
    }
}

package org.certcheck.trust;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** The CAs the JVM trusts by default: its cacerts, or whatever {@code javax.net.ssl.trustStore} names. */
final class JvmTrustStore {
    private JvmTrustStore() {
    }

    static List<X509Certificate> certificates() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return List.of(x509.getAcceptedIssuers());
                }
            }
            throw new TrustLoadException("JVM default trust store: the " + factory.getAlgorithm()
                    + " trust manager factory has no X.509 trust manager: give CA files instead");
        } catch (NoSuchAlgorithmException | KeyStoreException e) {
            throw new TrustLoadException("JVM default trust store: cannot load it (" + e.getMessage()
                    + "): check the javax.net.ssl.trustStore setting or give CA files instead", e);
        }
    }
}

package org.certcheck.testing;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.certcheck.pki.HeldCertificate;

/** JSSE server contexts for test servers: an identity, and optionally the CAs its clients must chain to. */
public final class ServerContexts {
    private ServerContexts() {
    }

    /** Serves {@code leaf} followed by {@code chain}. */
    public static SSLContext serving(HeldCertificate leaf, HeldCertificate... chain) {
        return serving(leaf, List.of(chain), List.of());
    }

    /** As {@link #serving(HeldCertificate, HeldCertificate...)}, trusting client certificates from {@code clientCas}. */
    public static SSLContext serving(HeldCertificate leaf, List<HeldCertificate> chain, List<HeldCertificate> clientCas) {
        try {
            List<X509Certificate> certificates = new ArrayList<>(List.of(leaf.certificate()));
            chain.forEach(c -> certificates.add(c.certificate()));
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("server", leaf.privateKey(), new char[0], certificates.toArray(X509Certificate[]::new));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("PKIX");
            keyManagers.init(keys, new char[0]);
            TrustManagerFactory trustManagers = null;
            if (!clientCas.isEmpty()) {
                KeyStore trusted = KeyStore.getInstance("PKCS12");
                trusted.load(null, null);
                for (int i = 0; i < clientCas.size(); i++) {
                    trusted.setCertificateEntry("ca" + i, clientCas.get(i).certificate());
                }
                trustManagers = TrustManagerFactory.getInstance("PKIX");
                trustManagers.init(trusted);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trustManagers == null ? null : trustManagers.getTrustManagers(),
                    null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build a test server context", e);
        }
    }
}

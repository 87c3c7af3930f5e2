package org.certcheck.trust;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import org.certcheck.crypto.CurveProvider;

/**
 * The trust of https:// OCSP, CRL and caIssuers URLs: the JVM's default CAs plus the run's own
 * anchors ({@code --ca}), so a corporate responder behind a corporate certificate verifies. A
 * standard PKIX trust manager over both; hostname verification is the fetcher's and stays on.
 * Built on first use: a run that fetches nothing over https never loads the JVM's CA list.
 */
public final class FetchTrust implements Supplier<SSLSocketFactory> {
    private final List<X509Certificate> anchors;
    private volatile SSLSocketFactory built;

    public FetchTrust(List<X509Certificate> anchors) {
        this.anchors = List.copyOf(anchors);
    }

    @Override
    public SSLSocketFactory get() {
        SSLSocketFactory factory = built;
        if (factory == null) {
            synchronized (this) {
                if (built == null) {
                    built = build();
                }
                factory = built;
            }
        }
        return factory;
    }

    private SSLSocketFactory build() {
        List<X509Certificate> trusted = new ArrayList<>(JvmTrustStore.certificates());
        trusted.addAll(anchors);
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < trusted.size(); i++) {
                store.setCertificateEntry("ca-" + i, trusted.get(i));
            }
            TrustManagerFactory managers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            managers.init(store);
            CurveProvider.preferForThisProcess(); // the JDK's TLS with faster curves
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, managers.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the trust of https fetches: " + e.getMessage(), e);
        }
    }
}

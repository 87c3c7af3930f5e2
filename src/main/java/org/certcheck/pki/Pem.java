package org.certcheck.pki;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/** PEM encoding of certificates and keys, through Bouncy Castle's writer. */
public final class Pem {
    private Pem() {
    }

    /**
     * PEM text of one or more objects (certificates, keys), concatenated in order. Private keys
     * are written as unencrypted PKCS#8 ({@code PRIVATE KEY}, RFC 5958 / RFC 7468 section 10), the
     * form OpenSSL and the JDK read: left to itself the writer turns a JDK EC key into a SEC 1
     * {@code EC PRIVATE KEY} without its curve, which nothing can load.
     */
    public static String encode(Object... objects) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                if (object instanceof PrivateKey key) {
                    writer.writeObject(new JcaPKCS8Generator(key, null));
                } else {
                    writer.writeObject(object);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot PEM-encode " + objects.length + " objects", e);
        }
        return text.toString();
    }
}

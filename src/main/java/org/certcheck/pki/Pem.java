package org.certcheck.pki;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** PEM encoding of certificates and keys, through Bouncy Castle's writer. */
public final class Pem {
    private Pem() {
    }

    /** PEM text of one or more objects (certificates, private keys), concatenated in order. */
    public static String encode(Object... objects) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot PEM-encode " + objects.length + " objects", e);
        }
        return text.toString();
    }
}

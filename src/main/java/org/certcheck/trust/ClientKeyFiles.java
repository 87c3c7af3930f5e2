package org.certcheck.trust;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.security.Provider;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.certcheck.files.BoundedFile;
import org.certcheck.finding.Printable;
import org.certcheck.tls.ClientIdentity;

/**
 * Reads a client identity for mutual TLS: a PEM certificate chain (leaf first) with its private
 * key (PKCS#8, PKCS#1 or SEC1, in the same file or another, encrypted or not), or a PKCS#12 file.
 * The key must belong to the certificate; anything else is a {@link ClientCertificateException}
 * naming the file.
 */
public final class ClientKeyFiles {
    /** A certificate chain with its key is a few KiB; a file of 1 MiB is something else. */
    public static final int MAX_BYTES = 1 << 20;
    /**
     * Decryption is done by this provider object, passed to each decryptor (never installed with
     * Security.addProvider): it has every cipher and PRF OpenSSL writes (AES-CBC with PBKDF2 and
     * HMAC-SHA256 since OpenSSL 3, DES-EDE3 before), whatever the JVM's own providers offer.
     */
    private static final Provider DECRYPTION = new BouncyCastleProvider();
    private static final String PASSWORD_FROM = " (the password is read from CERTCHECK_CLIENT_PASSWORD)";

    private ClientKeyFiles() {
    }

    /**
     * @param keyFile  where the key is; empty when it is in {@code certFile}
     * @param password for an encrypted key; empty when there is none
     */
    public static ClientIdentity pem(Path certFile, Optional<Path> keyFile, char[] password) {
        PemContent certs = read(certFile, password);
        if (certs.certificates.isEmpty()) {
            throw new ClientCertificateException(certFile + ": no PEM certificate (\"BEGIN CERTIFICATE\") in it");
        }
        Path keyFrom = keyFile.orElse(certFile);
        PemContent keys = keyFile.isPresent() ? read(keyFile.get(), password) : certs;
        if (keys.keys.isEmpty()) {
            throw new ClientCertificateException(keyFrom + ": no PEM private key in it"
                    + (keyFile.isEmpty() ? " (give the key with --client-key)" : ""));
        }
        return matched(keys.keys.get(0), certs.certificates, keyFrom + " does not belong to the certificate in " + certFile);
    }

    /** The first key entry of a PKCS#12 file, with its chain. */
    public static ClientIdentity pkcs12(Path file, char[] password) {
        try (InputStream in = new ByteArrayInputStream(bounded(file))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) store.getKey(alias, password);
                    Certificate[] chain = store.getCertificateChain(alias);
                    if (chain == null || chain.length == 0) {
                        throw new ClientCertificateException(file + ": the key \"" + alias + "\" has no certificate");
                    }
                    List<X509Certificate> certificates = Arrays.stream(chain).map(c -> (X509Certificate) c).toList();
                    return matched(key, certificates, file + " does not belong to its certificate");
                }
            }
            throw new ClientCertificateException(file + ": no private key in this PKCS#12 file");
        } catch (IOException e) {
            String why = e.getCause() instanceof javax.crypto.BadPaddingException || String.valueOf(e.getMessage())
                    .toLowerCase(java.util.Locale.ROOT).contains("password")
                    ? "wrong password, or not a PKCS#12 file" + PASSWORD_FROM
                    : "not a readable PKCS#12 file (" + e.getClass().getSimpleName() + ")";
            throw new ClientCertificateException(file + ": " + why, e);
        } catch (GeneralSecurityException e) {
            throw new ClientCertificateException(file + ": cannot read its key: wrong password for the key entry,"
                    + " or a key algorithm this JVM does not support" + PASSWORD_FROM, e);
        }
    }

    private record PemContent(List<X509Certificate> certificates, List<PrivateKey> keys) {
    }

    private static PemContent read(Path file, char[] password) {
        List<X509Certificate> certificates = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        String text = new String(bounded(file), StandardCharsets.ISO_8859_1);
        try (Reader reader = new StringReader(text);
             PEMParser parser = new PEMParser(reader)) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof X509CertificateHolder holder) {
                    certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
                } else if (item instanceof PrivateKeyInfo info) {
                    keys.add(converter.getPrivateKey(info));
                } else if (item instanceof PEMKeyPair pair) {
                    keys.add(converter.getKeyPair(pair).getPrivate());
                } else if (item instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    keys.add(converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(
                            new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(DECRYPTION)
                                    .build(needed(password, file)))));
                } else if (item instanceof PEMEncryptedKeyPair encrypted) {
                    keys.add(converter.getKeyPair(encrypted.decryptKeyPair(
                            new JcePEMDecryptorProviderBuilder().setProvider(DECRYPTION)
                                    .build(needed(password, file)))).getPrivate());
                }
            }
        } catch (PKCSException | org.bouncycastle.openssl.EncryptionException e) {
            // The cipher's own words ("Tag mismatch!", "Given final block not properly padded") say
            // nothing to a user: a wrong password is by far the likeliest cause.
            throw new ClientCertificateException("wrong password for the encrypted key in " + file + PASSWORD_FROM, e);
        } catch (OperatorCreationException e) {
            throw new ClientCertificateException(file + ": the key is encrypted with a cipher certcheck cannot use ("
                    + Printable.printable(String.valueOf(e.getMessage())) + "); re-encrypt it with"
                    + " openssl pkcs8 -topk8 -v2 aes-256-cbc", e);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof ClientCertificateException known) {
                throw known;
            }
            throw new ClientCertificateException(file + ": not a readable PEM certificate or key (a corrupt block,"
                    + " or not PEM; expected \"-----BEGIN CERTIFICATE-----\" and a \"-----BEGIN ... PRIVATE KEY-----\")", e);
        }
        return new PemContent(certificates, keys);
    }

    /** The file's bytes, at most {@link #MAX_BYTES}, without a UTF-8 byte order mark. */
    private static byte[] bounded(Path file) {
        try {
            return BoundedFile.read(file, MAX_BYTES);
        } catch (BoundedFile.TooLarge e) {
            throw new ClientCertificateException(file + ": " + e.getMessage()
                    + ", too large for a client certificate or key (read stopped there)", e);
        } catch (IOException e) {
            throw new ClientCertificateException(file + ": " + BoundedFile.reason(e), e);
        }
    }

    private static char[] needed(char[] password, Path file) {
        if (password.length == 0) {
            throw new ClientCertificateException(file + ": the key is encrypted: set CERTCHECK_CLIENT_PASSWORD");
        }
        return password;
    }

    /** Signs with the key and verifies with the certificate: the only test that works for every key type. */
    private static ClientIdentity matched(PrivateKey key, List<X509Certificate> chain, String mismatch) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            default -> key.getAlgorithm();
        };
        try {
            byte[] probe = "certcheck".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(chain.get(0).getPublicKey());
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new ClientCertificateException("the key in " + mismatch);
            }
        } catch (GeneralSecurityException e) {
            throw new ClientCertificateException("the key in " + mismatch + " (" + e.getMessage() + ")", e);
        }
        return new ClientIdentity(key, chain);
    }
}

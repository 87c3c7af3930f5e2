package org.certcheck.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The client side of mutual TLS for one probe: records whether the server asked for a client
 * certificate and which CAs it named, and answers with the user's {@link ClientIdentity} when
 * there is one whose key type the server accepts. JSSE calls it only when a CertificateRequest
 * arrives.
 */
final class ClientKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "client";

    private final Optional<ClientIdentity> identity;
    private final AtomicReference<ClientCertificateRequest> request = new AtomicReference<>();

    ClientKeyManager(Optional<ClientIdentity> identity) {
        this.identity = identity;
    }

    /** Empty when the server never asked for a client certificate. */
    Optional<ClientCertificateRequest> request() {
        return Optional.ofNullable(request.get());
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return choose(keyTypes, issuers);
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return choose(keyTypes, issuers);
    }

    /** JSSE may ask once per key type; a certificate counts as sent once any answer named it. */
    private String choose(String[] keyTypes, Principal[] issuers) {
        List<String> names = issuers == null ? List.of()
                : Arrays.stream(issuers).map(Principal::getName).toList();
        boolean usable = identity.isPresent() && keyTypes != null && Arrays.stream(keyTypes)
                .anyMatch(type -> accepts(type, identity.get().key()));
        request.getAndUpdate(before -> new ClientCertificateRequest(
                before == null || before.acceptedIssuers().isEmpty() ? names : before.acceptedIssuers(),
                usable || (before != null && before.sent())));
        return usable ? ALIAS : null;
    }

    /** JSSE's key type names: "RSA", "RSASSA-PSS", "EC", "EdDSA"/"Ed25519", "DSA". */
    private static boolean accepts(String keyType, PrivateKey key) {
        String type = keyType.toUpperCase(Locale.ROOT);
        String algorithm = key.getAlgorithm().toUpperCase(Locale.ROOT);
        return type.equals(algorithm) || (algorithm.equals("RSA") && type.equals("RSASSA-PSS"))
                || (type.startsWith("ED") && (algorithm.equals("EDDSA") || algorithm.startsWith("ED")));
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return identity.isPresent() ? new String[] {ALIAS} : null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? identity.map(id -> id.chain().toArray(X509Certificate[]::new)).orElse(null) : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? identity.map(ClientIdentity::key).orElse(null) : null;
    }

    /** A probe is a client only. */
    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return null;
    }
}

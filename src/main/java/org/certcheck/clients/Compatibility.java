package org.certcheck.clients;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.certcheck.finding.Finding;
import org.certcheck.finding.FindingCode;
import org.certcheck.tls.KeyExchange;

/**
 * Judges which clients would connect to a target, from the facts of one handshake and its path
 * (the rules and their sources are in {@link ClientProfiles}). It answers for what differs between
 * clients; what no client accepts (an expired certificate, a wrong name) is judged by the other
 * checks. A target is judged as reached with certcheck's own offer (TLS 1.3 down to 1.0, ECDHE
 * first): what the server chose is what it prefers or all it has.
 *
 * @param shown the profiles reports show ({@code --clients}, or all)
 * @param named whether the user named them: only then is a refusal also a finding
 */
public record Compatibility(List<ClientProfile> shown, boolean named) {
    /** Every profile shown, none named: the column, no findings. */
    public static final Compatibility DEFAULT = new Compatibility(ClientProfiles.ALL, false);

    public Compatibility {
        shown = List.copyOf(shown);
    }

    /** The profiles of {@code --clients}: shown, and a refusal by any of them is a finding. */
    public static Compatibility named(List<ClientProfile> profiles) {
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("name at least one client; known clients: " + ClientProfiles.known());
        }
        return new Compatibility(profiles, true);
    }

    /** One outcome per shown profile, in their order. */
    public List<ClientOutcome> judge(ClientFacts facts) {
        Objects.requireNonNull(facts, "facts");
        return shown.stream().map(profile -> judge(profile, facts)).toList();
    }

    /** A {@code clients.cannot-connect} finding per named client that would refuse; none unless named. */
    public List<Finding> findings(List<ClientOutcome> outcomes) {
        if (!named) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (ClientOutcome outcome : outcomes) {
            if (!outcome.connects()) {
                String name = ClientProfiles.byId(outcome.client()).map(ClientProfile::name).orElse(outcome.client());
                findings.add(Finding.of(FindingCode.CLIENTS_CANNOT_CONNECT, outcome.client() + " (" + name
                        + ") cannot connect: " + String.join("; ", outcome.refusals().stream().map(Refusal::detail).toList())));
            }
        }
        return findings;
    }

    static ClientOutcome judge(ClientProfile client, ClientFacts facts) {
        List<Refusal> refusals = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        protocol(client, facts, refusals);
        cipher(client, facts, refusals);
        keyExchange(client, facts, refusals);
        leafKey(client, facts, refusals);
        if (facts.missingIntermediate()) {
            if (client.fetchesIntermediates() && facts.caIssuersUrl()) {
                notes.add("fetches the missing intermediate via AIA");
            } else {
                refusals.add(new Refusal("intermediate not sent", "the server does not send the intermediate"
                        + " certificate needed to reach the root, and " + client.id() + (client.fetchesIntermediates()
                        ? " would fetch it from a caIssuers URL, but the certificate names none"
                        : " does not fetch it from the caIssuers URL") + ": add it to the server's chain file"));
            }
        }
        facts.anchorSha256().ifPresent(anchor -> {
            for (CaDistrust policy : client.distrust()) {
                if (policy.refuses(anchor, facts.leafNotBefore())) {
                    LocalDate issued = LocalDate.ofInstant(facts.leafNotBefore(), ZoneOffset.UTC);
                    refusals.add(new Refusal(policy.name() + " distrust", "the leaf was issued " + issued
                            + ", after " + policy.after() + ", under a root the JDK's " + policy.name()
                            + " policy distrusts (jdk.security.caDistrustPolicies, " + policy.since()
                            + "): get a certificate from another CA"));
                }
            }
        });
        return new ClientOutcome(client.id(), refusals, notes);
    }

    private static void protocol(ClientProfile client, ClientFacts facts, List<Refusal> refusals) {
        int rank = Protocols.rank(facts.protocol());
        if (rank >= 0 && rank < Protocols.rank(client.minProtocol())) {
            String seen = Protocols.display(facts.protocol());
            refusals.add(new Refusal(seen + " only", "the server speaks at most " + seen + " and " + client.id()
                    + " needs " + Protocols.display(client.minProtocol()) + " or later: enable TLS 1.2 and 1.3"));
        }
    }

    /** RC4, DES, 3DES, NULL, EXPORT and anonymous suites are in no client's default list. */
    private static void cipher(ClientProfile client, ClientFacts facts, List<Refusal> refusals) {
        String suite = facts.cipherSuite();
        boolean weak = suite.contains("_RC4_") || suite.contains("_DES_") || suite.contains("_3DES_")
                || suite.contains("DES40") || suite.contains("_NULL_") || suite.endsWith("_NULL")
                || suite.contains("_EXPORT") || suite.contains("_anon_");
        if (weak) {
            refusals.add(new Refusal("cipher " + suite, "the server chose " + suite + ", which no current client"
                    + " enables by default: configure ECDHE with AES-GCM or ChaCha20-Poly1305"));
        } else if (facts.rsaKeyExchange() && !client.rsaKeyExchange()) {
            refusals.add(new Refusal("TLS_RSA only", "the server chose " + suite + " (RSA key exchange) over the"
                    + " ECDHE suites offered first, and " + client.id() + " disables TLS_RSA_* suites: enable"
                    + " ECDHE suites on the server"));
        } else if (facts.dheKeyExchange() && !client.dheKeyExchange()) {
            refusals.add(new Refusal("DHE only", "the server chose " + suite + " over the ECDHE suites offered"
                    + " first, and " + client.id() + " offers no DHE suites: enable ECDHE suites on the server"));
        }
    }

    private static void keyExchange(ClientProfile client, ClientFacts facts, List<Refusal> refusals) {
        if (facts.keyExchange().isPresent()) {
            KeyExchange group = facts.keyExchange().get();
            boolean offered = client.dheKeyExchange() || !facts.dheKeyExchange();
            if (offered && group.finiteField() && group.bits() > 0 && group.bits() < client.minDhBits()) {
                refusals.add(new Refusal("DH " + group.bits(), "the server's Diffie-Hellman group has " + group.bits()
                        + " bits and " + client.id() + " needs " + client.minDhBits() + ": configure ffdhe2048 or"
                        + " larger, or prefer ECDHE"));
            }
        }
        facts.handshakeSignature().filter(scheme -> scheme.endsWith("_sha1"))
                .filter(scheme -> !client.sha1Signatures())
                .ifPresent(scheme -> refusals.add(new Refusal("SHA-1 signature", "the server signed its key"
                        + " exchange with " + scheme + " and " + client.id() + " refuses SHA-1 in handshake"
                        + " signatures (RFC 9155): let the server sign with SHA-256 or better")));
    }

    private static void leafKey(ClientProfile client, ClientFacts facts, List<Refusal> refusals) {
        int bits = facts.leafKeyBits();
        if (bits <= 0) {
            return;
        }
        if (facts.leafKeyType().equals("RSA")) {
            int needed = facts.publicRoot() ? client.minPublicRsaBits() : client.minRsaBits();
            if (bits < needed) {
                refusals.add(new Refusal("RSA " + bits, "the leaf's RSA key has " + bits + " bits and " + client.id()
                        + " needs " + needed + (facts.publicRoot() ? " under a public root" : "")
                        + ": reissue it with a 2048-bit or larger RSA key, or P-256"));
            }
        } else if (facts.leafKeyType().equals("EC") && bits < client.minEcBits()) {
            refusals.add(new Refusal("EC " + bits, "the leaf's EC key has " + bits + " bits and " + client.id()
                    + " needs " + client.minEcBits() + ": reissue it on P-256 or P-384"));
        }
    }
}

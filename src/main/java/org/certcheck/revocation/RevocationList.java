package org.certcheck.revocation;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.security.auth.x500.X500Principal;

import org.certcheck.crypto.SignatureChecks;

/**
 * One CRL, parsed once and kept compactly ({@link SerialIndex}): each lookup by serial number takes
 * logarithmic time, however many entries it has. The signature is checked lazily, once per issuer key asked about,
 * because a CRL of 100,000 entries costs a hash over megabytes. Thread-safe.
 */
public final class RevocationList {
    /** A revoked serial: when, and why (RFC 5280 section 5.3.1 code, -1 when none is given). */
    record Entry(Instant revokedAt, int reason) {
    }

    private final byte[] encoded;
    private final String location;
    private final X500Principal issuer;
    private final Instant thisUpdate;
    private final Optional<Instant> nextUpdate;
    private final Set<String> critical;
    private final Map<String, byte[]> extensions;
    private final SerialIndex revoked;
    private final Map<String, Boolean> verifiedBy = new ConcurrentHashMap<>();

    /** Keeps what the checks read and the DER to verify; the parsed CRL itself is left to the collector. */
    private RevocationList(X509CRL crl, String location) throws CRLException {
        this.encoded = crl.getEncoded();
        this.location = location;
        this.issuer = crl.getIssuerX500Principal();
        this.thisUpdate = crl.getThisUpdate().toInstant();
        this.nextUpdate = Optional.ofNullable(crl.getNextUpdate()).map(java.util.Date::toInstant);
        Set<String> criticalOids = crl.getCriticalExtensionOIDs();
        this.critical = criticalOids == null ? Set.of() : Set.copyOf(criticalOids);
        Map<String, byte[]> values = new HashMap<>();
        for (Set<String> oids : Arrays.asList(crl.getCriticalExtensionOIDs(), crl.getNonCriticalExtensionOIDs())) {
            if (oids != null) {
                oids.forEach(oid -> values.put(oid, crl.getExtensionValue(oid)));
            }
        }
        this.extensions = Map.copyOf(values);
        Set<? extends X509CRLEntry> entries = crl.getRevokedCertificates();
        this.revoked = SerialIndex.of(entries == null ? Set.of() : entries);
    }

    /**
     * Parses a DER or PEM CRL.
     *
     * @param location where it came from, for messages: a URL or a {@code file:} URI
     * @throws CRLException if {@code encoded} is not a CRL
     */
    public static RevocationList parse(byte[] encoded, String location) throws CRLException {
        return parse(new ByteArrayInputStream(encoded), location);
    }

    /** As {@link #parse(byte[], String)}, from a stream (no copy of a downloaded body). */
    static RevocationList parse(InputStream encoded, String location) throws CRLException {
        Objects.requireNonNull(location, "location");
        try {
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(encoded);
            if (crl == null) {
                throw new CRLException("no CRL in the data");
            }
            return new RevocationList(crl, location);
        } catch (CertificateException e) {
            throw new IllegalStateException("the JVM has no X.509 support", e);
        } catch (RuntimeException e) {
            throw new CRLException("not a CRL: " + e.getMessage(), e);
        }
    }

    public String location() {
        return location;
    }

    public X500Principal issuer() {
        return issuer;
    }

    public Instant thisUpdate() {
        return thisUpdate;
    }

    public Optional<Instant> nextUpdate() {
        return nextUpdate;
    }

    public int size() {
        return revoked.size();
    }

    /** The size of its DER encoding. */
    public int bytes() {
        return encoded.length;
    }

    /** The CRL's entry for {@code serial}, if it lists it (direct CRLs only, as {@link CrlCheck} requires). */
    Optional<Entry> entry(BigInteger serial) {
        return revoked.find(serial);
    }

    /** True if the CRL's signature verifies with {@code issuer}'s key; computed once per key. */
    boolean signedBy(X509Certificate issuer) {
        String key = java.util.HexFormat.of().formatHex(issuer.getPublicKey().getEncoded());
        return verifiedBy.computeIfAbsent(key, k -> {
            try {
                // Parsed again for this once per key, rather than kept parsed for the whole run.
                X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                        .generateCRL(new ByteArrayInputStream(encoded));
                return SignatureChecks.verifies(crl, issuer.getPublicKey());
            } catch (GeneralSecurityException | RuntimeException e) {
                return false;
            }
        });
    }

    /** The OIDs of the CRL's critical extensions (not its entries'). */
    Set<String> criticalExtensions() {
        return critical;
    }

    /** The DER value of a CRL extension, unwrapped from its OCTET STRING, if present. */
    Optional<byte[]> extension(String oid) {
        byte[] wrapped = extensions.get(oid);
        if (wrapped == null) {
            return Optional.empty();
        }
        return Optional.of(org.bouncycastle.asn1.ASN1OctetString.getInstance(wrapped).getOctets());
    }
}
